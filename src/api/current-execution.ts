/**
 * The pipeline's current execution through its `execution` link: GET answers the running
 * execution, or 404 when the pipeline is idle (not an error: the answer is `null`).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, getJson } from './client';
import { findLink, rel } from './links';
import { LIST_POLL_MS, pollInterval } from './polling';
import { queryKeys } from './query-keys';
import type { Execution, Pipeline } from './types';

/**
 * Polled while the pipeline is idle (a run may be started elsewhere); once there is a current
 * execution, the page polls that execution through its own `self` link instead.
 * @param always poll while there is a current execution too (the bell: a waiting run may move on
 *   to its next hold without the pipeline's status changing)
 */
export function currentExecutionQueryOptions(href: string | undefined, always = false) {
  return queryOptions({
    queryKey: queryKeys.currentExecution(href),
    queryFn: async ({ signal }): Promise<Execution | null> => {
      try {
        return await getJson<Execution>(href as string, signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled: href !== undefined,
    refetchInterval: (query) => pollInterval(query.state, always || query.state.data === null, LIST_POLL_MS),
  });
}

/** `data`: the current execution, `null` when idle, `undefined` while loading. */
export function useCurrentExecution(pipeline: Pipeline | undefined) {
  return useQuery(currentExecutionQueryOptions(findLink(pipeline, rel.execution)?.href));
}
