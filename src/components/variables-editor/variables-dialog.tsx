/**
 * The variables editor (View/Edit variables): the variables of a VariableList href — a pipeline's
 * `variables` link, or an environment's — as a table to edit, a row to add one, a review of the
 * changes, and Save: one PATCH of the list's self link with only the changes (a deleted variable
 * sent with an empty value). A secret's value is never shown: the API never returns it, and one
 * typed here is shown masked. An environment's variables (`services` given) have a Service column
 * (All, Author, Publish, Preview): a variable is its name and its service, and its status shows
 * while a change applies. Read-only (inputs disabled, the reason said) while the pipeline runs or
 * the environment updates, and when the API offers no change of the list (the console is read-only);
 * a refusal from the server shows in place, on the rows it names.
 */
import { Button, ButtonGroup, Content, Dialog, Divider, Heading, InlineAlert, Text, useDialogContainer } from '@adobe/react-spectrum';
import { useState } from 'react';
import { patchVariables } from '../../api/actions';
import { ApiError } from '../../api/client';
import { useLinkAction } from '../../api/mutations';
import { variablesBody, type VariableUpdate } from '../../api/pipeline-bodies';
import { useVariables } from '../../api/environments';
import {
  changeCount,
  draftsOf,
  problemsNaming,
  variableChanges,
  variableKey,
  variableValueProblem,
  type VariableChange,
  type VariableDraft,
  type VariableServiceChoice,
} from '../../domain/variables';
import { useActionDenial } from '../permission-help';
import { QueryState, readState } from '../query-state';
import { ProblemAlert } from '../problem-alert';
import { AddVariableForm } from './add-variable-form';
import { VariablesReview } from './variables-review';
import { actionRequest } from '../../api/action-request';
import { CopyCurlMenu } from '../copy-curl/copy-curl-menu';
import { VariablesTable } from './variables-table';

/** What a copied curl command has instead of a secret's value (a secret is never copied or shown). */
export const SECRET_PLACEHOLDER = '<the secret value>';

/** The changes with every new secret value replaced by SECRET_PLACEHOLDER (a deletion, value "", stays). */
function withoutSecretValues(changes: VariableUpdate[]): VariableUpdate[] {
  return changes.map((change) => (change.type === 'secretString' && change.value ? { ...change, value: SECRET_PLACEHOLDER } : change));
}

export interface VariablesDialogProps {
  /** The VariableList's href (from a `variables` link). */
  href: string;
  title: string;
  /** Why the variables cannot be changed now (e.g. the pipeline runs): the editor is then read-only. */
  readOnlyReason?: string;
  /** An environment's variables: the services a variable can be limited to (a Service column). */
  services?: VariableServiceChoice[];
}

/** Why the variables are read-only when the list offers no change (src/api/actions.ts `patchVariables`). */
export const NOT_CHANGEABLE = 'The console is read-only: these variables can be viewed, not changed.';

export function VariablesDialog({ href, title, readOnlyReason: busyReason, services }: VariablesDialogProps) {
  const dialog = useDialogContainer();
  const list = useVariables(href);
  const action = useLinkAction();
  const [drafts, setDrafts] = useState<VariableDraft[] | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [refusal, setRefusal] = useState<Error | null>(null);
  // The table starts from the list as first read, and keeps the user's edits over later reads.
  if (drafts === null && list.data) setDrafts(draftsOf(list.data._embedded?.variables ?? []));

  const rows = drafts ?? [];
  const changeable = list.data === undefined || patchVariables(list.data, []).link !== undefined;
  // Read-only for a user who may not change variables (the permission and the roles that have it).
  const denied = useActionDenial({ name: 'patchVariables' });
  const readOnlyReason = busyReason ?? (changeable ? denied : NOT_CHANGEABLE);
  const readOnly = readOnlyReason !== undefined;
  const changes = variableChanges(rows);
  const count = changeCount(changes);
  const invalid = rows.some(
    (d) => !d.deleted && d.value !== undefined && (d.saved || d.type === 'secretString') && variableValueProblem(d.value, d.type),
  );
  const serverErrors = refusal instanceof ApiError ? refusal.errors : [];

  // The status as read now (the list is polled while a change applies), by variable.
  const statuses = new Map((list.data?._embedded?.variables ?? []).map((v) => [variableKey(v), v.status]));

  const change = (key: string, patch: Partial<VariableDraft>) =>
    setDrafts((current) => (current ?? []).map((d) => (variableKey(d) === key ? { ...d, ...patch } : d)));
  const remove = (key: string) =>
    setDrafts((current) => (current ?? []).flatMap((d) => (variableKey(d) !== key ? [d] : d.saved ? [{ ...d, deleted: true }] : [])));
  const add = ({ name, type, value, service }: VariableChange) =>
    setDrafts((current) => [...(current ?? []), { name, type, value, ...(service ? { service } : {}), saved: false, deleted: false }]);

  const save = async () => {
    setRefusal(null);
    try {
      await action.mutateAsync({
        ...patchVariables(list.data, variablesBody(changes)),
        success: `${title}: ${count} change${count === 1 ? '' : 's'} saved.`,
        errorShownInPlace: true,
      });
      dialog.dismiss();
    } catch (error) {
      setRefusal(error as Error);
      setReviewing(false);
    }
  };

  return (
    <Dialog size="L">
      <Heading>{title}</Heading>
      <Divider />
      <Content>
        <QueryState what="the variables" {...readState(list)}>
          {refusal ? <ProblemAlert heading="The variables were not saved" error={refusal} /> : null}
          {readOnlyReason ? (
            <InlineAlert variant="notice" marginBottom="size-200">
              <Heading>Read-only</Heading>
              <Content>{readOnlyReason}</Content>
            </InlineAlert>
          ) : null}
          {reviewing ? (
            <>
              <VariablesReview changes={changes} withService={services !== undefined} />
              <CopyCurlMenu
                about="these changes"
                items={[
                  {
                    label: 'Save these changes',
                    request: list.data ? actionRequest(patchVariables(list.data, withoutSecretValues(variablesBody(changes)))) : undefined,
                  },
                ]}
              />
            </>
          ) : (
            <>
              {rows.length ? (
                <VariablesTable
                  drafts={rows}
                  serverProblems={(draft) => problemsNaming(draft.name, serverErrors, draft.service)}
                  readOnly={readOnly}
                  withService={services !== undefined}
                  statusOf={(draft) => statuses.get(variableKey(draft))}
                  onChange={change}
                  onRemove={remove}
                />
              ) : (
                <Text>No variables yet.</Text>
              )}
              <AddVariableForm taken={rows} services={services} onAdd={add} isDisabled={readOnly} />
            </>
          )}
        </QueryState>
      </Content>
      <ButtonGroup>
        {reviewing ? (
          <>
            <Button variant="secondary" onPress={() => setReviewing(false)} isDisabled={action.isPending}>
              Back
            </Button>
            <Button variant="accent" onPress={() => void save()} isPending={action.isPending}>
              Save
            </Button>
          </>
        ) : (
          <>
            <Button variant="secondary" onPress={dialog.dismiss}>
              {count && !readOnly ? 'Cancel' : 'Close'}
            </Button>
            {readOnly ? null : (
              <Button variant="accent" onPress={() => setReviewing(true)} isDisabled={count === 0 || invalid}>
                {`Review changes (${count})`}
              </Button>
            )}
          </>
        )}
      </ButtonGroup>
    </Dialog>
  );
}
