/**
 * Polling budgets (issue #5), counted on the built console: a finished execution page makes no API
 * request; a running one at most one execution request and one ranged log request per 2 s poll;
 * a hidden tab none, and polling resumes when it is shown again. The console's own files never pass
 * through the simulator's service worker.
 *
 * The page runs on Playwright's fake clock, paused while requests are counted: each window is
 * page time that bench/polling.ts's countApiRequests advances one poll interval at a time.
 */
import { POLL_MS, countApiRequests, openRunningBuildLog, pauseClock, setPageHidden, settle } from '../bench/polling';
import { finishedProductionExecutionPath } from '../bench/log-viewer';
import type { Response } from '@playwright/test';
import { expect, statusBadge, test } from './fixtures';

const WINDOW = 10_000;
const MAX_POLLS = WINDOW / POLL_MS + 1;

test.describe('polling', () => {
  test.use({ fakeClock: true });

  test('a finished execution page makes no API requests; its files never pass through the simulator', async ({
    page,
    sim,
    openConsole,
  }) => {
    await openConsole();
    const path = await finishedProductionExecutionPath(sim);
    // Loaded while the simulator's worker controls the page: it answers the API and lets the
    // console's own files (the entry, the route's chunks, styles) go to the network untouched.
    const files: Array<{ path: string; throughWorker: boolean }> = [];
    const api: boolean[] = []; // whether each answer to /api, /files or /_sim came from the worker
    const record = (response: Response) => {
      const { pathname } = new URL(response.url());
      if (/^\/(api|files|_sim)\//.test(pathname)) api.push(response.fromServiceWorker());
      else files.push({ path: pathname, throughWorker: response.fromServiceWorker() });
    };
    page.on('response', record);
    await page.goto(path);
    await expect(statusBadge(page, 'Finished')).toBeVisible();
    page.off('response', record);
    // (a poll the previous document sent while it unloaded can miss the worker: only count those answered)
    expect(api.filter(Boolean).length, 'answers from the simulator’s worker').toBeGreaterThan(0);
    expect(files.filter((file) => /\.(js|css)$/.test(file.path)).length).toBeGreaterThan(3);
    expect(files.filter((file) => file.throughWorker)).toEqual([]);
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
