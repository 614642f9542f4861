/**
 * Variables of an environment: each variable with its service (All, Author, Publish, Preview), its
 * type, its value (a secret's never: "••••••") and its status; "View/Edit variables" opens the
 * variables editor with its Service column. After a change the environment and the changed
 * variables are `updating` until it is applied (both lists are polled meanwhile); the editor is
 * then read-only, and a change sent meanwhile anyway (another tab) is the API's 409, said in place.
 */
import { Button, DialogContainer, Flex, Heading, Text } from '@adobe/react-spectrum';
import { useState } from 'react';
import { findLink, rel } from '../../api/links';
import { isUpdating, useVariables } from '../../api/environments';
import type { Environment } from '../../api/types';
import { EnvironmentStatus } from '../../components/environment/environment-status';
import { QueryState, readState } from '../../components/query-state';
import { VariablesDialog } from '../../components/variables-editor/variables-dialog';
import {
  environmentVariableServices,
  SECRET_MASK,
  serviceLabel,
  VARIABLE_TYPE_LABELS,
  variableKey,
  variableType,
} from '../../domain/variables';

export const UPDATING_REASON = 'The environment is applying a change of its variables: it takes another change once this one is applied.';

export function EnvironmentVariablesSection({ environment }: { environment: Environment }) {
  const href = findLink(environment, rel.variables)?.href;
  const list = useVariables(href);
  const [editing, setEditing] = useState(false);
  const variables = list.data?._embedded?.variables ?? [];
  const updating = isUpdating(environment) || variables.some(isUpdating);
  return (
    <section aria-labelledby="environment-variables-title" className="environment-section">
      <Flex alignItems="center" justifyContent="space-between" gap="size-200" wrap>
        <Heading level={2} id="environment-variables-title">
          Variables
        </Heading>
        {href ? (
          <Button variant="secondary" onPress={() => setEditing(true)}>
            View/Edit variables
          </Button>
        ) : null}
      </Flex>
      {!href ? (
        <Text>The API offers no variables for this environment.</Text>
      ) : (
        <QueryState what="the variables" {...readState(list)} isEmpty={variables.length === 0} empty="This environment has no variables.">
          {updating ? (
            <div role="status" className="environment-updating">
              <EnvironmentStatus status="updating" />
              <Text>Applying the latest change of the variables.</Text>
            </div>
          ) : null}
          <table className="data-table" aria-label="Environment variables">
            <thead>
              <tr>
                <th scope="col">NAME</th>
                <th scope="col">SERVICE</th>
                <th scope="col">TYPE</th>
                <th scope="col">VALUE</th>
                <th scope="col">STATUS</th>
              </tr>
            </thead>
            <tbody>
              {variables.map((variable) => {
                const type = variableType(variable);
                return (
                  <tr key={variableKey(variable)}>
                    <th scope="row">{variable.name}</th>
                    <td>{serviceLabel(variable.service)}</td>
                    <td>{VARIABLE_TYPE_LABELS[type]}</td>
                    <td>
                      {type === 'secretString' ? (
                        <span aria-label={`${variable.name}: secret value, not shown`}>{SECRET_MASK}</span>
                      ) : (
                        (variable.value ?? '')
                      )}
                    </td>
                    <td>
                      <EnvironmentStatus status={variable.status} readyWord="Ready" />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </QueryState>
      )}
      <DialogContainer onDismiss={() => setEditing(false)}>
        {editing && href ? (
          <VariablesDialog
            href={href}
            title={`Variables of ${environment.name}`}
            services={environmentVariableServices(findLink(environment, rel.preview) !== undefined)}
            readOnlyReason={updating ? UPDATING_REASON : undefined}
          />
        ) : null}
      </DialogContainer>
    </section>
  );
}
