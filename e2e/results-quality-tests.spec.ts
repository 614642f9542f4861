/**
 * Results a user reviews (issue #4): the code scanning Review Summary and its override, the
 * Download Details CSV, and the test steps' results ("no tests", failing tests). Every expected
 * value is read from the API here, by following links from /api/programs.
 */
import { readFile } from 'node:fs/promises';
import type { Locator } from '@playwright/test';
import { metricCondition } from '../src/domain/code-quality-metrics';
import { parseCsv } from '../src/lib/csv';
import { expectNoAxeViolations } from './a11y-helpers';
import { decide, deployAndBuild, expect, statusBadge, stepItem, test } from './fixtures';
import type { Metric } from './pipeline-api';

type TestCase = { name: string; className: string; status: string; message?: string };
type TestResults = { passed: number; failed: number; skipped: number; tests: TestCase[] };

/** The Review Summary rows (sections Critical, Important, Information) as condition → result word. */
async function resultsByMetric(dialog: Locator): Promise<Record<string, string>> {
  const entries: [string, string][] = [];
  for (const section of ['Critical', 'Important', 'Information']) {
    const rows = dialog.getByRole('grid', { name: section }).getByRole('row');
    for (const row of (await rows.all()).slice(1))
      entries.push([(await row.getByRole('rowheader').textContent()) ?? '', (await row.getByRole('gridcell').last().textContent()) ?? '']);
  }
  return Object.fromEntries(entries);
}

/** The rows' condition sentences (worded as unit-tested in src/domain/code-quality-metrics.test.ts). */
const names = (metrics: Metric[]) => metrics.map((m) => metricCondition(m)).sort();
const withResult = (results: Record<string, string>, word: string) =>
  Object.keys(results)
    .filter((name) => results[name] === word)
    .sort();

test.describe('results a user reviews', () => {
  test.use({ speed: 3000 });

  test.describe('with important code quality failures', () => {
    test.use({ outcome: 'importantQualityFailure' });

    test(
      'important quality failure: Review Summary lists exactly the failing metrics, Download Details saves the issues CSV, Override turns them Overridden',
      { tag: '@links' },
      async ({ page, sim, openConsole }) => {
        await openConsole();
        const api = await sim.pipeline('WKND Sites');
        const executionId = await deployAndBuild(page, 'WKND Sites');
        const scan = stepItem(page, 'Code Scanning');
        await expect(scan.getByRole('button', { name: 'Override', exact: true })).toBeEnabled({ timeout: 30_000 });
        const metrics = await api.metrics(await api.step(executionId, 'codeQuality'));
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
          await expect(dialog.getByRole('heading', { level: 3 })).toHaveText(['Critical', 'Important', 'Information']);
          await expect(dialog.getByRole('row')).toHaveCount(metrics.length + 3);
          expect(metrics.map((m) => m.kpi)).toContain('cloud_service_compatibility');
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
          const after = await api.metrics(await api.step(executionId, 'codeQuality'));
          const overridden = after.filter((m) => !m.passed && m.override);
          expect(names(overridden)).toEqual(names(failing.filter((m) => m.severity === 'important')));
          await expect.poll(async () => withResult(await resultsByMetric(dialog), 'Overridden')).toEqual(names(overridden));
          expect(withResult(await resultsByMetric(dialog), 'Failed')).toEqual(names(after.filter((m) => !m.passed && !m.override)));
          await expect(dialog.getByRole('status', { name: 'Code scanning verdict' })).toHaveText('Overridden');
          await expectNoAxeViolations(page, 'Review Summary with overridden metrics');
          await dialog.getByRole('button', { name: 'Close', exact: true }).click();
          await expect(dialog).toHaveCount(0);
        });
        await expect(scan.getByText('Overridden', { exact: true })).toBeVisible();
      },
    );
  });

  test.describe('without custom tests', () => {
    test.use({ outcome: 'noCustomTests' });

    test('no custom tests: Custom UI Testing reads "no tests" and the run goes on to finish', async ({ page, sim, openConsole }) => {
      await openConsole();
      const api = await sim.pipeline('Acme Intranet');
      const executionId = await deployAndBuild(page, 'Acme Intranet');
      const ui = stepItem(page, 'Custom UI Testing');
      await expect(ui.getByText('No tests', { exact: true })).toBeVisible({ timeout: 30_000 });
      await expect(ui.getByText('No tests were run.')).toBeVisible();
      await expect(ui).not.toContainText('Failed');
      expect((await api.step(executionId, 'uiTest')).status).toBe('INCOMPLETE');
      await expect(stepItem(page, 'Experience Audit').getByText('Passed', { exact: true })).toBeVisible({ timeout: 30_000 });
      await decide(page, 'Approve');
      await expect(statusBadge(page, 'Finished')).toBeVisible({ timeout: 30_000 });
      await expect(ui.getByText('No tests', { exact: true })).toBeVisible();
    });
  });

  test.describe('with a failing functional test', () => {
    test.use({ outcome: 'testFailure' });

    test('a failing test step shows the failing tests and their messages as the results artifact has them; Re-execute is not offered', async ({
      page,
      sim,
      openConsole,
    }) => {
      await openConsole();
      const api = await sim.pipeline('Acme Intranet');
      const executionId = await deployAndBuild(page, 'Acme Intranet');
      await expect(statusBadge(page, 'Failed')).toBeVisible({ timeout: 30_000 });
      const results = await api.artifact<TestResults>(await api.step(executionId, 'functionalTest'), 'UI_TEST_RESULTS');
      const failed = results.tests.filter((t) => t.status === 'failed');
      expect(failed.length, 'the outcome fails at least one functional test').toBeGreaterThan(0);

      const functional = stepItem(page, 'Custom Functional Testing');
      await expect(
        functional.getByText(`Tests: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`, { exact: true }),
      ).toBeVisible();
      const list = functional.getByRole('list', { name: 'Failing tests' });
      const items = list.getByRole('listitem');
      await expect(items).toHaveCount(failed.length);
      for (const [i, failing] of failed.entries()) {
        await expect(items.nth(i).getByText(`${failing.className} › ${failing.name}`, { exact: true })).toBeVisible();
        if (failing.message) await expect(items.nth(i).getByText(failing.message, { exact: true })).toBeVisible();
      }
      await expectNoAxeViolations(page, 'failed test step with its failing tests');
      await test.step('the disclosure folds the list away from the keyboard', async () => {
        const toggle = functional.getByRole('button', { name: `Failing tests (${failed.length})` });
        await toggle.focus();
        await page.keyboard.press('Enter');
        await expect(toggle).toHaveAttribute('aria-expanded', 'false');
        await expect(list).toBeHidden();
      });
      // The run stopped at the failing step: Custom UI Testing never ran, so it shows no results.
      const ui = stepItem(page, 'Custom UI Testing');
      await expect(ui).toBeVisible();
      await expect(ui.getByText(/^Tests: /)).toHaveCount(0);
      await expect(ui.getByText('No tests were run.')).toHaveCount(0);
      // a run that failed before its production deployment cannot be re-executed
      await expect(page.getByRole('button', { name: 'Re-execute', exact: true })).toHaveCount(0);
    });
  });
});
