/**
 * Experience Audit on the execution page (issue #4): tiles with the change from the previous run,
 * N/A on a pipeline's first audit, No Change between two steady audits, the trend with its table
 * and links, and the slowest pages with the Devices toggle. Every expected number is read from
 * the API here, by following links from /api/programs. The slowest pages' journey also scans the
 * summary, the trend as a table and the three dialogs with axe (issue #6, e2e/a11y-helpers.ts).
 */
import type { Locator, Page } from '@playwright/test';
import { backgroundBehind, expectNoAxeViolations, isRed, tabTo } from './a11y-helpers';
import { decide, deployAndBuild, expect, statusBadge, stepItem, test, type SimulatorControls } from './fixtures';
import { stepOf, type Execution, type PipelineApi } from './pipeline-api';
import { findLink } from '../test-support/hal';

const CATEGORIES = [
  ['performance', 'Performance'],
  ['accessibility', 'Accessibility'],
  ['best-practices', 'Best Practices'],
  ['seo', 'SEO'],
] as const;

type Scores = Record<string, number>;
type AuditFile = { pages: { path: string; mobile: Scores; desktop: Scores }[]; failedPages: { path: string; reason: string }[] };

const hasScores = (execution: Execution) => {
  const audit = stepOf(execution, 'contentAudit');
  return audit?.status === 'FINISHED' && findLink(audit, 'pipeline/metrics') !== undefined;
};

/** The median scores the API serves as the execution's contentAudit step metrics. */
async function scoresOf(api: PipelineApi, executionId: string): Promise<Scores> {
  const metrics = await api.metrics(await api.step(executionId, 'contentAudit'));
  return Object.fromEntries(metrics.map((m) => [m.kpi, Number(m.actualValue)]));
}

const band = (score: number) => (score >= 90 ? 'Good' : score >= 50 ? 'Needs improvement' : 'Poor');
const change = (now: number, before: number) =>
  now === before ? 'No Change' : now > before ? `+${now - before}` : `\u2212${before - now}`;

const auditSection = (page: Page) => stepItem(page, 'Experience Audit');
const tile = (page: Page, label: string) =>
  auditSection(page).getByRole('list', { name: 'Median scores' }).getByRole('listitem').filter({ hasText: label });
const firstNumber = async (cell: Locator) => Number(/^\d+/.exec((await cell.textContent()) ?? '')?.[0]);

