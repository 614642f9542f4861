/**
 * The variables as edited so far: name, (environments) service, type ("Text" / "Secret"), value —
 * a secret shows "••••••" and never its value; a new one is typed in a password field — (for
 * environments) status, and Delete / Undo. The problems the server named for a variable show on
 * its row. Rows are a variable's name and service (`variableKey`); controls are named with both.
 */
import { ActionButton, Flex, Text, TextField } from '@adobe/react-spectrum';
import Delete from '@spectrum-icons/workflow/Delete';
import Undo from '@spectrum-icons/workflow/Undo';
import {
  SECRET_MASK,
  serviceLabel,
  VARIABLE_TYPE_LABELS,
  variableKey,
  variableLabel,
  variableValueProblem,
  type VariableDraft,
} from '../../domain/variables';
import { EnvironmentStatus } from '../environment/environment-status';

interface VariablesTableProps {
  drafts: VariableDraft[];
  /** Problems the server named for a variable. */
  serverProblems: (draft: VariableDraft) => string[];
  readOnly: boolean;
  /** An environment's variables: a Service and a Status column. */
  withService?: boolean;
  /** A saved variable's status as read now (`ready`, `updating`). */
  statusOf?: (draft: VariableDraft) => string | undefined;
  /** Changes the row of the variable with this key (`variableKey`). */
  onChange: (key: string, patch: Partial<VariableDraft>) => void;
  onRemove: (key: string) => void;
}

/** A secret row's value: the mask, or (replacing it) a password field. */
function SecretValue({
  draft,
  label,
  readOnly,
  onChange,
}: {
  draft: VariableDraft;
  label: string;
  readOnly: boolean;
  onChange: VariablesTableProps['onChange'];
}) {
  const key = variableKey(draft);
  if (!draft.saved || draft.value === undefined) {
    return (
      <Flex alignItems="center" gap="size-100">
        <Text aria-label={`${label}: secret value, not shown`}>{SECRET_MASK}</Text>
        {draft.saved && !readOnly && !draft.deleted ? (
          <ActionButton isQuiet onPress={() => onChange(key, { value: '' })}>
            Replace
          </ActionButton>
        ) : null}
      </Flex>
    );
  }
  const problem = variableValueProblem(draft.value, 'secretString');
  return (
    <Flex alignItems="start" gap="size-100">
      <TextField
        aria-label={`New secret value of ${label}`}
        type="password"
        autoComplete="off"
        value={draft.value}
        onChange={(value) => onChange(key, { value })}
        isDisabled={readOnly}
        validationState={problem ? 'invalid' : undefined}
        errorMessage={problem}
        width="100%"
      />
      <ActionButton isQuiet onPress={() => onChange(key, { value: undefined })}>
        Keep
      </ActionButton>
    </Flex>
  );
}

export function VariablesTable({
  drafts,
  serverProblems,
  readOnly,
  withService = false,
  statusOf,
  onChange,
  onRemove,
}: VariablesTableProps) {
  return (
    <table className="variables-table" aria-label="Variables">
      <thead>
        <tr>
          <th scope="col">NAME</th>
          {withService ? <th scope="col">SERVICE</th> : null}
          <th scope="col">TYPE</th>
          <th scope="col">VALUE</th>
          {withService ? <th scope="col">STATUS</th> : null}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((draft) => {
          const key = variableKey(draft);
          const label = variableLabel(draft, withService);
          const problems = serverProblems(draft);
          const value = draft.value ?? draft.savedValue ?? '';
          const valueProblem = draft.type === 'string' && draft.value !== undefined ? variableValueProblem(value, 'string') : undefined;
          return (
            <tr key={key} className={draft.deleted ? 'variable-deleted' : undefined}>
              <th scope="row">
                <Text>{draft.name}</Text>
                {!draft.saved ? <Text UNSAFE_className="muted"> (new)</Text> : null}
                {draft.deleted ? <Text UNSAFE_className="muted"> (to be deleted)</Text> : null}
                {problems.length ? (
                  <ul className="variable-problems" aria-label={`Problems with ${label}`}>
                    {problems.map((problem, index) => (
                      <li key={index}>{problem}</li>
                    ))}
                  </ul>
                ) : null}
              </th>
              {withService ? <td>{serviceLabel(draft.service)}</td> : null}
              <td>{VARIABLE_TYPE_LABELS[draft.type]}</td>
              <td>
                {draft.type === 'secretString' ? (
                  <SecretValue draft={draft} label={label} readOnly={readOnly} onChange={onChange} />
                ) : !draft.saved ? (
                  <Text>{value}</Text>
                ) : (
                  <TextField
                    aria-label={`Value of ${label}`}
                    value={value}
                    onChange={(next) => onChange(key, { value: next })}
                    isDisabled={readOnly || draft.deleted}
                    validationState={valueProblem ? 'invalid' : undefined}
                    errorMessage={valueProblem}
                    width="100%"
                  />
                )}
              </td>
              {withService ? <td>{draft.saved ? <EnvironmentStatus status={statusOf?.(draft)} readyWord="Ready" /> : null}</td> : null}
              <td className="cell-actions">
                {draft.deleted ? (
                  <ActionButton isQuiet aria-label={`Undo delete of ${label}`} onPress={() => onChange(key, { deleted: false })}>
                    <Undo />
                  </ActionButton>
                ) : (
                  <ActionButton isQuiet isDisabled={readOnly} aria-label={`Delete ${label}`} onPress={() => onRemove(key)}>
                    <Delete />
                  </ActionButton>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
