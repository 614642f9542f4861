/**
 * The simulator's users (its `/_sim/users` and `/_sim/whoami` controls, not Cloud Manager's) and
 * the console's signed-in user: chosen in Settings or the Simulator panel, kept with the settings
 * and sent as `x-sim-user` to the embedded or standalone simulator. Against another API there are
 * no users to choose (the queries are off) and nothing is gated.
 */
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { currentSettings, useSettingsForRequests as applySettingsForRequests } from './client';
import { queryKeys } from './query-keys';
import { loadSettings, saveSettings, targetsSimulator } from './settings';
import { simGet } from './simulator';

export interface SimUser {
  id: string;
  name: string;
  email: string;
  roles: string[];
  permissions: string[];
}

export interface SimUsers {
  /** `embedded` (x-sim-user), `tokens` (the standalone server's --users file), `open` (nobody is refused). */
  mode: string;
  users: SimUser[];
}

/** The simulator's users: read once (they do not change while the console runs). */
export function simUsersQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.simulatorUsers(),
    queryFn: ({ signal }) => simGet<SimUsers>('users', signal),
    enabled: targetsSimulator(currentSettings()),
    retry: false,
    staleTime: Infinity,
  });
}

/** Who the simulator says is acting: the signed-in user with roles and permissions. */
export function whoamiQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.whoami(),
    queryFn: ({ signal }) => simGet<SimUser & { mode: string }>('whoami', signal),
    enabled: targetsSimulator(currentSettings()),
    retry: false,
    staleTime: Infinity,
  });
}

/** The signed-in user (undefined while loading, or when the API is not a simulator). */
export function useSignedInUser(): SimUser | undefined {
  return useQuery(whoamiQueryOptions()).data;
}

/** Signs in as another of the simulator's users: saved with the settings, sent from now on, everything read again. */
export async function signInAs(userId: string, client: QueryClient): Promise<void> {
  const settings = { ...loadSettings(), simUser: userId };
  saveSettings(settings);
  applySettingsForRequests({ ...currentSettings(), simUser: userId });
  // Another user sees other permissions and another bell: nothing read as the previous one stays.
  await Promise.all([client.resetQueries({ queryKey: queryKeys.whoami() }), client.invalidateQueries({ queryKey: queryKeys.all })]);
}

/** The signed-in user's id as saved (empty: the simulator's default user). */
export function savedSimUser(): string {
  return currentSettings().simUser;
}
