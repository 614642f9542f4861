/** Re-execute is offered exactly when the API offers it, and opens the new three-step run. */
import { readFile } from 'node:fs/promises';
import { decide, deployAndBuild, expect, statusBadge, test } from './fixtures';

const reExecute = (page: import('@playwright/test').Page) => page.getByRole('button', { name: 'Re-execute', exact: true });

test.describe('re-execute and the build log', () => {
  test('offered after success; Download build log saves the build log; using it opens a three-step re-execution', async ({
    page,
    sim,
    openConsole,
  }) => {
    await openConsole();
    await sim.outcome('pass');
    await sim.speed(3000);
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

    await decide(page, 'Re-execute');
    await expect(page).not.toHaveURL(new RegExp(`/execution/${executionId}$`));
    await expect(page.getByText('Re-execution').first()).toBeVisible();
    const steps = page.locator('.step-title');
    await expect(steps).toHaveText(['Validation', 'Build & Unit Testing', 'Deploy to Production']);
    await expect(page.getByText('A previously compiled build artifact has been reused for this step.')).toBeVisible({ timeout: 30_000 });
  });

  test('offered after a failed production deployment', async ({ page, sim, openConsole }) => {
    await openConsole();
    await sim.outcome('prodDeployFailure');
    await sim.speed(3000);
    await deployAndBuild(page, 'Acme Intranet');
    await decide(page, 'Approve');
    await expect(statusBadge(page, 'Failed')).toBeVisible({ timeout: 30_000 });
    await expect(reExecute(page)).toBeVisible();
  });

  test('not offered when the run failed before production deployment', async ({ page, sim, openConsole }) => {
    await openConsole();
    await sim.outcome('testFailure');
    await sim.speed(3000);
    await deployAndBuild(page, 'Acme Intranet');
    await expect(statusBadge(page, 'Failed')).toBeVisible({ timeout: 30_000 });
    await expect(reExecute(page)).toHaveCount(0);
  });

  test('not offered for a push-update run, nor for an older execution', async ({ page, sim, openConsole }) => {
    await openConsole();
    await sim.outcome('pass');
    await sim.speed(3000);
    const { executionId } = (await sim.pushUpdate('3', '301')) as { executionId: string };
    await page.goto(`/program/3/pipeline/301/execution/${executionId}`);
    await decide(page, 'Approve');
    await expect(statusBadge(page, 'Finished')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('Push update').first()).toBeVisible();
    await expect(reExecute(page)).toHaveCount(0);

    const [latest, older] = await sim.executionIds('WKND Sites', 'Production Pipeline');
    await page.goto(`/program/1/pipeline/101/execution/${latest}`);
    await expect(statusBadge(page, 'Finished')).toBeVisible();
    await expect(reExecute(page)).toBeVisible();
    await page.goto(`/program/1/pipeline/101/execution/${older}`);
    await expect(page.locator('.step-title').first()).toBeVisible();
    await expect(reExecute(page)).toHaveCount(0);
  });
});
