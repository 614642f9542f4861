/**
 * Scale (issue #5): My Programs with 1,000 programs and Activity with 10,000 executions, in
 * Chromium on the production build, after `POST /_sim/populate`. The populated state lives in the
 * page's simulator (too big for localStorage), so pages are reached by in-app navigation, and
 * times run from the click to the frame after the page shows its rows.
 */
import type { Locator, Page } from '@playwright/test';
import { SimulatorControls } from '../e2e/fixtures';
import { launchBenchBrowser, newBenchPage } from './log-viewer';
import { countApiRequests } from './polling';
import type { Bench, BenchRow } from './report';

export const SCALE = { programs: 1000, executions: 10000 } as const;
/** Most program cards or table rows any page may render at once. */
export const MAX_RENDERED_ROWS = 200;

/** From My Programs: populates the simulator and opens WKND Sites' Overview (by in-app navigation). */
export async function populateAndOpenProgram(page: Page, sim: SimulatorControls): Promise<void> {
  await page.getByRole('heading', { name: 'My Programs' }).waitFor();
  await sim.call('POST', '/_sim/populate', SCALE);
  await page.getByRole('link', { name: 'WKND Sites' }).first().click();
  await page.getByRole('navigation', { name: 'Program' }).waitFor();
  // Past the console's 1 s staleTime, so My Programs reads the program list again when it opens.
  await page.waitForTimeout(2000);
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
    const page = await newBenchPage(browser, ctx);
    const sim = new SimulatorControls(page);
    await page.goto('/');
    await populateAndOpenProgram(page, sim);

    const requests = countApiRequests(page, 4000);
    const programsMs = await timeClickUntil(
      page,
      page.getByRole('link', { name: 'Cloud Manager — My Programs' }),
      'nav[aria-label="Programs pages"]',
      `of ${SCALE.programs}`,
    );
    const programRequests = (await requests).total;
    const cards = await page.locator('.program-card').count();
    await page.getByRole('button', { name: 'List view' }).click();
    await page.getByRole('grid', { name: 'Programs' }).waitFor();
    const tableRows = (await page.getByRole('grid', { name: 'Programs' }).getByRole('row').count()) - 1;

    await page.getByRole('button', { name: 'Grid view' }).click();
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
