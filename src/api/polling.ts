/**
 * The console's one polling policy: poll while something can change, stop when it cannot,
 * back off after errors (and keep trying, so the page recovers by itself when the API returns).
 * React Query already pauses interval refetches while the tab is hidden.
 */
import type { Execution, StepState } from './types';

export const POLL_INTERVAL_MS = 2000;
export const MAX_BACKOFF_MS = 30000;

const FINISHED_EXECUTION = new Set(['CANCELLED', 'FINISHED', 'ERROR', 'FAILED']);
const FINISHED_STEP = new Set(['FINISHED', 'ERROR', 'ROLLED_BACK', 'CANCELLED', 'FAILED', 'INCOMPLETE']);

/** True when the execution can still change (anything but a known terminal status). */
export function isExecutionActive(execution: Pick<Execution, 'status'> | undefined): boolean {
  return execution !== undefined && !FINISHED_EXECUTION.has(execution.status);
}

export function isStepFinished(step: Pick<StepState, 'status'>): boolean {
  return FINISHED_STEP.has(step.status);
}

/**
 * The refetch interval for data that may still change.
 * @param active whether the data can still change
 * @param failureCount consecutive failed fetches
 */
export function pollInterval(active: boolean, failureCount: number, base = POLL_INTERVAL_MS): number | false {
  if (failureCount > 0) return Math.min(MAX_BACKOFF_MS, base * 2 ** failureCount);
  return active ? base : false;
}

/** The parts of a React Query state the polling policy reads. */
export interface PollState {
  /** Failed attempts of the latest fetch (React Query resets it when a fetch starts). */
  fetchFailureCount: number;
  dataUpdatedAt: number;
  errorUpdatedAt: number;
}

/**
 * `pollInterval` from a query's state. React Query counts failures per fetch only, so during a
 * long outage the count alone never grows; here the wait also grows with the outage itself (the
 * time from the last success to the last error), roughly doubling per failed poll up to
 * MAX_BACKOFF_MS, and drops back to `base` with the first success.
 */
export function pollIntervalFor(state: PollState, active: boolean, base = POLL_INTERVAL_MS): number | false {
  const failing = state.fetchFailureCount > 0 || state.errorUpdatedAt > state.dataUpdatedAt;
  if (!failing) return active ? base : false;
  const outage = state.dataUpdatedAt > 0 ? state.errorUpdatedAt - state.dataUpdatedAt : 0;
  const byCount = pollInterval(active, Math.max(1, state.fetchFailureCount), base) as number;
  return Math.min(MAX_BACKOFF_MS, Math.max(byCount, outage));
}
