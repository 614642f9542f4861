/**
 * Polling (issue #5): API requests an execution page makes, counted in Chromium on the production
 * build. The simulator runs inside the page (a service worker), and the page's requests to it
 * still show in Playwright's `page.on('request')`. Budgets: a finished execution 0 requests a
 * minute; a running one at most one execution request and one ranged log request (log open) per
 * 2 s poll interval; a hidden tab none.
 */
import type { Page } from '@playwright/test';
import { SimulatorControls, deployAndBuild } from '../e2e/fixtures';
import { finishedProductionExecutionPath, launchBenchBrowser, openBenchConsole } from './log-viewer';
import type { Bench, BenchRow } from './report';

export const POLL_MS = 2000;

export interface RequestCount {
  /** GETs of JSON resources under /api, by URL. */
  api: Map<string, number>;
  /** Ranged reads of a log file (the tail). */
  rangedLog: number;
  /** Whole reads of a log file. */
  fullLog: number;
  total: number;
}

/** Counts the page's requests to the API and its files for `ms` of real time. */
export async function countApiRequests(page: Page, ms: number): Promise<RequestCount> {
  const count: RequestCount = { api: new Map(), rangedLog: 0, fullLog: 0, total: 0 };
  const listener = (request: import('@playwright/test').Request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/') && !url.pathname.startsWith('/files/')) return;
    count.total += 1;
    if (url.pathname.startsWith('/files/')) {
      if (request.headers().range) count.rangedLog += 1;
      else count.fullLog += 1;
    } else count.api.set(url.href, (count.api.get(url.href) ?? 0) + 1);
  };
  page.on('request', listener);
  await page.waitForTimeout(ms);
  page.off('request', listener);
  return count;
}

/** Makes the page report itself hidden (or visible again) the way a background tab does. */
export async function setPageHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((hidden) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

/** Waits until the page has made no API request for `quietMs` (its first load has settled). */
export async function settle(page: Page, quietMs = 2500, maxMs = 20_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < maxMs) {
    if ((await countApiRequests(page, quietMs)).total === 0) return;
  }
  throw new Error(`the page still polls after ${maxMs} ms`);
}

/** Opens a production run of We.Retail Global whose build step is running, with its log open. */
export async function openRunningBuildLog(page: Page, sim: SimulatorControls): Promise<void> {
  await sim.outcome('pass');
  await sim.speed(30);
  await deployAndBuild(page, 'We.Retail Global');
  const build = page.locator('.step-item[data-action="build"]');
  await build.and(page.locator('[data-status="RUNNING"]')).waitFor({ timeout: 30_000 });
  // Slow the clock down so the build is still running while the requests are counted.
  await sim.speed(1);
  await build.getByRole('button', { name: 'View log' }).click();
  await page.getByRole('region', { name: /^Build & Unit Testing log/ }).waitFor();
}

const perMinute = (count: number, ms: number) => Math.round((count * 60_000) / ms);

export const benchPolling: Bench = async (ctx) => {
  const WINDOW = 20_000;
  const browser = await launchBenchBrowser(ctx);
  try {
    const { page, sim } = await openBenchConsole(browser, ctx);

    await page.goto(await finishedProductionExecutionPath(sim));
    await page.locator('.execution-status-badge').getByText('Finished', { exact: true }).waitFor();
    await settle(page);
    const finished = await countApiRequests(page, WINDOW);

    await page.goto('/');
    await page.getByRole('heading', { name: 'My Programs' }).waitFor();
    await openRunningBuildLog(page, sim);
    await page.waitForTimeout(POLL_MS);
    const running = await countApiRequests(page, WINDOW);
    const intervals = WINDOW / POLL_MS;
    const executionPolls = Math.max(0, ...running.api.values());

    await setPageHidden(page, true);
    await page.waitForTimeout(POLL_MS);
    const hidden = await countApiRequests(page, WINDOW);
    await setPageHidden(page, false);

    const rows: BenchRow[] = [
      {
        figure: 'Polling: finished execution page, API requests a minute',
        value: perMinute(finished.total, WINDOW),
        unit: 'req/min',
        budget: { max: 0 },
        note: `${finished.total} in ${WINDOW / 1000} s`,
      },
      {
        figure: 'Polling: running execution, execution requests per 2 s interval',
        value: Math.round((executionPolls / intervals) * 100) / 100,
        unit: 'req',
        budget: { max: 1 },
        note: `${executionPolls} in ${WINDOW / 1000} s; other API requests: ${running.total - executionPolls - running.rangedLog - running.fullLog}`,
      },
      {
        figure: 'Polling: running execution, ranged log requests per 2 s interval (log open)',
        value: Math.round((running.rangedLog / intervals) * 100) / 100,
        unit: 'req',
        budget: { max: 1 },
        note: `${running.rangedLog} in ${WINDOW / 1000} s`,
      },
      {
        figure: 'Polling: running execution in a hidden tab, API requests a minute',
        value: perMinute(hidden.total, WINDOW),
        unit: 'req/min',
        budget: { max: 0 },
        note: 'document.visibilityState hidden',
      },
    ];
    return rows;
  } finally {
    await browser.close();
  }
};
