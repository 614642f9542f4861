/** The deploy journey: Deploy → Build → holds → finished, on the built console and its simulator. */
import { decide, deployAndBuild, expect, statusBadge, test } from './fixtures';

test.describe('deploying to production', () => {
  test.use({ outcome: 'pass', speed: 3000 });

  test.describe('with important code quality failures', () => {
    test.use({ outcome: 'importantQualityFailure' });

    test(
      'Deploy → Build → override code quality → approve → schedule Now → finished, live and in Activity',
      { tag: '@links' },
      async ({ page, openConsole }) => {
        await openConsole();
        const executionId = await deployAndBuild(page, 'WKND Sites');
        await test.step('override the important code quality failures', async () => {
          await expect(page.getByRole('button', { name: 'Override', exact: true }).first()).toBeVisible();
          await decide(page, 'Override');
        });
        await test.step('approve', async () => decide(page, 'Approve'));
        await test.step('schedule now', async () => {
          await expect(page.getByRole('radio', { name: 'Now' })).toBeChecked();
          await decide(page, 'Confirm');
        });
        await expect(statusBadge(page, 'Finished')).toBeVisible({ timeout: 30_000 });
        await expect(page.getByText('Overridden').first()).toBeVisible();
        await test.step('the Activity list shows the run first', async () => {
          await page.getByRole('link', { name: 'Activity' }).click();
          const firstRow = page.getByRole('row').nth(1);
          await expect(firstRow).toHaveAttribute('data-key', `101/${executionId}`);
          await expect(firstRow).toContainText('Finished');
          await expect(firstRow).toContainText('Full Stack Pipeline Execution');
          await expect(firstRow).toContainText('Trigger: manual');
        });
      },
    );

    test('rejecting the code quality failures fails the run', async ({ page, openConsole }) => {
      await openConsole();
      await deployAndBuild(page, 'WKND Sites');
      await decide(page, 'Reject');
      await expect(statusBadge(page, 'Failed')).toBeVisible();
    });
  });

  test('rejecting the approval cancels the run', async ({ page, openConsole }) => {
    await openConsole();
    await deployAndBuild(page, 'WKND Sites');
    await decide(page, 'Reject');
    await expect(statusBadge(page, 'Cancelled')).toBeVisible();
    await expect(page.getByText('Cancelled - Rejected')).toBeVisible();
  });

  test.describe('slow enough to cancel while it builds', () => {
    test.use({ speed: 10 });

    test('a running build can be cancelled', { tag: '@links' }, async ({ page, openConsole }) => {
      await openConsole();
      await deployAndBuild(page, 'Acme Intranet');
      await expect(statusBadge(page, 'In progress')).toBeVisible();
      await page.getByRole('button', { name: 'Cancel', exact: true }).first().click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel execution', exact: true }).click();
      await expect(statusBadge(page, 'Cancelled')).toBeVisible();
    });
  });

  test.describe('slow enough to watch the build finish', () => {
    test.use({ speed: 60 });

    test('reloading a deep link to a running execution continues live', async ({ page, openConsole }) => {
      await openConsole();
      await deployAndBuild(page, 'Acme Intranet');
      await page.reload();
      await expect(statusBadge(page, 'In progress')).toBeVisible();
      // the build (6-9 simulated minutes, 6-9 s here) finishes without another reload
      await expect(page.getByText('Succeeded').first()).toBeVisible({ timeout: 30_000 });
    });
  });
});
