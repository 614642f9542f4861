import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, POLL_INTERVAL_MS, pollIntervalFor } from './polling';

describe('polling during an outage', () => {
  const lastSuccess = 1_000_000;

  it('polls at the normal pace while the API answers, and stops when nothing can change', () => {
    expect(pollIntervalFor({ fetchFailureCount: 0, dataUpdatedAt: lastSuccess, errorUpdatedAt: 0 }, true)).toBe(POLL_INTERVAL_MS);
    expect(pollIntervalFor({ fetchFailureCount: 0, dataUpdatedAt: lastSuccess, errorUpdatedAt: 0 }, false)).toBe(false);
  });

  it('waits longer the longer the API has been failing, up to the ceiling, and keeps polling even for finished data', () => {
    const after = (outageMs: number, active = true) =>
      pollIntervalFor({ fetchFailureCount: 1, dataUpdatedAt: lastSuccess, errorUpdatedAt: lastSuccess + outageMs }, active);
    expect(after(2_000)).toBe(POLL_INTERVAL_MS * 2);
    expect(after(6_000)).toBe(6_000);
    expect(after(12_000)).toBe(12_000);
    expect(after(10 * 60_000)).toBe(MAX_BACKOFF_MS);
    expect(after(2_000, false)).toBe(POLL_INTERVAL_MS * 2);
  });

  it('a failure of the very first load is retried with back-off too (no success to measure from)', () => {
    expect(pollIntervalFor({ fetchFailureCount: 2, dataUpdatedAt: 0, errorUpdatedAt: lastSuccess }, true)).toBe(POLL_INTERVAL_MS * 4);
  });

  it('returns to the normal pace with the first success after the outage', () => {
    expect(pollIntervalFor({ fetchFailureCount: 0, dataUpdatedAt: lastSuccess + 60_000, errorUpdatedAt: lastSuccess + 30_000 }, true)).toBe(
      POLL_INTERVAL_MS,
    );
  });
});
