/**
 * Users and roles, checked with axe in light and dark: the avatar's account dialog, the bell's
 * panel with a waiting approval, Waiting for me, and an approval a Developer may not give with its
 * explanation open. Also the header's other popovers: the apps grid, help and About this console.
 */
import { deployAndBuild, expect, openHeaderItem, stepItem, switchUser, test } from './fixtures';
import { expectNoAxeViolations } from './a11y-helpers';

test.describe('accessibility of users and roles (axe)', () => {
  test.use({ outcome: 'pass', speed: 3000 });

  test('header: the apps grid, help and About this console', async ({ page, openConsole }) => {
    await openConsole('/program/1');
    await openHeaderItem(page, 'Adobe Experience Cloud apps');
    const apps = page.getByRole('dialog', { name: 'Adobe Experience Cloud' });
    await expect(apps.getByRole('link', { name: 'Admin Console (opens in a new tab)' })).toBeVisible();
    await expectNoAxeViolations(page, 'apps grid');
    await page.keyboard.press('Escape');
    await expect(apps).toHaveCount(0);

    await openHeaderItem(page, 'Help');
    const help = page.getByRole('dialog', { name: 'Help' });
    await expect(help.getByRole('link', { name: 'Cloud Manager documentation (opens in a new tab)' })).toBeVisible();
    await expectNoAxeViolations(page, 'help');
    await help.getByRole('button', { name: 'About this console' }).click();
    const about = page.getByRole('dialog', { name: 'About this console' });
    await expect(about).toContainText('not made, endorsed or supported by Adobe');
    await expectNoAxeViolations(page, 'About this console');
  });

  test('account dialog, bell panel, Waiting for me, a disabled Approve with its reason', async ({ page, openConsole }) => {
    await openConsole();
    await deployAndBuild(page, 'WKND Sites');
    const approval = stepItem(page, 'Application for Approval');
    await expect(approval.getByRole('button', { name: 'Approve', exact: true })).toBeEnabled({ timeout: 30_000 });

    await openHeaderItem(page, /^Notifications, \d+ unread$/);
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    await expect(panel.getByRole('link', { name: /Application for Approval waiting for you/ })).toBeVisible();
    await expectNoAxeViolations(page, 'notifications panel');
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);

    await openHeaderItem(page, 'Signed in as Marco Bianchi');
    const account = page.getByRole('dialog', { name: 'Marco Bianchi' });
    await expect(account.getByText('Roles: Deployment Manager')).toBeVisible();
    await expectNoAxeViolations(page, 'account dialog');
    await account.getByRole('link', { name: 'Waiting for me' }).click();
    await expect(page.getByRole('grid', { name: 'Steps waiting for my decision' }).getByRole('link')).toHaveCount(1);
    await expectNoAxeViolations(page, 'Waiting for me');

    // retried until the execution shows: a click on the list while it re-renders could be lost
    await expect(async () => {
      await page.getByRole('grid', { name: 'Steps waiting for my decision' }).getByRole('link').click({ timeout: 2000 });
      await expect(page).toHaveURL(/\/execution\/\d+$/, { timeout: 2000 });
    }).toPass({ timeout: 20_000 });
    await switchUser(page, 'Sam Okafor');
    await expect(approval.getByRole('button', { name: 'Approve', exact: true })).toBeDisabled();
    await approval.getByRole('button', { name: 'Why is Approve not available?' }).click();
    await expect(page.getByRole('dialog').filter({ hasText: 'Permission required' })).toBeVisible();
    await expectNoAxeViolations(page, 'a disabled Approve with its reason');
  });
});
