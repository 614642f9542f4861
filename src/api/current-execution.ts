/**
 * The pipeline's current execution through its `execution` link: GET answers the running
 * execution, or 404 when the pipeline is idle (not an error: the answer is `null`).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, getJson } from './client';
import { findLink, rel } from './links';
import { pollIntervalFor } from './polling';
import { queryKeys } from './queries';
import type { Execution, Pipeline } from './types';

/** How often an idle pipeline is re-checked (a run may be started elsewhere). */
export const IDLE_POLL_MS = 5000;

export function currentExecutionQueryOptions(href: string | undefined) {
  return queryOptions({
    queryKey: [...queryKeys.resource(href ?? 'none'), 'current'] as const,
    queryFn: async ({ signal }): Promise<Execution | null> => {
      try {
        return await getJson<Execution>(href as string, signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled: href !== undefined,
    refetchInterval: (query) => pollIntervalFor(query.state, query.state.data === null, IDLE_POLL_MS),
  });
}

/** `data`: the current execution, `null` when idle, `undefined` while loading. */
export function useCurrentExecution(pipeline: Pipeline | undefined) {
  return useQuery(currentExecutionQueryOptions(findLink(pipeline, rel.execution)?.href));
}
