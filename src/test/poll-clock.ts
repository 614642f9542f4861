/**
 * Moves a test on to the console's next poll instead of waiting for it. Polls are timers of the
 * page (React Query's refetch intervals, src/api/polling.ts); the test fakes them for the rest of
 * the test, still moving with real time (Testing Library's waits work as before), and jumps ahead
 * by a poll's interval when it wants the next one. `Date` stays real: the simulator's clock and
 * the data's times go on as they would. Real timers come back when the test ends.
 */
import { onTestFinished, vi } from 'vitest';

/** Fakes the page's timers for the rest of this test; resolves the returned jumps once the timers due by then have run. */
export function fakePollTimers(): (ms: number) => Promise<void> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], shouldAdvanceTime: true });
  onTestFinished(() => {
    vi.useRealTimers();
  });
  return async (ms) => {
    await vi.advanceTimersByTimeAsync(ms);
  };
}
