/**
 * Polling (issue #5): API requests an execution page makes, counted in Chromium on the production
 * build. The simulator runs inside the page (a service worker), and the page's requests to it
 * still show in Playwright's `page.on('request')`. Budgets: a finished execution 0 requests a
 * minute; a running one at most one execution request and one ranged log request (log open) per
 * 2 s poll interval; a hidden tab none.
 *
 * Time is page time: the page runs on Playwright's fake clock (`page.clock`, installed before it
 * loads), paused while requests are counted. `countApiRequests` advances it one poll interval at a
 * time and waits for the requests each interval started to be answered, so a window of 20 s of
 * page time is counted exactly, without waiting 20 s.
 */
import type { Page, Request } from '@playwright/test';
import { SimulatorControls, deployAndBuild, statusBadge, stepItem } from '../e2e/fixtures';
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

/**
 * The requests a page makes to the API (/api/…) and its files (/files/…), as Playwright sees them,
 * from construction until `stop()`; `idle()` waits until every one of them has been answered.
 */
export class ApiRequests {
  readonly count: RequestCount = { api: new Map(), rangedLog: 0, fullLog: 0, total: 0 };
  private readonly pending = new Set<Request>();
  private waiting: Array<() => void> = [];

  constructor(private readonly page: Page) {
    page.on('request', this.onRequest);
    page.on('requestfinished', this.onAnswered);
    page.on('requestfailed', this.onAnswered);
  }

  private readonly onRequest = (request: Request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/') && !url.pathname.startsWith('/files/')) return;
    this.pending.add(request);
    this.count.total += 1;
    if (url.pathname.startsWith('/files/')) {
      if (request.headers().range) this.count.rangedLog += 1;
      else this.count.fullLog += 1;
    } else this.count.api.set(url.href, (this.count.api.get(url.href) ?? 0) + 1);
  };

  private readonly onAnswered = (request: Request) => {
    if (!this.pending.delete(request) || this.pending.size > 0) return;
    for (const resolve of this.waiting.splice(0)) resolve();
  };

  /** Resolves once every request recorded so far has been answered (or has failed). */
  idle(timeoutMs = 15_000): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const urls = [...this.pending].map((request) => request.url()).join(', ');
        reject(new Error(`requests still unanswered after ${timeoutMs} ms: ${urls}`));
      }, timeoutMs);
      this.waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  stop(): RequestCount {
    this.page.off('request', this.onRequest);
    this.page.off('requestfinished', this.onAnswered);
    this.page.off('requestfailed', this.onAnswered);
    return this.count;
  }
}

/**
 * Pauses the page's fake clock (installed with `page.clock.install()` before the page loaded):
 * from now on the page's timers fire only when a measurement advances its time.
 */
export async function pauseClock(page: Page): Promise<void> {
  // A little ahead of the page's own time, so the clock never has to go back.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
}

/**
 * The measurement helper: the requests the page makes while its paused fake clock advances by `ms`
 * of page time. The clock moves one poll interval at a time, and after each interval the helper
 * waits until the requests that interval started have been answered.
 */
export async function countApiRequests(page: Page, ms: number, interval = POLL_MS): Promise<RequestCount> {
  const requests = new ApiRequests(page);
  try {
    for (let elapsed = 0; elapsed < ms; elapsed += interval) {
      await page.clock.runFor(Math.min(interval, ms - elapsed));
      await requests.idle();
    }
  } finally {
    requests.stop();
  }
  return requests.count;
}

/**
 * Waits until the page's requests have settled: every request `requests` recorded has been answered,
 * and then a poll interval of page time (the page's fake clock moved on) starts no new one.
 */
export async function settleRequests(page: Page, requests: ApiRequests, maxIntervals = 10): Promise<void> {
  for (let i = 0; i < maxIntervals; i += 1) {
    await requests.idle();
    const before = requests.count.total;
    await page.clock.runFor(POLL_MS);
    await requests.idle();
    if (requests.count.total === before) return;
  }
  throw new Error(`the page still makes requests after ${maxIntervals} poll intervals`);
}

/** Waits until the page's first load has settled: a poll interval of page time passes without a request. */
export async function settle(page: Page, maxIntervals = 10): Promise<void> {
  const requests = new ApiRequests(page);
  try {
    await settleRequests(page, requests, maxIntervals);
  } finally {
    requests.stop();
  }
}

/** Makes the page report itself hidden (or visible again) the way a background tab does. */
export async function setPageHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((hidden) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

/**
 * Opens a production run of We.Retail Global whose build step is running, with its log open.
 * The run starts at speed 30 and passes; once its build runs, the simulator slows to real time so
 * the build is still running while requests are counted.
 */
export async function openRunningBuildLog(page: Page, sim: SimulatorControls): Promise<void> {
  await sim.outcome('pass');
  await sim.speed(30);
  await deployAndBuild(page, 'We.Retail Global');
  const build = stepItem(page, 'Build & Unit Testing');
  await build.getByText('Running…', { exact: true }).waitFor({ timeout: 30_000 });
  await sim.speed(1);
  await build.getByRole('button', { name: 'View log' }).click();
  await page.getByRole('region', { name: /^Build & Unit Testing log/ }).waitFor();
}

const perMinute = (count: number, ms: number) => Math.round((count * 60_000) / ms);

export const benchPolling: Bench = async (ctx) => {
  const WINDOW = 20_000;
  const browser = await launchBenchBrowser(ctx);
  try {
    const { page, sim } = await openBenchConsole(browser, ctx, { fakeClock: true });

    await page.goto(await finishedProductionExecutionPath(sim));
    await statusBadge(page, 'Finished').waitFor();
    await pauseClock(page);
    await settle(page);
    const finished = await countApiRequests(page, WINDOW);

    await page.clock.resume();
    await page.goto('/');
    await page.getByRole('heading', { name: 'My Programs' }).waitFor();
    await openRunningBuildLog(page, sim);
    await pauseClock(page);
    await countApiRequests(page, POLL_MS); // one interval to settle into polling
    const running = await countApiRequests(page, WINDOW);
    const intervals = WINDOW / POLL_MS;
    const executionPolls = Math.max(0, ...running.api.values());

    await setPageHidden(page, true);
    const hidden = await countApiRequests(page, WINDOW);
    await setPageHidden(page, false);

    const rows: BenchRow[] = [
      {
        figure: 'Polling: finished execution page, API requests a minute',
        value: perMinute(finished.total, WINDOW),
        unit: 'req/min',
        budget: { max: 0 },
        note: `${finished.total} in ${WINDOW / 1000} s of page time (fake clock)`,
      },
      {
        figure: 'Polling: running execution, execution requests per 2 s interval',
        value: Math.round((executionPolls / intervals) * 100) / 100,
        unit: 'req',
        budget: { max: 1 },
        note: `${executionPolls} in ${WINDOW / 1000} s of page time; other API requests: ${running.total - executionPolls - running.rangedLog - running.fullLog}`,
      },
      {
        figure: 'Polling: running execution, ranged log requests per 2 s interval (log open)',
        value: Math.round((running.rangedLog / intervals) * 100) / 100,
        unit: 'req',
        budget: { max: 1 },
        note: `${running.rangedLog} in ${WINDOW / 1000} s of page time`,
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
