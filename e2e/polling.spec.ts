/**
 * Polling budgets (issue #5), counted on the built console: a finished execution page makes no API
 * request; a running one at most one execution request and one ranged log request per 2 s poll;
 * a hidden tab none, and polling resumes when it is shown again.
 */
import { POLL_MS, countApiRequests, openRunningBuildLog, setPageHidden, settle } from '../bench/polling';
import { finishedProductionExecutionPath } from '../bench/log-viewer';
import { expect, statusBadge, test } from './fixtures';

const WINDOW = 10_000;
const MAX_POLLS = WINDOW / POLL_MS + 1;

test.describe('polling', () => {
  test('a finished execution page makes no API requests', async ({ page, sim, openConsole }) => {
    await openConsole();
    await page.goto(await finishedProductionExecutionPath(sim));
    await expect(statusBadge(page, 'Finished')).toBeVisible();
    await settle(page);
    const count = await countApiRequests(page, WINDOW);
    expect(count.total).toBe(0);
  });

  test('a running execution polls only itself and the open log, once per interval, and nothing while hidden', async ({
    page,
    sim,
    openConsole,
  }) => {
    test.setTimeout(120_000);
    await openConsole();
    await openRunningBuildLog(page, sim);
    await page.waitForTimeout(POLL_MS);

    const running = await countApiRequests(page, WINDOW);
    // One resource polled: the execution (its step states embedded).
    expect([...running.api.keys()]).toHaveLength(1);
    const executionPolls = [...running.api.values()][0];
    expect(executionPolls).toBeGreaterThanOrEqual(MAX_POLLS - 3);
    expect(executionPolls).toBeLessThanOrEqual(MAX_POLLS);
    expect(running.rangedLog).toBeGreaterThanOrEqual(MAX_POLLS - 3);
    expect(running.rangedLog).toBeLessThanOrEqual(MAX_POLLS);
    expect(running.fullLog).toBe(0);

    await setPageHidden(page, true);
    await page.waitForTimeout(POLL_MS);
    expect((await countApiRequests(page, WINDOW)).total).toBe(0);

    await setPageHidden(page, false);
    await expect.poll(async () => (await countApiRequests(page, POLL_MS)).total, { timeout: 10_000 }).toBeGreaterThan(0);
  });
});
