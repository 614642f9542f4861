/**
 * Environments, repositories and Reports, checked with axe in light and dark: the Overview's
 * environment details popover, the Environments page, an environment's page following a log, its
 * variables editor, Repositories with Access Repo Info and a generated password, and Reports →
 * Experience Audit for one page.
 */
import { choose, expect, openSideNavLink, test } from './fixtures';
import { expectNoAxeViolations } from './a11y-helpers';

test.describe('accessibility of environments, repositories and reports (axe)', () => {
  test('Overview details popover, Environments, an environment following its log, its variables editor', async ({ page, openConsole }) => {
    await openConsole();
    await page.getByRole('link', { name: 'WKND Sites' }).first().click();
    const card = page.getByRole('region', { name: 'Environments' });
    await card.getByRole('button', { name: 'Details of wknd-prod' }).click();
    await expect(page.getByRole('dialog', { name: 'wknd-prod' })).toBeVisible();
    await expectNoAxeViolations(page, 'environment details popover');
    await page.keyboard.press('Escape');

    await card.getByRole('link', { name: 'Show All' }).click();
    await expect(page.getByRole('table', { name: 'Environments' }).getByRole('link', { name: 'wknd-prod', exact: true })).toBeVisible();
    await expectNoAxeViolations(page, 'Environments');

    await page.getByRole('table', { name: 'Environments' }).getByRole('link', { name: 'wknd-prod', exact: true }).click();
    const logs = page.getByRole('region', { name: 'Logs' });
    await expect(page.getByRole('button', { name: /Day$/ })).toContainText('(today, UTC)');
    await logs.getByRole('button', { name: 'Follow' }).click();
    await expect(page.getByRole('region', { name: /^Author aemerror log, followed/ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Environment variables' })).toBeVisible();
    await expectNoAxeViolations(page, 'an environment following its log');

    await page.getByRole('button', { name: 'View/Edit variables' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('table', { name: 'Variables' })).toBeVisible();
    await expectNoAxeViolations(page, 'environment variables editor');
  });

  test('Repositories with Access Repo Info and a password; Reports → Experience Audit for one page', async ({ page, openConsole }) => {
    await openConsole();
    await page.getByRole('link', { name: 'WKND Sites' }).first().click();
    await openSideNavLink(page, 'Repositories');
    await expect(page.getByRole('list', { name: 'Branches of wknd-site' })).toBeVisible();
    await expectNoAxeViolations(page, 'Repositories');
    await page.getByRole('button', { name: 'Access Repo Info' }).click();
    const dialog = page.getByRole('dialog', { name: 'Repository Info' });
    await dialog.getByRole('button', { name: 'Generate Password', exact: true }).click();
    await expect(dialog.getByRole('textbox', { name: 'Password' })).toBeVisible();
    await expectNoAxeViolations(page, 'Access Repo Info with a password');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await openSideNavLink(page, 'Reports');
    await expect(page.getByRole('grid', { name: 'Scanned pages' })).toBeVisible();
    await choose(page, 'Page', '/us/en/magazine.html');
    await expect(page.getByRole('group', { name: /^Scores \(mobile\) of \/us\/en\/magazine\.html/ })).toBeVisible();
    await page.getByRole('switch', { name: 'Show as table' }).click();
    await expectNoAxeViolations(page, 'Reports → Experience Audit, one page');
  });
});
