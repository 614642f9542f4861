/**
 * Results a user reviews (issue #4): the code scanning Review Summary and its override, the
 * Download Details CSV, and the test steps' results ("no tests", failing tests). Every expected
 * value is read from the API here, by following links from /api/programs.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { parseCsv } from '../src/lib/csv';
import { expectNoAxeViolations } from './a11y-helpers';
import { decide, deployAndBuild, expect, statusBadge, test, type SimulatorControls } from './fixtures';

const REL = 'http://ns.adobe.com/adobecloud/rel/';

type Links = Record<string, { href: string }>;
type Resource = { id: string; action?: string; status?: string; type?: string; _links: Links; _embedded: Record<string, Resource[]> };
type Metric = { kpi: string; severity: string; passed: boolean; override: boolean; actualValue: string };
type TestCase = { name: string; className: string; status: string; message?: string };

const href = (resource: { _links: Links }, rel: string) => resource._links[rel === 'self' ? rel : `${REL}${rel}`].href;

/** Cloud Manager's names of the code quality kpis (cm-ui §6). */
const METRIC_NAMES: Record<string, string> = {
  security_rating: 'Security Rating',
  reliability_rating: 'Reliability Rating',
  sqale_rating: 'Maintainability Rating',
  coverage: 'Coverage',
  skipped_tests: 'Skipped Unit Tests',
  open_issues: 'Open Issues',
  duplicated_lines_density: 'Duplicated Lines',
};

/** The step state of `action` in the execution this page shows, from the API. */
async function apiStep(page: Page, sim: SimulatorControls, action: string): Promise<Resource> {
  const [, programId, pipelineId, executionId] = /\/program\/([^/]+)\/pipeline\/([^/]+)\/execution\/([^/]+)$/.exec(page.url())!;
  const programs = await sim.get<Resource>('/api/programs');
  const program = await sim.get<Resource>(
    href(
      programs._embedded.programs.find((p) => String(p.id) === programId)!,
      'self',
    ),
  );
  const pipelines = await sim.get<Resource>(href(program, 'pipelines'));
  const pipeline = pipelines._embedded.pipelines.find((p) => String(p.id) === pipelineId)!;
  const execution = await sim.get<Resource>(href(pipeline, 'execution/id').replace('{executionId}', executionId));
  return execution._embedded.stepStates.find((s) => s.action === action)!;
}

async function apiMetrics(page: Page, sim: SimulatorControls): Promise<Metric[]> {
  return (await sim.get<{ metrics: Metric[] }>(href(await apiStep(page, sim, 'codeQuality'), 'pipeline/metrics'))).metrics;
}

/** A step's artifact of `type`: artifacts list → the artifact's self → its redirect → the file. */
async function apiArtifact<T>(page: Page, sim: SimulatorControls, action: string, type: string): Promise<T> {
  const list = await sim.get<Resource>(href(await apiStep(page, sim, action), 'pipeline/artifacts'));
  const artifact = list._embedded.artifacts.find((a) => a.type === type)!;
  const { redirect } = await sim.get<{ redirect: string }>(href(artifact, 'self'));
  return sim.get<T>(redirect);
}

const stepItem = (page: Page, action: string) => page.locator(`li.step-item[data-action="${action}"]`);

/** The Review Summary rows as metric name → result word. */
async function resultsByMetric(dialog: Locator): Promise<Record<string, string>> {
  const rows = dialog.getByRole('grid', { name: 'Code scanning metrics' }).getByRole('row');
  const entries: [string, string][] = [];
  for (const row of (await rows.all()).slice(1))
    entries.push([(await row.getByRole('rowheader').textContent()) ?? '', (await row.getByRole('gridcell').last().textContent()) ?? '']);
  return Object.fromEntries(entries);
}

const names = (metrics: Metric[]) => metrics.map((m) => METRIC_NAMES[m.kpi] ?? m.kpi).sort();
const withResult = (results: Record<string, string>, word: string) =>
  Object.keys(results)
    .filter((name) => results[name] === word)
    .sort();

