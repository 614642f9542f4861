/**
 * The row that adds a variable: Name, (environments) Service, Type (Text / Secret; a secret is
 * typed in a password field), Value, and Add. A name is taken when a variable of the same service
 * has it (environment variables are a name and a service).
 */
import { Button, Flex, Item, Picker, TextField } from '@adobe/react-spectrum';
import { useState } from 'react';
import type { VariableType } from '../../api/types';
import {
  serviceLabel,
  serviceOfChoice,
  VARIABLE_TYPE_LABELS,
  variableNameProblem,
  variableValueProblem,
  type VariableChange,
  type VariableServiceChoice,
} from '../../domain/variables';

interface AddVariableFormProps {
  /** The variables already there (saved, added, or marked for deletion). */
  taken: { name: string; service?: string }[];
  /** An environment's variables: the services to choose from (All first). */
  services?: VariableServiceChoice[];
  onAdd: (variable: VariableChange) => void;
  isDisabled: boolean;
}

export function AddVariableForm({ taken, services, onAdd, isDisabled }: AddVariableFormProps) {
  const [name, setName] = useState('');
  const [type, setType] = useState<VariableType>('string');
  const [value, setValue] = useState('');
  const [choice, setChoice] = useState<VariableServiceChoice>('all');
  const [shown, setShown] = useState({ name: false, value: false });
  const service = services ? serviceOfChoice(choice) : undefined;
  const nameProblem = variableNameProblem(
    name,
    taken.filter((variable) => variable.service === service).map((variable) => variable.name),
  );
  const valueProblem = variableValueProblem(value, type);
  const nameError = shown.name ? nameProblem : undefined;
  const valueError = shown.value ? valueProblem : undefined;

  const add = () => {
    setShown({ name: true, value: true });
    if (nameProblem || valueProblem) return;
    onAdd({ name, type, value, ...(service ? { service } : {}) });
    setName('');
    setValue('');
    setShown({ name: false, value: false });
  };

  return (
    <Flex gap="size-150" alignItems="start" wrap marginTop="size-200" UNSAFE_className="add-variable">
      <TextField
        label="Name"
        value={name}
        onChange={(next) => {
          setName(next);
          setShown((s) => ({ ...s, name: true }));
        }}
        validationState={nameError ? 'invalid' : undefined}
        errorMessage={nameError}
        width="size-3000"
        isDisabled={isDisabled}
      />
      {services ? (
        <Picker
          label="Service"
          selectedKey={choice}
          onSelectionChange={(key) => setChoice(services.find((s) => s === key) ?? 'all')}
          width="size-1600"
          isDisabled={isDisabled}
        >
          {services.map((key) => (
            <Item key={key}>{serviceLabel(serviceOfChoice(key))}</Item>
          ))}
        </Picker>
      ) : null}
      <Picker
        label="Type"
        selectedKey={type}
        onSelectionChange={(key) => setType(key === 'secretString' ? 'secretString' : 'string')}
        width="size-1600"
        isDisabled={isDisabled}
      >
        {(Object.keys(VARIABLE_TYPE_LABELS) as VariableType[]).map((key) => (
          <Item key={key}>{VARIABLE_TYPE_LABELS[key]}</Item>
        ))}
      </Picker>
      <TextField
        label={type === 'secretString' ? 'Secret value' : 'Value'}
        type={type === 'secretString' ? 'password' : 'text'}
        autoComplete="off"
        value={value}
        onChange={(next) => {
          setValue(next);
          setShown((s) => ({ ...s, value: true }));
        }}
        validationState={valueError ? 'invalid' : undefined}
        errorMessage={valueError}
        width="size-3600"
        isDisabled={isDisabled}
      />
      <Button variant="secondary" onPress={add} marginTop="size-300" isDisabled={isDisabled}>
        Add variable
      </Button>
    </Flex>
  );
}
