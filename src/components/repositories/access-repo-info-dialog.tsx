/**
 * Access Repo Info: the git URL of a repository and, where the API offers it, Generate Password —
 * the simulator's `generatePassword` extension on the repository (POST): the new username and
 * password are shown once, with copy buttons, and replace the previous password. The dialog says
 * plainly that this is a simulator extension; against a real Cloud Manager the link is absent and
 * the dialog says passwords are managed in Cloud Manager.
 */
import {
  Button,
  ButtonGroup,
  Content,
  Dialog,
  Divider,
  Flex,
  Heading,
  InlineAlert,
  Item,
  Picker,
  Text,
  TextField,
  useDialogContainer,
} from '@adobe/react-spectrum';
import { useState } from 'react';
import { generatePassword } from '../../api/actions';
import { useSecretAction } from '../../api/mutations';
import type { Repository, RepositoryCredentials } from '../../api/types';
import { ProblemAlert } from '../problem-alert';
import { CopyButton } from './copy-button';
import { actionRequest } from '../../api/action-request';
import { CopyCurlMenu } from '../../components/copy-curl/copy-curl-menu';

function CopyableField({ label, value }: { label: string; value: string }) {
  return (
    <Flex alignItems="end" gap="size-100">
      <TextField label={label} value={value} isReadOnly width="size-5000" />
      <CopyButton text={value} label={`Copy ${label.toLowerCase()}`} />
    </Flex>
  );
}

function RepositoryAccess({ repository }: { repository: Repository }) {
  const generate = useSecretAction<RepositoryCredentials>();
  const action = generatePassword(repository);
  const credentials = generate.data;
  return (
    <Flex direction="column" gap="size-200">
      {repository.repositoryUrl ? <CopyableField label="Git repository URL" value={repository.repositoryUrl} /> : null}
      {action.link ? (
        <>
          <InlineAlert variant="info">
            <Heading>Simulator extension</Heading>
            <Content>
              Generating a password here is an extension of this simulator, not part of Adobe&apos;s Cloud Manager API. The simulator serves
              no git: the password is new each time but nothing checks it.
            </Content>
          </InlineAlert>
          {generate.error ? <ProblemAlert heading="No password was generated" error={generate.error} /> : null}
          {credentials ? (
            <>
              <CopyableField label="Username" value={credentials.username} />
              <CopyableField label="Password" value={credentials.password} />
              <Text>
                This password is shown once: copy it now. It replaces the previous password of this program&apos;s repositories, which stops
                working.
              </Text>
            </>
          ) : (
            <Text>Generate a password to see the username and a new password.</Text>
          )}
          <Flex gap="size-100" alignItems="center">
            <Button variant="accent" onPress={() => generate.mutate(action)} isPending={generate.isPending}>
              {credentials ? 'Generate another password' : 'Generate Password'}
            </Button>
            <CopyCurlMenu about="Generate Password" items={[{ label: 'Generate Password', request: actionRequest(action) }]} />
          </Flex>
        </>
      ) : (
        <Text>
          Passwords are managed in Cloud Manager: generate one there (Repositories → Access Repo Info). The API this console talks to offers
          no password generation.
        </Text>
      )}
    </Flex>
  );
}

export function AccessRepoInfoDialog({ repositories }: { repositories: Repository[] }) {
  const dialog = useDialogContainer();
  const [chosen, setChosen] = useState(repositories[0]?.id);
  const repository = repositories.find((r) => r.id === chosen) ?? repositories[0];
  return (
    <Dialog size="M">
      <Heading>Repository Info</Heading>
      <Divider />
      <Content>
        <Flex direction="column" gap="size-200">
          {repositories.length > 1 ? (
            <Picker label="Repository" selectedKey={repository?.id ?? null} onSelectionChange={(key) => setChosen(String(key))}>
              {repositories.map((r) => (
                <Item key={r.id}>{r.repo}</Item>
              ))}
            </Picker>
          ) : null}
          {repository ? <RepositoryAccess key={repository.id} repository={repository} /> : <Text>This program has no repository.</Text>}
        </Flex>
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={dialog.dismiss}>
          Close
        </Button>
      </ButtonGroup>
    </Dialog>
  );
}
