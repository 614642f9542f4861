/**
 * Deep link to a finished execution on a slow link (issue #17): a fresh browser context (cold
 * cache, no service worker, empty storage, as a first visit) opens the execution's URL directly
 * under Lighthouse's mobile throttling, applied with the Chrome DevTools Protocol in Playwright:
 * network 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up (Lighthouse's "slow 4G", applied to every
 * request rather than simulated) and the CPU slowed 4×. Measured: ms from the navigation's start
 * until the step list is painted (the first step heading, an `h3` inside an `ol > li` of the
 * execution's phase timeline, in the DOM and a frame later). Median of three runs.
 *
 *   Budget: half of the figure measured on the code before issue #17 (DEEP_LINK_BEFORE_MS).
 */
import type { Browser } from '@playwright/test';
import { openBenchConsole, finishedProductionExecutionPath, launchBenchBrowser } from './log-viewer';
import type { Bench, BenchContext, BenchRow } from './report';

/**
 * Measured with this module on a build of commit a8a514c (before issue #17's part B): median of
 * three cold runs (8350, 8903, 10239 ms) on the shared 2-core bench machine.
 */
export const DEEP_LINK_BEFORE_MS = 8903;

/** Lighthouse's mobile throttling (its `throttling` defaults for the mobile preset). */
export const MOBILE_THROTTLING = { rttMs: 150, downKbps: 1638.4, upKbps: 750, cpuSlowdown: 4 };
const RUNS = 3;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One cold deep link: ms from navigation start until the first step heading was painted. */
async function coldDeepLink(browser: Browser, ctx: BenchContext, path: string): Promise<number> {
  const context = await browser.newContext({ baseURL: ctx.baseUrl, viewport: { width: 412, height: 823 }, isMobile: true });
  try {
    const page = await context.newPage();
    // A string, not a function: tsx would wrap a named function in `__name(…)`, unknown in the page.
    await page.addInitScript(`(() => {
      const check = () => {
        if (document.querySelector('ol > li h3')) requestAnimationFrame(() => (window.__stepsAt = performance.now()));
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    })();`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: MOBILE_THROTTLING.rttMs,
      downloadThroughput: (MOBILE_THROTTLING.downKbps * 1024) / 8,
      uploadThroughput: (MOBILE_THROTTLING.upKbps * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE_THROTTLING.cpuSlowdown });
    await page.goto(path, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __stepsAt?: number }).__stepsAt !== undefined, undefined, {
      timeout: 60_000,
      polling: 250,
    });
    return Math.round(await page.evaluate(() => (window as unknown as { __stepsAt: number }).__stepsAt));
  } finally {
    await context.close();
  }
}

export const benchDeepLink: Bench = async (ctx) => {
  const browser = await launchBenchBrowser(ctx);
  try {
    const { page, sim } = await openBenchConsole(browser, ctx);
    const path = await finishedProductionExecutionPath(sim);
    await page.close();
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await coldDeepLink(browser, ctx, path));
    const rows: BenchRow[] = [
      {
        figure: 'Deep link to a finished execution: steps shown, before (a8a514c)',
        value: DEEP_LINK_BEFORE_MS,
        unit: 'ms',
        budget: { max: Number.POSITIVE_INFINITY },
        note: 'recorded constant (DEEP_LINK_BEFORE_MS), no budget',
      },
      {
        figure: 'Deep link to a finished execution: steps shown',
        value: median(runs),
        unit: 'ms',
        budget: { max: Math.round(DEEP_LINK_BEFORE_MS / 2) },
        note: `median of ${RUNS} cold runs (${runs.join(', ')} ms); CDP throttling 150 ms RTT, 1.6 Mbit/s, 4× CPU; ${path}`,
      },
    ];
    return rows;
  } finally {
    await browser.close();
  }
};
