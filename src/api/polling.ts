/**
 * The console's one polling policy: poll while something can change, stop when it cannot, back
 * off while the API fails (and keep trying, so the page recovers by itself when the API returns),
 * and go back to the normal pace with the first success. React Query already pauses interval
 * refetches while the tab is hidden. Every polled query's `refetchInterval` is `pollInterval`
 * (src/api/polling.policy.test.ts checks that nothing else sets one).
 */
import type { QueryState } from '@tanstack/react-query';
import type { Execution } from './types';

/** The pace of data that changes while you look at it (a running execution, a log being written). */
export const POLL_INTERVAL_MS = 2000;
/** The pace of lists whose items change now and then (pipelines' status, execution lists). */
export const LIST_POLL_MS = 5000;
/** The longest wait between two polls while the API fails. */
export const MAX_BACKOFF_MS = 30000;

const FINISHED_EXECUTION = new Set(['CANCELLED', 'FINISHED', 'ERROR', 'FAILED']);
const ACTIVE_EXECUTION = new Set(['NOT_STARTED', 'RUNNING', 'CANCELLING']);

/**
 * The console's one definition of an execution that can still change (it is polled, and shown as
 * in progress): a known status decides by itself; a status this console does not know (from a
 * newer server) counts as active until the execution has a `finishedAt`.
 */
export function isExecutionActive(execution: Pick<Execution, 'status' | 'finishedAt'> | undefined): boolean {
  if (execution === undefined || FINISHED_EXECUTION.has(execution.status)) return false;
  return ACTIVE_EXECUTION.has(execution.status) || !execution.finishedAt;
}

/** The parts of a React Query state the polling policy reads. */
export type PollState = Pick<QueryState, 'fetchFailureCount' | 'dataUpdatedAt' | 'errorUpdatedAt' | 'errorUpdateCount'>;

/**
 * The refetch interval of a polled query, from its state.
 *
 * Healthy (the latest fetch succeeded): `base` while the data can still change (`active`), else no
 * polling at all. Failing: polls again whatever `active` says, waiting longer the longer the
 * outage lasts — roughly doubling per failed poll, up to MAX_BACKOFF_MS — and drops back to the
 * healthy interval with the first success. React Query counts failures per fetch only (with one
 * retry it never passes 2), so the outage is measured by time since the last success, or, when
 * the query never succeeded, by its number of errors (every one of them is then part of the outage).
 *
 * @param state the query's state (`query.state` in a `refetchInterval` function)
 * @param active whether the data can still change
 * @param base the healthy interval in ms
 */
export function pollInterval(state: PollState, active: boolean, base = POLL_INTERVAL_MS): number | false {
  const failing = state.fetchFailureCount > 0 || state.errorUpdatedAt > state.dataUpdatedAt;
  if (!failing) return active ? base : false;
  const neverSucceeded = state.dataUpdatedAt === 0;
  const failures = Math.max(1, state.fetchFailureCount, neverSucceeded ? state.errorUpdateCount : 0);
  const byCount = base * 2 ** Math.min(failures, 16);
  const outage = neverSucceeded ? 0 : state.errorUpdatedAt - state.dataUpdatedAt;
  return Math.min(MAX_BACKOFF_MS, Math.max(byCount, outage));
}
