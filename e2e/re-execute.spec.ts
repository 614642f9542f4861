/**
 * Re-execute is offered exactly when the API offers it, and opens the new three-step run. (That it
 * is not offered after a run failed before the production deployment is checked in the failing
 * functional test's journey, results-quality-tests.spec.ts.)
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { decide, deployAndBuild, expect, statusBadge, test } from './fixtures';

const reExecute = (page: Page) => page.getByRole('button', { name: 'Re-execute', exact: true });
/** The titles of the execution's steps (their headings). */
const stepTitles = (page: Page) => page.getByRole('heading', { level: 3 });

test.describe('re-execute and the build log', () => {
  test.use({ outcome: 'pass', speed: 3000 });

  test(
    'offered after success; Download build log saves the build log; using it opens a three-step re-execution',
    { tag: '@links' },
    async ({ page, sim, openConsole }) => {
      await openConsole();
      const executionId = await deployAndBuild(page, 'Acme Intranet');
      await decide(page, 'Approve');
      await expect(statusBadge(page, 'Finished')).toBeVisible({ timeout: 30_000 });
      await expect(reExecute(page)).toBeVisible();

      await test.step('Download build log saves the build step log', async () => {
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Download build log' }).click();
        const text = await readFile(await (await download).path(), 'utf8');
        expect(text).toBe(await sim.buildLogText('Acme Intranet', executionId));
        expect(text).toContain('BUILD SUCCESS');
      });

      await test.step('Re-execute opens a three-step re-execution that reuses the build', async () => {
        await decide(page, 'Re-execute');
        await expect(page).not.toHaveURL(new RegExp(`/execution/${executionId}$`));
        await expect(page.getByText('Re-execution').first()).toBeVisible();
        await expect(stepTitles(page)).toHaveText(['Validation', 'Build & Unit Testing', 'Deploy to Production']);
        await expect(page.getByText('A previously compiled build artifact has been reused for this step.')).toBeVisible({
          timeout: 30_000,
        });
      });
    },
  );

  test('offered after a failed production deployment; not for a push-update run, nor for an older execution', async ({
    page,
    sim,
    openConsole,
  }) => {
    await openConsole();
    await test.step('offered after a failed production deployment', async () => {
      await sim.outcome('prodDeployFailure');
      await deployAndBuild(page, 'Acme Intranet');
      await decide(page, 'Approve');
      await expect(statusBadge(page, 'Failed')).toBeVisible({ timeout: 30_000 });
      await expect(reExecute(page)).toBeVisible();
      await sim.outcome('pass');
    });

    const { executionId } = (await sim.pushUpdate('3', '301')) as { executionId: string };
    await page.goto(`/program/3/pipeline/301/execution/${executionId}`);
    await decide(page, 'Approve');
    await expect(statusBadge(page, 'Finished')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('Push update').first()).toBeVisible();
    await expect(reExecute(page)).toHaveCount(0);

    const pipeline = await sim.pipeline('WKND Sites', 'Production Pipeline');
    const [latest, older] = await pipeline.executions();
    await page.goto(pipeline.route(latest.id));
    await expect(statusBadge(page, 'Finished')).toBeVisible();
    await expect(reExecute(page)).toBeVisible();
    await page.goto(pipeline.route(older.id));
    await expect(stepTitles(page).first()).toBeVisible();
    await expect(reExecute(page)).toHaveCount(0);
  });
});
