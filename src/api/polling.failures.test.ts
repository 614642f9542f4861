import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, POLL_INTERVAL_MS, pollInterval } from './polling';

describe('polling during an outage', () => {
  const lastSuccess = 1_000_000;
  const failingFor = (outageMs: number) => ({
    fetchFailureCount: 1,
    dataUpdatedAt: lastSuccess,
    errorUpdatedAt: lastSuccess + outageMs,
    errorUpdateCount: 1,
  });

  it('polls at the normal pace while the API answers, and stops when nothing can change', () => {
    const state = { fetchFailureCount: 0, dataUpdatedAt: lastSuccess, errorUpdatedAt: 0, errorUpdateCount: 0 };
    expect(pollInterval(state, true)).toBe(POLL_INTERVAL_MS);
    expect(pollInterval(state, false)).toBe(false);
  });

  it('waits longer the longer the API has been failing, up to the ceiling, and keeps polling even for finished data', () => {
    const after = (outageMs: number, active = true) => pollInterval(failingFor(outageMs), active);
    expect(after(2_000)).toBe(POLL_INTERVAL_MS * 2);
    expect(after(6_000)).toBe(6_000);
    expect(after(12_000)).toBe(12_000);
    expect(after(10 * 60_000)).toBe(MAX_BACKOFF_MS);
    expect(after(2_000, false)).toBe(POLL_INTERVAL_MS * 2);
  });

  it('a failure of the very first load is retried with back-off too (no success to measure from)', () => {
    expect(pollInterval({ fetchFailureCount: 2, dataUpdatedAt: 0, errorUpdatedAt: lastSuccess, errorUpdateCount: 1 }, true)).toBe(
      POLL_INTERVAL_MS * 4,
    );
    // …and keeps growing with every failed poll, although React Query counts failures per fetch only
    expect(pollInterval({ fetchFailureCount: 1, dataUpdatedAt: 0, errorUpdatedAt: lastSuccess, errorUpdateCount: 3 }, true)).toBe(
      POLL_INTERVAL_MS * 8,
    );
  });

  it('returns to the normal pace with the first success after the outage', () => {
    expect(
      pollInterval(
        { fetchFailureCount: 0, dataUpdatedAt: lastSuccess + 60_000, errorUpdatedAt: lastSuccess + 30_000, errorUpdateCount: 9 },
        true,
      ),
    ).toBe(POLL_INTERVAL_MS);
  });
});
