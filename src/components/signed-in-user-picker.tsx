/**
 * "Signed in as": the simulator's users (`/_sim/users`); choosing one signs the console in as them
 * (saved with the settings, sent as `x-sim-user`, everything read again). Nothing when the API is
 * not a simulator, or it does not tell its users.
 */
import { Item, Picker, Text } from '@adobe/react-spectrum';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { signInAs, simUsersQueryOptions, whoamiQueryOptions } from '../api/users';
import { ROLE_NAMES, type Role } from '../domain/permissions';

/** "Deployment Manager" (or the roles joined). */
export function roleNames(roles: readonly string[]): string {
  return roles.map((role) => ROLE_NAMES[role as Role] ?? role).join(', ');
}

interface SignedInUserPickerProps {
  /** "Signed in as" (Simulator panel) or "Switch user…" (the avatar's account dialog). */
  label?: string;
  onChanged?: () => void;
}

export function SignedInUserPicker({ label = 'Signed in as', onChanged }: SignedInUserPickerProps) {
  const client = useQueryClient();
  const users = useQuery(simUsersQueryOptions());
  const me = useQuery(whoamiQueryOptions());
  const list = users.data?.users ?? [];
  if (list.length === 0) return null;
  const tokens = users.data?.mode === 'tokens';
  return (
    <Picker
      label={label}
      width="size-4600"
      items={list}
      selectedKey={me.data?.id ?? null}
      isDisabled={tokens}
      description={tokens ? 'The server chooses the user from the access token (its --users file).' : undefined}
      onSelectionChange={(key) => {
        if (key === null || key === me.data?.id) return;
        void signInAs(String(key), client).then(onChanged);
      }}
    >
      {(user) => (
        <Item key={user.id} textValue={user.name}>
          <Text>{user.name}</Text>
          <Text slot="description">{roleNames(user.roles)}</Text>
        </Item>
      )}
    </Picker>
  );
}