/** Starts a run of Acme Intranet from My Programs and waits for its Experience Audit to finish (it holds at approval). */
async function auditedRun(page: Page, sim: SimulatorControls, outcome: 'pass' | 'auditRegression'): Promise<string> {
  await sim.outcome(outcome);
  await page.goto('/');
  const id = await deployAndBuild(page, 'Acme Intranet');
  await expect(page.getByRole('button', { name: 'Approve', exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(tile(page, 'Performance')).toBeVisible();
  return id;
}

async function finishRun(page: Page) {
  await decide(page, 'Approve');
  await expect(statusBadge(page, 'Finished')).toBeVisible({ timeout: 30_000 });
}

async function expectTiles(page: Page, now: Scores, before: Scores | undefined) {
  for (const [kpi, label] of CATEGORIES) {
    await expect(tile(page, label)).toContainText(`${label}${now[kpi]}${band(now[kpi])}${before ? change(now[kpi], before[kpi]) : 'N/A'}`);
  }
}

test.describe('experience audit', () => {
  test.use({ speed: 3000 });

  test('a regression shows the drop with a minus sign and the regression colour, in the numbers the API serves', async ({
    page,
    sim,
    openConsole,
  }) => {
    await openConsole();
    const api = await sim.pipeline('Acme Intranet', 'Production Pipeline');
    const first = await auditedRun(page, sim, 'pass');
    await finishRun(page);
    const second = await auditedRun(page, sim, 'auditRegression');
    const [before, now] = [await scoresOf(api, first), await scoresOf(api, second)];
    expect(now.performance, 'a regression lowers performance').toBeLessThan(before.performance);
    await expectTiles(page, now, before);
    const drop = before.performance - now.performance;
    const performance = tile(page, 'Performance');
    await expect(performance).toContainText(`down ${drop} from the previous run`);
    // The chip shows the drop with a minus sign, on the regression colour (red): colour is never alone.
    const chip = performance.getByText(`\u2212${drop}`, { exact: true });
    await expect(chip).toBeVisible();
    const colour = await backgroundBehind(chip);
    expect(isRed(colour), `the chip's background rgb(${colour.r}, ${colour.g}, ${colour.b}) is red`).toBe(true);
    // PWA is never in the summary
    await expect(auditSection(page).getByRole('list', { name: 'Median scores' }).getByRole('listitem')).toHaveCount(4);
  });

  test(
    'the trend has a table with one row per run with scores, and a point opens its run',
    { tag: '@links' },
    async ({ page, sim, openConsole }) => {
      await openConsole();
      const api = await sim.pipeline('WKND Sites', 'Production Pipeline');
      const executions = await api.allExecutions();
      const latest = executions[0];
      const expected = executions
        .slice(0, 21)
        .filter(hasScores)
        .map((e) => e.id)
        .reverse();
      expect(expected.length, 'the seed has at least 10 runs with audit scores').toBeGreaterThanOrEqual(10);

      await page.goto(api.route(latest.id));
      const section = auditSection(page);
      await section.getByRole('button', { name: 'Score trend' }).click();
      const chart = section.getByRole('group', { name: /Median scores of the last \d+ runs/ });
      await expect(chart.getByRole('link')).toHaveCount(expected.length);
      await section.getByRole('switch', { name: 'Show as table' }).click();
      const table = section.getByRole('table', { name: 'Median scores by run, oldest first' });
      const rows = table.getByRole('row');
      await expect(rows).toHaveCount(expected.length + 1);
      await expect(table.getByRole('rowheader')).toHaveText(
        expected.map((id) => (id === latest.id ? `Execution ${id} (this run)` : `Execution ${id}`)),
      );
      const oldest = await scoresOf(api, expected[0]);
      await expect(rows.nth(1)).toContainText(`${oldest.performance} (${band(oldest.performance)})`);

      await test.step('clicking a point opens that run', async () => {
        const target = expected[expected.length - 2];
        await chart.getByRole('link', { name: new RegExp(`^Execution ${target}: Performance \\d+`) }).click();
        await expect(page).toHaveURL(new RegExp(`${api.route(target)}$`));
        await expect(tile(page, 'Performance')).toContainText(String((await scoresOf(api, target)).performance));
      });

      await test.step('a point is a link reached and opened with the keyboard', async () => {
        const target = expected[0];
        const toggle = section.getByRole('button', { name: 'Score trend' });
        if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
        const point = section
          .getByRole('group', { name: /Median scores/ })
          .getByRole('link', { name: new RegExp(`^Execution ${target}:`) });
        await point.focus();
        await expect(point).toBeFocused();
        await page.keyboard.press('Enter');
        await expect(page).toHaveURL(new RegExp(`${api.route(target)}$`));
      });
    },
  );

  test('the slowest pages are the 5 lowest-Performance pages; Desktop shows the desktop scores; axe finds nothing in the summary, trend and dialogs', async ({
    page,
    sim,
    openConsole,
  }) => {
    // Issue #4 / #6: the summary, the trend as a table and the three dialogs are scanned with axe (a11y-helpers) on the way.
    test.setTimeout(120_000);
    await openConsole();
    const api = await sim.pipeline('WKND Sites', 'Production Pipeline');
    const latest = (await api.allExecutions()).find(hasScores)!;
    const file = await api.artifact<AuditFile>(await api.step(latest.id, 'contentAudit'), 'CONTENT_AUDIT_RESULTS');
    await page.goto(api.route(latest.id));
    const audit = auditSection(page);

    await test.step('the summary and the trend as a table, scanned; a trend point and the buttons are reached with Tab', async () => {
      await expect(audit.getByRole('list', { name: 'Median scores' })).toBeVisible();
      const failed = audit.getByRole('button', { name: /could not be audited$/ });
      if (await failed.count()) await failed.click();
      await audit.getByRole('button', { name: 'Score trend' }).click();
      await audit.getByRole('switch', { name: 'Show as table' }).click();
      await expect(audit.getByRole('table', { name: 'Median scores by run, oldest first' })).toBeVisible();
      await expectNoAxeViolations(page, 'experience audit summary and trend');
      // from the table switch just pressed, View slowest pages is behind it (about 20 presses back, past the trend's points)
      await tabTo(page, audit.getByRole('button', { name: 'View slowest pages' }), { backwards: true, max: 30 });
      await tabTo(
        page,
        audit
          .getByRole('group', { name: /Median scores of the last/ })
          .getByRole('link')
          .first(),
      );
    });

    await audit.getByRole('button', { name: 'View slowest pages' }).click();
    const dialog = page.getByRole('dialog', { name: 'Slowest 5 pages' });
    await expect(dialog.getByText('Per-page scores: simulator extension', { exact: false })).toBeVisible();
    await expect(dialog.getByRole('radio', { name: 'Mobile' })).toBeChecked();

    for (const device of ['mobile', 'desktop'] as const) {
      if (device === 'desktop') await dialog.getByRole('radio', { name: 'Desktop' }).check();
      const grid = dialog.getByRole('grid', { name: `Slowest pages (${device === 'mobile' ? 'Mobile' : 'Desktop'})` });
      const rows = grid.getByRole('row').filter({ has: page.getByRole('rowheader') });
      const lowest = file.pages
        .map((p) => p[device].performance)
        .sort((a, b) => a - b)
        .slice(0, 5);
      await expect(rows).toHaveCount(lowest.length);
      const shown: number[] = [];
      for (let i = 0; i < lowest.length; i++) {
        const row = rows.nth(i);
        const path = await row.getByRole('rowheader').textContent();
        const cells = row.getByRole('gridcell');
        const expectedPage = file.pages.find((p) => p.path === path)!;
        shown.push(await firstNumber(cells.nth(0)));
        expect(await Promise.all([0, 1, 2, 3].map((c) => firstNumber(cells.nth(c))))).toEqual(
          CATEGORIES.map(([kpi]) => expectedPage[device][kpi]),
        );
      }
      expect(shown, `${device} rows ordered by performance, lowest first`).toEqual(lowest);
      await expectNoAxeViolations(page, `slowest pages dialog (${device})`);
    }
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);

    await test.step('the full report and a page’s details, scanned; Escape goes back one dialog at a time', async () => {
      await audit.getByRole('button', { name: 'View slowest pages' }).click();
      await dialog.getByRole('button', { name: 'View full report' }).click();
      const report = page.getByRole('dialog', { name: 'Experience audit report' });
      await expect(report.getByRole('grid')).toBeVisible();
      await expectNoAxeViolations(page, 'full report dialog');
      await report.getByRole('grid').getByRole('rowheader').first().click();
      const details = page.getByRole('dialog', { name: /^Page details: / });
      await expect(details.getByRole('table')).toBeVisible();
      await expectNoAxeViolations(page, 'page details dialog');
      await page.keyboard.press('Escape');
      await expect(details).toHaveCount(0);
      await expect(report).toBeVisible();
      // Focus goes back into the report (to the row that opened the details) before Escape closes it.
      await expect.poll(() => report.evaluate((element) => element.contains(document.activeElement))).toBe(true);
      await page.keyboard.press('Escape');
      await expect(report).toHaveCount(0);
    });
  });
});
