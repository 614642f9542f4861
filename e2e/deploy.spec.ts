/**
 * The deploy journey: Deploy → Build → holds → finished, on the built console and its simulator.
 * The full journey is also the execution page's accessibility journey (issue #6): axe scans each
 * of its states and dialogs, in light and dark and at a phone's size (e2e/a11y-helpers.ts).
 */
import { decide, deployAndBuild, expect, statusBadge, test } from './fixtures';
import { expectNoAxeViolations } from './a11y-helpers';

test.describe('deploying to production', () => {
  test.use({ outcome: 'pass', speed: 3000 });

  test.describe('with important code quality failures', () => {
    test.use({ outcome: 'importantQualityFailure' });

    test(
      'Deploy → Build → override code quality → approve → schedule Now → finished, live and in Activity; axe finds nothing at any state or dialog',
      { tag: '@links' },
      async ({ page, sim, openConsole }) => {
        // Issue #6: the execution page is scanned with axe (a11y-helpers) in every state and dialog of this journey.
        test.setTimeout(120_000);
        await openConsole();
        await test.step('not started', async () => {
          await page.getByRole('link', { name: 'WKND Sites' }).first().click();
          await page.getByRole('button', { name: 'Deploy', exact: true }).click();
          await expect(page.getByRole('button', { name: 'Build', exact: true })).toBeVisible();
          await expectNoAxeViolations(page, 'execution page, not started');
        });

        const executionId = await test.step('running (slowly, to be scanned while it runs)', async () => {
          await sim.speed(1);
          await page.getByRole('button', { name: 'Build', exact: true }).click();
          await expect(page).toHaveURL(/\/execution\/\d+$/);
          await expect(statusBadge(page, 'In progress')).toBeVisible();
          await expectNoAxeViolations(page, 'execution running');
          await sim.speed(3000);
          return /\/execution\/(\d+)$/.exec(page.url())![1];
        });

        await test.step('override the important code quality failures, after their Review Summary', async () => {
          // Override is enabled once the failing metrics are read (a disabled control is exempt from contrast rules, not from axe)
          await expect(page.getByRole('button', { name: 'Override', exact: true }).first()).toBeEnabled({ timeout: 30_000 });
          await expectNoAxeViolations(page, 'code quality hold');
          await page.getByRole('button', { name: 'Review Summary' }).first().click();
          await expect(page.getByRole('dialog').getByRole('grid', { name: 'Information' })).toBeVisible();
          await expectNoAxeViolations(page, 'Review Summary dialog');
          await page.keyboard.press('Escape');
          await expect(page.getByRole('dialog')).toHaveCount(0);
          await decide(page, 'Override');
        });

        await test.step('approve', async () => {
          await expect(page.getByRole('button', { name: 'Approve', exact: true }).first()).toBeVisible({ timeout: 30_000 });
          await expectNoAxeViolations(page, 'approval hold');
          await page.getByRole('button', { name: 'Approve', exact: true }).first().click();
          // toasts are alert dialogs too: the confirmation is the one with the Approve button
          const confirm = page.getByRole('alertdialog').filter({ has: page.getByRole('button', { name: 'Approve', exact: true }) });
          await expect(confirm).toBeVisible();
          await expectNoAxeViolations(page, 'approval confirm dialog');
          await confirm.getByRole('button', { name: 'Approve', exact: true }).click();
          await expect(confirm).toHaveCount(0);
        });

        await test.step('schedule now', async () => {
          await expect(page.getByRole('radio', { name: 'Now' })).toBeChecked({ timeout: 30_000 });
          await expectNoAxeViolations(page, 'schedule hold');
          await decide(page, 'Confirm');
        });

        await test.step('finished, with the log viewer', async () => {
          await expect(statusBadge(page, 'Finished')).toBeVisible({ timeout: 60_000 });
          await expect(page.getByText('Overridden').first()).toBeVisible();
          await expectNoAxeViolations(page, 'finished execution');
          await page.getByRole('button', { name: 'View log' }).first().click();
          await expect(page.getByRole('dialog')).toBeVisible();
          await expectNoAxeViolations(page, 'log viewer dialog');
          await page.keyboard.press('Escape');
          await expect(page.getByRole('dialog')).toHaveCount(0);
        });

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

    test('rejecting the code quality failures fails the run; rejecting the approval of the next run cancels it', async ({
      page,
      sim,
      openConsole,
    }) => {
      await openConsole();
      await deployAndBuild(page, 'WKND Sites');
      await decide(page, 'Reject');
      await expect(statusBadge(page, 'Failed')).toBeVisible();

      await sim.outcome('pass');
      // a fresh load: clicked on cached data, Deploy could still open the run that just failed
      await page.goto('/');
      await deployAndBuild(page, 'WKND Sites');
      await decide(page, 'Reject');
      await expect(statusBadge(page, 'Cancelled')).toBeVisible();
      await expect(page.getByText('Cancelled - Rejected')).toBeVisible();
    });
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
