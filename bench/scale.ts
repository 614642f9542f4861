/**
 * Scale (issue #5): My Programs with 1,000 programs and Activity with 10,000 executions, in
 * Chromium on the production build, after `POST /_sim/populate`. The populated state lives in the
 * page's simulator (too big for localStorage), so pages are reached by in-app navigation, and
 * times run from the click to the frame after the page shows its rows.
 *
 * The page runs on Playwright's fake clock (`page.clock`, installed before it loads, time flowing
 * as usual), so the console's cached program list can be made stale by moving the clock past its
 * staleTime instead of waiting for it; performance.now() keeps real time and animation frames come
 * every 16 ms of it.
 */
import type { Locator, Page } from '@playwright/test';
import { SimulatorControls, programCards } from '../e2e/fixtures';
import { launchBenchBrowser, openBenchConsole } from './log-viewer';
import { ApiRequests, settleRequests } from './polling';
import type { Bench, BenchRow } from './report';

export const SCALE = { programs: 1000, executions: 10000 } as const;
/** Most program cards or table rows any page may render at once. */
export const MAX_RENDERED_ROWS = 200;
/** The console keeps data fresh for 1 s (src/app/query-client.ts staleTime); after that a page that shows it reads it again. */
const STALE_TIME_MS = 1000;

/**
 * From My Programs: populates the simulator and opens WKND Sites' Overview (by in-app navigation),
 * then moves the page's fake clock past the console's staleTime, so My Programs reads the program
 * list again when it opens.
 */
export async function populateAndOpenProgram(page: Page, sim: SimulatorControls): Promise<void> {
  await page.getByRole('heading', { name: 'My Programs' }).waitFor();
  await sim.call('POST', '/_sim/populate', SCALE);
  // The list may read the 1,000 programs at any moment now (the bell re-reads after the journal
  // moves), and WKND Sites then sorts past the first 50 cards: found through the search box.
  await page.getByRole('searchbox', { name: 'Search programs' }).fill('WKND Sites');
  await page.getByRole('link', { name: 'WKND Sites' }).first().click();
  await page.getByRole('navigation', { name: 'Program' }).waitFor();
  await page.clock.fastForward(2 * STALE_TIME_MS);
}

/**
 * Clicks `target` and resolves with the ms from the click (in the page) to the frame after
 * `selector`'s text contains `text`.
 */
export async function timeClickUntil(page: Page, target: Locator, selector: string, text: string): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __clickAt?: number };
    w.__clickAt = undefined;
    document.addEventListener('click', () => (w.__clickAt ??= performance.now()), { capture: true, once: true });
  });
  const shown = page.evaluate(
    ({ selector, text }) =>
      new Promise<number>((resolve) => {
        const check = () => {
          const at = (window as unknown as { __clickAt?: number }).__clickAt;
          if (at !== undefined && document.querySelector(selector)?.textContent?.includes(text))
            requestAnimationFrame(() => resolve(performance.now() - at));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { selector, text },
  );
  await target.click();
  return shown;
}

export const benchScale: Bench = async (ctx) => {
  const browser = await launchBenchBrowser(ctx);
  try {
    const { page, sim } = await openBenchConsole(browser, ctx, { fakeClock: true });
    await populateAndOpenProgram(page, sim);

    const requests = new ApiRequests(page);
    const programsMs = await timeClickUntil(
      page,
      page.getByRole('link', { name: 'Cloud Manager — My Programs' }),
      'nav[aria-label="Programs pages"]',
      `of ${SCALE.programs}`,
    );
    await settleRequests(page, requests);
    const programRequests = requests.stop().total;
    const cards = await programCards(page).count();
    await page.getByRole('button', { name: 'List view' }).click();
    await page.getByRole('grid', { name: 'Programs' }).waitFor();
    const tableRows = (await page.getByRole('grid', { name: 'Programs' }).getByRole('row').count()) - 1;

    await page.getByRole('button', { name: 'Grid view' }).click();
    await programCards(page).first().waitFor();
    await page.getByRole('searchbox', { name: 'Search programs' }).fill('WKND Sites');
    await page.getByRole('link', { name: 'WKND Sites' }).first().click();
    const activityMs = await timeClickUntil(
      page,
      page.getByRole('navigation', { name: 'Program' }).getByRole('link', { name: 'Activity' }),
      'nav[aria-label="Activity pages"]',
      '1–20 of',
    );
    const activityRows = (await page.getByRole('grid', { name: 'Pipeline executions' }).getByRole('row').count()) - 1;
    const nextMs = await timeClickUntil(
      page,
      page.getByRole('navigation', { name: 'Activity pages' }).getByRole('button', { name: 'Next' }),
      'nav[aria-label="Activity pages"]',
      '21–40 of',
    );

    const rows: BenchRow[] = [
      {
        figure: `Scale: My Programs with ${SCALE.programs} programs shown`,
        value: Math.round(programsMs),
        unit: 'ms',
        budget: { max: 1000 },
        note: `click → first page painted; ${programRequests} API requests`,
      },
      {
        figure: 'Scale: My Programs cards / table rows rendered',
        value: Math.max(cards, tableRows),
        unit: 'rows',
        budget: { max: MAX_RENDERED_ROWS },
        note: `${cards} cards, ${tableRows} table rows`,
      },
      {
        figure: `Scale: Activity with ${SCALE.executions} executions shown`,
        value: Math.round(activityMs),
        unit: 'ms',
        budget: { max: 1000 },
        note: `click → first page painted; ${activityRows} rows`,
      },
      {
        figure: 'Scale: Activity next page',
        value: Math.round(nextMs),
        unit: 'ms',
        budget: { max: 500 },
        note: 'Next → rows 21–40 painted',
      },
    ];
    return rows;
  } finally {
    await browser.close();
  }
};
