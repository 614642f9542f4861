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
