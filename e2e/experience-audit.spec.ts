/**
 * Experience Audit on the execution page (issue #4): tiles with the change from the previous run,
 * N/A on a pipeline's first audit, No Change between two steady audits, the trend with its table
 * and links, and the slowest pages with the Devices toggle. Every expected number is read from
 * the API here, by following links from /api/programs.
 */
import type { Locator, Page } from '@playwright/test';
import { decide, deployAndBuild, expect, statusBadge, test, type SimulatorControls } from './fixtures';

const REL = 'http://ns.adobe.com/adobecloud/rel/';
const CATEGORIES = [
  ['performance', 'Performance'],
  ['accessibility', 'Accessibility'],
  ['best-practices', 'Best Practices'],
  ['seo', 'SEO'],
] as const;

type Links = Record<string, { href: string; templated?: boolean }>;
type StepState = { action: string; status: string; _links: Links };
type Execution = { id: string; _embedded: { stepStates: StepState[] }; _links: Links };
type Resource = { id: string; name: string; _links: Links; _embedded: Record<string, Resource[]> };
type Scores = Record<string, number>;
type AuditFile = { pages: { path: string; mobile: Scores; desktop: Scores }[]; failedPages: { path: string; reason: string }[] };

const href = (resource: { _links: Links }, rel: string) => resource._links[rel === 'self' || rel === 'next' ? rel : `${REL}${rel}`]?.href;
const auditStep = (execution: Execution) => execution._embedded.stepStates.find((s) => s.action === 'contentAudit');
const hasScores = (execution: Execution) =>
  auditStep(execution)?.status === 'FINISHED' && href(auditStep(execution)!, 'pipeline/metrics') !== undefined;

/** A pipeline found by following links from the API's entry point, and what the tests read of it. */
class PipelineApi {
  private constructor(
    private readonly sim: SimulatorControls,
    readonly programId: string,
    readonly pipeline: Resource,
  ) {}

  static async find(sim: SimulatorControls, programName: string): Promise<PipelineApi> {
    const programs = await sim.get<Resource>('/api/programs');
    const program = await sim.get<Resource>(
      href(
        programs._embedded.programs.find((p) => p.name === programName)!,
        'self',
      )!,
    );
    const pipelines = await sim.get<Resource>(href(program, 'pipelines')!);
    return new PipelineApi(
      sim,
      program.id,
      pipelines._embedded.pipelines.find((p) => p.name === 'Production Pipeline')!,
    );
  }

  route(executionId: string): string {
    return `/program/${this.programId}/pipeline/${this.pipeline.id}/execution/${executionId}`;
  }

  /** Every execution, newest first, through the list's next links. */
  async executions(): Promise<Execution[]> {
    const all: Execution[] = [];
    for (let next = href(this.pipeline, 'executions'); next;) {
      const list = await this.sim.get<{ _embedded: { executions: Execution[] }; _links: Links }>(next);
      all.push(...list._embedded.executions);
      next = href(list, 'next');
    }
    return all;
  }

  async execution(id: string): Promise<Execution> {
    return this.sim.get<Execution>(href(this.pipeline, 'execution/id')!.replace('{executionId}', id));
  }

  /** The median scores the API serves as the execution's contentAudit step metrics. */
  async scores(id: string): Promise<Scores> {
    const step = auditStep(await this.execution(id))!;
    const { metrics } = await this.sim.get<{ metrics: { kpi: string; actualValue: string }[] }>(href(step, 'pipeline/metrics')!);
    return Object.fromEntries(metrics.map((m) => [m.kpi, Number(m.actualValue)]));
  }

  /** The contentAudit step's CONTENT_AUDIT_RESULTS artifact (artifact list → self → redirect → file). */
  async auditFile(id: string): Promise<AuditFile> {
    const step = auditStep(await this.execution(id))!;
    const list = await this.sim.get<{ _embedded: { artifacts: { type: string; _links: Links }[] } }>(href(step, 'pipeline/artifacts')!);
    const artifact = list._embedded.artifacts.find((a) => a.type === 'CONTENT_AUDIT_RESULTS')!;
    const { redirect } = await this.sim.get<{ redirect: string }>(href(artifact, 'self')!);
    return this.sim.get<AuditFile>(redirect);
  }
}

const band = (score: number) => (score >= 90 ? 'Good' : score >= 50 ? 'Needs improvement' : 'Poor');
const change = (now: number, before: number) =>
  now === before ? 'No Change' : now > before ? `+${now - before}` : `\u2212${before - now}`;

