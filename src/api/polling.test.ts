import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, POLL_INTERVAL_MS, isExecutionActive, pollInterval, type PollState } from './polling';
import { executionQueryOptions } from './queries';
import type { Execution } from './types';

const healthy: PollState = { fetchFailureCount: 0, dataUpdatedAt: 1_000, errorUpdatedAt: 0, errorUpdateCount: 0 };
/** The first load failed `count` times in a row (no success yet). */
const neverLoaded = (count: number): PollState => ({
  fetchFailureCount: 1,
  dataUpdatedAt: 0,
  errorUpdatedAt: 5_000,
  errorUpdateCount: count,
});

describe('the polling policy', () => {
  it('polls while an execution can change and stops when it has finished', () => {
    for (const status of ['NOT_STARTED', 'RUNNING', 'CANCELLING']) expect(isExecutionActive({ status })).toBe(true);
    for (const status of ['FINISHED', 'FAILED', 'ERROR', 'CANCELLED']) expect(isExecutionActive({ status })).toBe(false);
    expect(isExecutionActive(undefined)).toBe(false);
    expect(pollInterval(healthy, true)).toBe(POLL_INTERVAL_MS);
    expect(pollInterval(healthy, false)).toBe(false);
  });

  it('treats a status it does not know as active until the execution says it finished', () => {
    expect(isExecutionActive({ status: 'SOMETHING_NEW' })).toBe(true);
    expect(isExecutionActive({ status: 'SOMETHING_NEW', finishedAt: '2026-11-28T10:05:00.000+0000' })).toBe(false);
    // a known status decides by itself
    expect(isExecutionActive({ status: 'RUNNING', finishedAt: '2026-11-28T10:05:00.000+0000' })).toBe(true);
  });

  it('backs off after errors, up to a ceiling, and keeps trying so it recovers by itself', () => {
    expect(pollInterval(neverLoaded(1), true)).toBe(POLL_INTERVAL_MS * 2);
    expect(pollInterval(neverLoaded(2), true)).toBe(POLL_INTERVAL_MS * 4);
    expect(pollInterval(neverLoaded(3), false)).toBe(POLL_INTERVAL_MS * 8);
    expect(pollInterval(neverLoaded(20), true)).toBe(MAX_BACKOFF_MS);
    expect(pollInterval(neverLoaded(5000), true)).toBe(MAX_BACKOFF_MS);
  });

  it("sets an execution query's refetch interval from its data: running → poll, finished → stop", () => {
    const client = new QueryClient();
    const options = executionQueryOptions('/api/program/1/pipeline/2/execution/3');
    const interval = options.refetchInterval as (query: unknown) => number | false;
    const queryWith = (status: string) => {
      client.setQueryData(options.queryKey, { id: '3', status } as Execution);
      return client.getQueryCache().find({ queryKey: options.queryKey });
    };
    expect(interval(queryWith('RUNNING'))).toBe(POLL_INTERVAL_MS);
    expect(interval(queryWith('FINISHED'))).toBe(false);
    expect(interval(queryWith('SOMETHING_NEW'))).toBe(POLL_INTERVAL_MS);
  });
});