test.describe('results a user reviews', () => {
  test.beforeEach(async ({ sim, openConsole }) => {
    await openConsole();
    await sim.speed(3000);
  });

  test('important quality failure: Review Summary lists exactly the failing metrics, Download Details saves the issues CSV, Override turns them Overridden', async ({
    page,
    sim,
  }) => {
    await sim.outcome('importantQualityFailure');
    const executionId = await deployAndBuild(page, 'WKND Sites');
    const scan = stepItem(page, 'codeQuality');
    await expect(scan.getByRole('button', { name: 'Override', exact: true })).toBeEnabled({ timeout: 30_000 });
    const metrics = await apiMetrics(page, sim);
    const failing = metrics.filter((m) => !m.passed);
    expect(
      failing.some((m) => m.severity === 'important'),
      'the outcome fails an important metric',
    ).toBe(true);

    await test.step('Download Details saves the CSV of every flagged issue', async () => {
      const download = page.waitForEvent('download');
      await scan.getByRole('button', { name: 'Download Details' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`code-quality-issues-${executionId}.csv`);
      const [header, ...rows] = parseCsv(await readFile(await file.path(), 'utf8'));
      expect(header).toEqual(expect.arrayContaining(['Project File Location', 'File Location', 'Rule', 'Severity', 'Message']));
      const openIssues = Number(metrics.find((m) => m.kpi === 'open_issues')!.actualValue);
      expect(rows).toHaveLength(openIssues);
      for (const row of rows) expect(row).toHaveLength(header.length);
      const rule = header.indexOf('Rule');
      for (const row of rows) expect(row[rule]).toMatch(/^(java:S\d+|CQRules:.+)$/);
    });

    await scan.getByRole('button', { name: 'Review Summary' }).click();
    const dialog = page.getByRole('dialog', { name: 'Code Scanning Results' });
    await expect(dialog.getByText('Partially Passed')).toBeVisible();
    await test.step('every metric has a row; exactly the failing ones read Failed', async () => {
      await expect(dialog.getByRole('row')).toHaveCount(metrics.length + 1);
      const results = await resultsByMetric(dialog);
      expect(Object.keys(results).sort()).toEqual(names(metrics));
      expect(withResult(results, 'Failed')).toEqual(names(failing));
      expect(withResult(results, 'Passed')).toEqual(names(metrics.filter((m) => m.passed)));
    });

    await test.step('Override from the dialog: the overridden metrics read Overridden', async () => {
      await dialog.getByRole('button', { name: 'Override', exact: true }).click();
      const confirm = page.getByRole('alertdialog').filter({ has: page.getByRole('button', { name: 'Override', exact: true }) });
      await confirm.getByRole('button', { name: 'Override', exact: true }).click();
      await expect(confirm).toHaveCount(0);
      await expect(dialog.getByText('Overridden', { exact: true }).first()).toBeVisible();
      const after = await apiMetrics(page, sim);
      const overridden = after.filter((m) => !m.passed && m.override);
      expect(names(overridden)).toEqual(names(failing.filter((m) => m.severity === 'important')));
      await expect.poll(async () => withResult(await resultsByMetric(dialog), 'Overridden')).toEqual(names(overridden));
      expect(withResult(await resultsByMetric(dialog), 'Failed')).toEqual(names(after.filter((m) => !m.passed && !m.override)));
      await expect(dialog.locator('.code-quality-verdict')).toHaveText('Overridden');
      await expectNoAxeViolations(page, 'Review Summary with overridden metrics');
      await dialog.getByRole('button', { name: 'Close', exact: true }).click();
      await expect(dialog).toHaveCount(0);
    });
    await expect(scan.getByText('Overridden', { exact: true })).toBeVisible();
  });

  test('no custom tests: Custom UI Testing reads "no tests" and the run goes on to finish', async ({ page, sim }) => {
    await sim.outcome('noCustomTests');
    await deployAndBuild(page, 'Acme Intranet');
    const ui = stepItem(page, 'uiTest');
    await expect(ui.getByText('No tests', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(ui.getByText('No tests were run.')).toBeVisible();
    await expect(ui).not.toContainText('Failed');
    expect((await apiStep(page, sim, 'uiTest')).status).toBe('INCOMPLETE');
    await expect(stepItem(page, 'contentAudit').locator('.step-status-word')).toHaveText('Passed', { timeout: 30_000 });
    await decide(page, 'Approve');
    await expect(statusBadge(page, 'Finished')).toBeVisible({ timeout: 30_000 });
    await expect(ui.getByText('No tests', { exact: true })).toBeVisible();
  });

  test('a failing test step shows the failing tests and their messages as the results artifact has them', async ({ page, sim }) => {
    await sim.outcome('testFailure');
    await deployAndBuild(page, 'Acme Intranet');
    await expect(statusBadge(page, 'Failed')).toBeVisible({ timeout: 30_000 });
    const results = await apiArtifact<{ passed: number; failed: number; skipped: number; tests: TestCase[] }>(
      page,
      sim,
      'functionalTest',
      'UI_TEST_RESULTS',
    );
    const failed = results.tests.filter((t) => t.status === 'failed');
    expect(failed.length, 'the outcome fails at least one functional test').toBeGreaterThan(0);

    const functional = stepItem(page, 'functionalTest');
    await expect(functional.locator('.step-test-counts')).toHaveText(
      `Tests: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`,
    );
    const list = functional.getByRole('list', { name: 'Failing tests' });
    await expect(list.locator('.failing-test__name')).toHaveText(failed.map((t) => `${t.className} › ${t.name}`));
    await expect(list.locator('.failing-test__message')).toHaveText(failed.map((t) => t.message ?? ''));
    await expectNoAxeViolations(page, 'failed test step with its failing tests');
    await test.step('the disclosure folds the list away from the keyboard', async () => {
      const toggle = functional.getByRole('button', { name: `Failing tests (${failed.length})` });
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(list).toBeHidden();
    });
    await expect(stepItem(page, 'uiTest').locator('.step-test-results')).toHaveCount(0);
  });
});