const auditSection = (page: Page) => page.locator('li.step-item[data-action="contentAudit"]');
const tile = (page: Page, label: string) =>
  auditSection(page).getByRole('list', { name: 'Median scores' }).getByRole('listitem').filter({ hasText: label });
const firstNumber = async (cell: Locator) => Number(/^\d+/.exec((await cell.textContent()) ?? '')?.[0]);

/** Starts a run of Acme Intranet from My Programs and waits for its Experience Audit to finish (it holds at approval). */
async function auditedRun(page: Page, sim: SimulatorControls, outcome: 'pass' | 'auditRegression' | 'auditSteady'): Promise<string> {
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
  test.beforeEach(async ({ sim, openConsole }) => {
    await openConsole();
    await sim.speed(3000);
  });

  test('a regression shows the drop with a minus sign and the regression colour, in the numbers the API serves', async ({ page, sim }) => {
    const api = await PipelineApi.find(sim, 'Acme Intranet');
    const first = await auditedRun(page, sim, 'pass');
    await finishRun(page);
    const second = await auditedRun(page, sim, 'auditRegression');
    const [before, now] = [await api.scores(first), await api.scores(second)];
    expect(now.performance, 'a regression lowers performance').toBeLessThan(before.performance);
    await expectTiles(page, now, before);
    const performance = tile(page, 'Performance');
    await expect(performance).toContainText(`\u2212${before.performance - now.performance}`);
    await expect(performance).toContainText(`down ${before.performance - now.performance} from the previous run`);
    const chip = performance.locator('.audit-change');
    await expect(chip).toHaveClass(/audit-change--regressed/);
    await expect(chip.locator('[class*="spectrum-Badge--negative"]')).toHaveText(`\u2212${before.performance - now.performance}`);
    // PWA is never in the summary
    await expect(auditSection(page).getByRole('list', { name: 'Median scores' }).getByRole('listitem')).toHaveCount(4);
  });

  test("a pipeline's first audit shows N/A; two steady audits in a row show No Change", async ({ page, sim }) => {
    const api = await PipelineApi.find(sim, 'Acme Intranet');
    expect(await api.executions(), 'Acme Intranet has no runs in the seed').toHaveLength(0);
    const first = await auditedRun(page, sim, 'auditSteady');
    await expectTiles(page, await api.scores(first), undefined);
    await finishRun(page);
    const second = await auditedRun(page, sim, 'auditSteady');
    const now = await api.scores(second);
    expect(now).toEqual(await api.scores(first));
    await expectTiles(page, now, now);
    for (const [, label] of CATEGORIES) await expect(tile(page, label)).toContainText('No Change');
  });

  test('the trend has a table with one row per run with scores, and a point opens its run', async ({ page, sim }) => {
    const api = await PipelineApi.find(sim, 'WKND Sites');
    const executions = await api.executions();
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
    const oldest = await api.scores(expected[0]);
    await expect(rows.nth(1)).toContainText(`${oldest.performance} (${band(oldest.performance)})`);

    await test.step('clicking a point opens that run', async () => {
      const target = expected[expected.length - 2];
      await chart.getByRole('link', { name: new RegExp(`^Execution ${target}: Performance \\d+`) }).click();
      await expect(page).toHaveURL(new RegExp(`${api.route(target)}$`));
      await expect(tile(page, 'Performance')).toContainText(String((await api.scores(target)).performance));
    });

    await test.step('a point is a link reached and opened with the keyboard', async () => {
      const target = expected[0];
      const toggle = section.getByRole('button', { name: 'Score trend' });
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
      const point = section.getByRole('group', { name: /Median scores/ }).getByRole('link', { name: new RegExp(`^Execution ${target}:`) });
      await point.focus();
      await expect(point).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${api.route(target)}$`));
    });
  });

  test('the slowest pages are the 5 lowest-Performance pages; Desktop shows the desktop scores', async ({ page, sim }) => {
    const api = await PipelineApi.find(sim, 'WKND Sites');
    const latest = (await api.executions()).find(hasScores)!;
    const file = await api.auditFile(latest.id);
    await page.goto(api.route(latest.id));
    await auditSection(page).getByRole('button', { name: 'View slowest pages' }).click();
    const dialog = page.getByRole('dialog', { name: 'Slowest pages' });
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
    }
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
  });
});
