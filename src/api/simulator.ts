/**
 * The simulator's own control API under `/_sim` (not part of Cloud Manager, so no `_links` lead
 * there). These URLs belong to the simulator, not to Cloud Manager, so — besides the API's one
 * entry point — this is the only place the console builds a URL itself, from the API base URL.
 * Requests go through the client's one fetch wrapper (`request`): same headers, same errors.
 */
import { queryOptions } from '@tanstack/react-query';
import { ApiError, currentSettings, readJson, request } from './client';
import { pollInterval, POLL_INTERVAL_MS } from './polling';
import { queryKeys } from './query-keys';
import { apiBaseUrl } from './settings';

export interface SimState {
  now: string;
  wallNow: string;
  speed: number;
  outcome: string;
  layout: 'standard' | 'alternate' | string;
  seed: number;
}

export const SIM_OUTCOMES: { key: string; label: string }[] = [
  { key: 'mix', label: 'Mix (realistic)' },
  { key: 'pass', label: 'Everything passes' },
  { key: 'criticalQualityFailure', label: 'Critical code quality failure' },
  { key: 'importantQualityFailure', label: 'Important code quality failure (hold)' },
  { key: 'testFailure', label: 'Functional test failure' },
  { key: 'noCustomTests', label: 'No custom tests' },
  { key: 'functionalTestTimeout', label: 'Functional tests over their 60-minute limit' },
  { key: 'uiTestTimeout', label: 'UI tests over their 30-minute limit' },
  { key: 'stageDeployFailure', label: 'Stage deployment failure' },
  { key: 'prodDeployFailure', label: 'Production deployment failure' },
  { key: 'auditRegression', label: 'Experience audit regression' },
  { key: 'auditSteady', label: 'Experience audit steady (same scores every run)' },
];

export const SIM_SPEEDS = [1, 30, 120, 600, 3000];

/** The URL of a simulation control (`state`, `speed`, `clock`…) under the API base URL. */
export function simUrl(path: string): string {
  const base = apiBaseUrl(currentSettings()).replace(/\/?$/, '/');
  return new URL(`_sim/${path}`, base).toString();
}

/** Sends a simulation control (or reads the state); the answer is the simulator's state. */
export async function simRequest(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<SimState> {
  const response = await request(simUrl(path), { method, body, signal });
  const json = await readJson<unknown>(response).catch(() => undefined);
  if (!json || typeof json !== 'object')
    throw new ApiError(response.status, 'Not a simulator', 'The answer was not the simulator state. Is this API a simulator?', 'parse');
  return json as SimState;
}

/** GETs a simulation control's JSON (users, whoami, webhooks…) through the client's one fetch wrapper. */
export async function simGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  return readJson<T>(await request(simUrl(path), { signal }));
}

/** The simulator's state, polled through the one polling policy while the panel is open. */
export function simStateQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.simulatorState(),
    queryFn: ({ signal }) => simRequest('GET', 'state', undefined, signal),
    retry: false,
    refetchInterval: (query) => pollInterval(query.state, true, POLL_INTERVAL_MS),
  });
}
