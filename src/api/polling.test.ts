import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, POLL_INTERVAL_MS, isExecutionActive, pollInterval } from './polling';
import { executionQueryOptions } from './queries';
import type { Execution } from './types';

describe('the polling policy', () => {
  it('polls while an execution can change and stops when it has finished', () => {
    for (const status of ['NOT_STARTED', 'RUNNING', 'CANCELLING']) expect(isExecutionActive({ status })).toBe(true);
    for (const status of ['FINISHED', 'FAILED', 'ERROR', 'CANCELLED']) expect(isExecutionActive({ status })).toBe(false);
    expect(pollInterval(true, 0)).toBe(POLL_INTERVAL_MS);
    expect(pollInterval(false, 0)).toBe(false);
  });

  it('backs off after errors, up to a ceiling, and keeps trying so it recovers by itself', () => {
    expect(pollInterval(true, 1)).toBe(POLL_INTERVAL_MS * 2);
    expect(pollInterval(true, 2)).toBe(POLL_INTERVAL_MS * 4);
    expect(pollInterval(false, 3)).toBe(POLL_INTERVAL_MS * 8);
    expect(pollInterval(true, 20)).toBe(MAX_BACKOFF_MS);
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
