/**
 * Polling budgets (issue #5), counted on the built console: a finished execution page makes no API
 * request; a running one at most one execution request and one ranged log request per 2 s poll;
 * a hidden tab none, and polling resumes when it is shown again.
 *
 * The page runs on Playwright's fake clock, paused while requests are counted: each window is
 * page time that bench/polling.ts's countApiRequests advances one poll interval at a time.
 */
import { POLL_MS, countApiRequests, openRunningBuildLog, pauseClock, setPageHidden, settle } from '../bench/polling';
import { finishedProductionExecutionPath } from '../bench/log-viewer';
import { expect, statusBadge, test } from './fixtures';

const WINDOW = 10_000;
const MAX_POLLS = WINDOW / POLL_MS + 1;

test.describe('polling', () => {
  test.use({ fakeClock: true });

  test('a finished execution page makes no API requests', async ({ page, sim, openConsole }) => {
    await openConsole();
    await page.goto(await finishedProductionExecutionPath(sim));
    await expect(statusBadge(page, 'Finished')).toBeVisible();
    await pauseClock(page);
    await settle(page);
    const count = await countApiRequests(page, WINDOW);
    expect({ api: Object.fromEntries(count.api), logs: count.rangedLog + count.fullLog }).toEqual({ api: {}, logs: 0 });
  });

  test('a running execution polls only itself and the open log, once per interval, and nothing while hidden', async ({
    page,
    sim,
    openConsole,
  }) => {
    await openConsole();
    await openRunningBuildLog(page, sim);
    await pauseClock(page);
    await countApiRequests(page, POLL_MS); // one interval to settle into polling

    await test.step('visible: the execution and the log tail, once per interval', async () => {
      const running = await countApiRequests(page, WINDOW);
      // One resource polled: the execution (its step states embedded).
      expect([...running.api.keys()]).toHaveLength(1);
      const executionPolls = [...running.api.values()][0];
      expect(executionPolls).toBeGreaterThanOrEqual(MAX_POLLS - 3);
      expect(executionPolls).toBeLessThanOrEqual(MAX_POLLS);
      expect(running.rangedLog).toBeGreaterThanOrEqual(MAX_POLLS - 3);
      expect(running.rangedLog).toBeLessThanOrEqual(MAX_POLLS);
      expect(running.fullLog).toBe(0);
    });

    await test.step('hidden: nothing', async () => {
      await setPageHidden(page, true);
      expect((await countApiRequests(page, WINDOW)).total).toBe(0);
    });

    await test.step('shown again: polling resumes', async () => {
      await setPageHidden(page, false);
      expect((await countApiRequests(page, POLL_MS)).total).toBeGreaterThan(0);
    });
  });
});
