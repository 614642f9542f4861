/**
 * The simulator's own control API under `/_sim` (not part of Cloud Manager). These URLs belong to
 * the simulator, so the console builds them from the API base URL.
 */
import { ApiError, currentSettings } from './client';
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
  { key: 'stageDeployFailure', label: 'Stage deployment failure' },
  { key: 'prodDeployFailure', label: 'Production deployment failure' },
  { key: 'auditRegression', label: 'Experience audit regression' },
  { key: 'auditSteady', label: 'Experience audit steady (same scores every run)' },
];

export const SIM_SPEEDS = [1, 30, 120, 600, 3000];

export function simUrl(path: string): string {
  const base = apiBaseUrl(currentSettings()).replace(/\/?$/, '/');
  return new URL(`_sim/${path}`, base).toString();
}

export async function simRequest(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<SimState> {
  let response: Response;
  try {
    response = await fetch(simUrl(path), {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'Cannot reach the simulator', cause instanceof Error ? cause.message : String(cause), 'network');
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const problem = (json ?? {}) as { title?: string; detail?: string };
    throw new ApiError(response.status, problem.title ?? `${response.status}`, problem.detail ?? text.slice(0, 200), 'http');
  }
  if (!json || typeof json !== 'object')
    throw new ApiError(response.status, 'Not a simulator', 'The answer was not the simulator state. Is this API a simulator?', 'parse');
  return json as SimState;
}
