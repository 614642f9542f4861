/** Pipelines you configure, checked with axe in light and dark: the pipeline dialog's tabs (with problems shown), the variables editor and its review, the filters and Run selected. */
import type { Locator, Page } from '@playwright/test';
import { choose, expect, openSideNavLink, scrollGridSideways, test } from './fixtures';
import { expectNoAxeViolations } from './a11y-helpers';

/** Opens a tab of the pipeline dialog; on a phone Spectrum folds the tabs into a picker named like their list. */
async function openTab(page: Page, dialog: Locator, name: string) {
  const tab = dialog.getByRole('tab', { name });
  if (await tab.isVisible()) await tab.click();
  else await choose(page, 'Pipeline settings', name, dialog);
}

test.describe('accessibility of pipeline configuration (axe)', () => {
  test('Add Production Pipeline: each tab, with problems in place', async ({ page, openConsole }) => {
    await openConsole();
    await page.getByRole('link', { name: 'Summit Launch' }).first().click();
    await page.getByRole('button', { name: 'Setup Pipeline', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Continue', exact: true }).click();
    await expect(dialog.getByText('Enter a pipeline name.')).toBeVisible();
    await expectNoAxeViolations(page, 'pipeline dialog, Configuration');
    await openTab(page, dialog, 'Source Code');
    await expect(dialog.getByRole('combobox', { name: /^Git Branch/ })).toBeEnabled();
    await expectNoAxeViolations(page, 'pipeline dialog, Source Code');
    await openTab(page, dialog, 'Experience Audit');
    await dialog.getByRole('textbox', { name: 'Page path' }).fill('/content/a.html');
    await dialog.getByRole('button', { name: 'Add Page' }).click();
    await dialog.getByRole('textbox', { name: 'Page path' }).fill('no-slash');
    await dialog.getByRole('button', { name: 'Add Page' }).click();
    await expect(dialog.getByText('A page path starts with "/".')).toBeVisible();
    await expectNoAxeViolations(page, 'pipeline dialog, Experience Audit');
  });

  test('variables editor and its review; Pipelines filters and Run selected', async ({ page, openConsole }) => {
    await openConsole();
    await page.getByRole('link', { name: 'WKND Sites' }).first().click();
    await openSideNavLink(page, 'Pipelines');
    // once the rows show their repository and environment (read after the pipelines)
    await expect(page.getByRole('row', { name: /Production Pipeline/ })).toContainText('wknd-prod');
    await scrollGridSideways(page.getByRole('grid', { name: 'Pipelines' }), 'end');
    await page.getByRole('button', { name: 'Actions for Production Pipeline' }).click();
    await page.getByRole('menuitem', { name: 'View/Edit variables' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('CM_RESERVED');
    await dialog.getByRole('button', { name: 'Add variable' }).click();
    await expect(dialog.getByText('Names starting with CM_ are reserved.')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('MY_VAR');
    await dialog.getByRole('textbox', { name: 'Value' }).fill('x');
    await dialog.getByRole('button', { name: 'Add variable' }).click();
    await expect(dialog.getByRole('table', { name: 'Variables' })).toBeVisible();
    await expectNoAxeViolations(page, 'variables editor');
    await dialog.getByRole('button', { name: 'Review changes (1)' }).click();
    await expect(dialog.getByRole('list', { name: 'Added' })).toBeVisible();
    await expectNoAxeViolations(page, 'variables review');
    await dialog.getByRole('button', { name: 'Back' }).click();
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog).toHaveCount(0);

    await page.getByRole('button', { name: 'Filters' }).click();
    await expect(page.getByRole('group', { name: 'Filters' })).toBeVisible();
    await scrollGridSideways(page.getByRole('grid', { name: 'Pipelines' }), 'start');
    await page.getByRole('row').nth(1).getByRole('checkbox').check();
    await expectNoAxeViolations(page, 'Pipelines with filters and a selection');
    await page.getByRole('button', { name: 'Run selected (1)' }).click();
    await expect(page.getByRole('dialog', { name: 'Run selected pipelines (1)' })).toBeVisible();
    await expectNoAxeViolations(page, 'Run selected dialog');
  });
});
