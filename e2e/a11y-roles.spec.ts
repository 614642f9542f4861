/**
 * Users and roles, checked with axe in light and dark: the avatar's account dialog, the bell's
 * panel with a waiting approval, Waiting for me, and an approval a Developer may not give with its
 * explanation open.
 */
import { deployAndBuild, expect, stepItem, test } from './fixtures';
import { expectNoAxeViolations, THEMES } from './a11y-helpers';

for (const theme of THEMES) {
  test.describe(`accessibility of users and roles (axe), ${theme} theme`, () => {
    test.use({ theme, outcome: 'pass', speed: 3000 });

    test('account dialog, bell panel, Waiting for me, a disabled Approve with its reason', async ({ page, openConsole }) => {
      await openConsole();
      await deployAndBuild(page, 'WKND Sites');
      const approval = stepItem(page, 'Application for Approval');
      await expect(approval.getByRole('button', { name: 'Approve', exact: true })).toBeEnabled({ timeout: 30_000 });

      await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
      const panel = page.getByRole('dialog', { name: 'Notifications' });
      await expect(panel.getByRole('link', { name: /Application for Approval waiting for you/ })).toBeVisible();
      await expectNoAxeViolations(page, 'notifications panel');
      await page.keyboard.press('Escape');
      await expect(panel).toHaveCount(0);

      await page.getByRole('button', { name: 'Signed in as Marco Bianchi' }).click();
      const account = page.getByRole('dialog', { name: 'Marco Bianchi' });
      await expect(account.getByText('Roles: Deployment Manager')).toBeVisible();
      await expectNoAxeViolations(page, 'account dialog');
      await account.getByRole('link', { name: 'Waiting for me' }).click();
      await expect(page.getByRole('grid', { name: 'Steps waiting for my decision' }).getByRole('link')).toHaveCount(1);
      await expectNoAxeViolations(page, 'Waiting for me');

      await page.getByRole('grid', { name: 'Steps waiting for my decision' }).getByRole('link').click();
      await page.getByRole('button', { name: 'Signed in as Marco Bianchi' }).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /Switch user…/ })
        .click();
      await page.getByRole('option', { name: 'Sam Okafor' }).click();
      await expect(approval.getByRole('button', { name: 'Approve', exact: true })).toBeDisabled();
      await approval.getByRole('button', { name: 'Why is Approve not available?' }).click();
      await expect(page.getByRole('dialog').filter({ hasText: 'Permission required' })).toBeVisible();
      await expectNoAxeViolations(page, 'a disabled Approve with its reason');
    });
  });
}
