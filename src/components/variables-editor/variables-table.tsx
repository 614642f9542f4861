/**
 * The variables as edited so far: name, type ("Text" / "Secret"), value — a secret shows
 * "••••••" and never its value; a new one is typed in a password field — and Delete / Undo. The
 * problems the server named for a variable show on its row.
 */
import { ActionButton, Flex, Text, TextField } from '@adobe/react-spectrum';
import Delete from '@spectrum-icons/workflow/Delete';
import Undo from '@spectrum-icons/workflow/Undo';
import { SECRET_MASK, VARIABLE_TYPE_LABELS, variableValueProblem, type VariableDraft } from '../../domain/variables';

interface VariablesTableProps {
  drafts: VariableDraft[];
  /** Problems the server named, by variable name. */
  serverProblems: (name: string) => string[];
  readOnly: boolean;
  onChange: (name: string, patch: Partial<VariableDraft>) => void;
  onRemove: (name: string) => void;
}

/** A secret row's value: the mask, or (replacing it) a password field. */
function SecretValue({
  draft,
  readOnly,
  onChange,
}: {
  draft: VariableDraft;
  readOnly: boolean;
  onChange: VariablesTableProps['onChange'];
}) {
  if (!draft.saved || draft.value === undefined) {
    return (
      <Flex alignItems="center" gap="size-100">
        <Text aria-label={`${draft.name}: secret value, not shown`}>{SECRET_MASK}</Text>
        {draft.saved && !readOnly && !draft.deleted ? (
          <ActionButton isQuiet onPress={() => onChange(draft.name, { value: '' })}>
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
        aria-label={`New secret value of ${draft.name}`}
        type="password"
        autoComplete="off"
        value={draft.value}
        onChange={(value) => onChange(draft.name, { value })}
        isDisabled={readOnly}
        validationState={problem ? 'invalid' : undefined}
        errorMessage={problem}
        width="100%"
      />
      <ActionButton isQuiet onPress={() => onChange(draft.name, { value: undefined })}>
        Keep
      </ActionButton>
    </Flex>
  );
}

export function VariablesTable({ drafts, serverProblems, readOnly, onChange, onRemove }: VariablesTableProps) {
  return (
    <table className="variables-table" aria-label="Variables">
      <thead>
        <tr>
          <th scope="col">NAME</th>
          <th scope="col">TYPE</th>
          <th scope="col">VALUE</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((draft) => {
          const problems = serverProblems(draft.name);
          const value = draft.value ?? draft.savedValue ?? '';
          const valueProblem = draft.type === 'string' && draft.value !== undefined ? variableValueProblem(value, 'string') : undefined;
          return (
            <tr key={draft.name} className={draft.deleted ? 'variable-deleted' : undefined}>
              <th scope="row">
                <Text>{draft.name}</Text>
                {!draft.saved ? <Text UNSAFE_className="muted"> (new)</Text> : null}
                {draft.deleted ? <Text UNSAFE_className="muted"> (to be deleted)</Text> : null}
                {problems.length ? (
                  <ul className="variable-problems" aria-label={`Problems with ${draft.name}`}>
                    {problems.map((problem, index) => (
                      <li key={index}>{problem}</li>
                    ))}
                  </ul>
                ) : null}
              </th>
              <td>{VARIABLE_TYPE_LABELS[draft.type]}</td>
              <td>
                {draft.type === 'secretString' ? (
                  <SecretValue draft={draft} readOnly={readOnly} onChange={onChange} />
                ) : !draft.saved ? (
                  <Text>{value}</Text>
                ) : (
                  <TextField
                    aria-label={`Value of ${draft.name}`}
                    value={value}
                    onChange={(next) => onChange(draft.name, { value: next })}
                    isDisabled={readOnly || draft.deleted}
                    validationState={valueProblem ? 'invalid' : undefined}
                    errorMessage={valueProblem}
                    width="100%"
                  />
                )}
              </td>
              <td className="cell-actions">
                {draft.deleted ? (
                  <ActionButton
                    isQuiet
                    aria-label={`Undo delete of ${draft.name}`}
                    onPress={() => onChange(draft.name, { deleted: false })}
                  >
                    <Undo />
                  </ActionButton>
                ) : (
                  <ActionButton isQuiet isDisabled={readOnly} aria-label={`Delete ${draft.name}`} onPress={() => onRemove(draft.name)}>
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
