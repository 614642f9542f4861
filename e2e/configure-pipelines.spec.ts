/**
 * Pipelines you configure, as a new user would: set up a production pipeline for a program that has
 * none, deploy it, edit it; add and delete a non-production pipeline; set a secret variable that
 * the console never shows and the build log masks. Bad input is answered in place. Every expected
 * value is read from the API through links (e2e/pipeline-api.ts). The journeys scan the pipeline
 * dialog's tabs (with problems shown), the variables editor and its review, and the Pipelines page
 * with its filters and Run selected with axe on the way (issue #6, e2e/a11y-helpers.ts).
 */
import type { Locator, Page } from '@playwright/test';
import { embedded, follow } from '../test-support/hal';
import { expect, pressUntilShown, stepItem, test, type SimulatorControls } from './fixtures';
import { stepOf } from './pipeline-api';
import { expectNoAxeViolations } from './a11y-helpers';

const PAGES = ['/content/summit/en.html', '/content/summit/fr.html'];
const SECRET = 'S3cr3t-never-shown-42';

const dialogNamed = (page: Page, name: string) =>
  page.getByRole('dialog').filter({ has: page.getByRole('heading', { name, exact: true }) });

/** Types `branch` into the Git Branch type-ahead and picks it from the suggestions. */
async function chooseBranch(page: Page, dialog: Locator, branch: string) {
  const combo = dialog.getByRole('combobox', { name: /^Git Branch/ });
  await expect(combo).toBeEnabled();
  await combo.fill(branch);
  // (while the suggestions are open, the rest of the page is hidden from assistive technology)
  await expect(page.getByRole('listbox').getByRole('option', { name: branch, exact: true })).toBeVisible();
  // picked from the keyboard, as the suggestions list only the branches that match what was typed:
  // a click can land while the popover is still moving into place
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(combo).toHaveValue(branch);
}

async function openProgram(page: Page, name: string) {
  await page.getByRole('link', { name }).first().click();
  await expect(page.getByRole('heading', { name: `${name} — Program Overview` })).toBeAttached();
}

async function openPipelinesPage(page: Page) {
  await page.getByRole('navigation', { name: 'Program' }).getByRole('link', { name: 'Pipelines' }).click();
  await expect(page.getByRole('heading', { name: 'Pipelines', level: 1 })).toBeVisible();
  // once the rows show their environment (read after the pipelines): the production pipeline's comes first
  await expect(page.getByRole('row').nth(1)).toContainText(/-prod/);
}

const rowMenu = (page: Page, pipeline: string) => page.getByRole('button', { name: `Actions for ${pipeline}` });

async function pipelineApi(sim: SimulatorControls, program: string, pipeline: string) {
  return sim.pipeline(program, pipeline);
}

test.describe('pipelines you configure', () => {
  test.use({ outcome: 'auditSteady', speed: 3000 });

  test(
    'Summit Launch: Setup Pipeline with approval, no schedule and two audit pages → Deploy → Build; then edit its branch',
    { tag: '@links' },
    async ({ page, sim, openConsole }) => {
      test.setTimeout(120_000);
      await openConsole();
      await openProgram(page, 'Summit Launch');
      await expect(page.getByRole('heading', { name: 'From code to production' })).toBeVisible();
      await page.getByRole('button', { name: 'Setup Pipeline', exact: true }).click();
      const dialog = dialogNamed(page, 'Add Production Pipeline');

      await test.step('Configuration: an empty name is refused in place', async () => {
        // (pressed again if the press went nowhere: seen once in CI, the dialog just opened)
        await pressUntilShown(dialog.getByRole('button', { name: 'Continue', exact: true }), dialog.getByText('Enter a pipeline name.'));
        await expectNoAxeViolations(page, 'pipeline dialog, Configuration');
        await dialog.getByRole('textbox', { name: /^Pipeline Name/ }).fill('Summit Production');
        await expect(dialog.getByText('Enter a pipeline name.')).toHaveCount(0);
        await dialog.getByRole('button', { name: 'Continue', exact: true }).click();
      });

      await test.step('Source Code: the repository, branch main, Pause before deploying to Production', async () => {
        await expect(dialog.getByRole('tab', { name: 'Source Code', selected: true })).toBeVisible();
        await chooseBranch(page, dialog, 'main');
        await dialog.getByRole('checkbox', { name: 'Pause before deploying to Production' }).check();
        await expect(dialog.getByRole('checkbox', { name: 'Scheduled' })).not.toBeChecked();
        await expectNoAxeViolations(page, 'pipeline dialog, Source Code');
        await dialog.getByRole('button', { name: 'Continue', exact: true }).click();
      });

      await test.step('Experience Audit: a path without "/" is refused; two pages added', async () => {
        const path = dialog.getByRole('textbox', { name: 'Page path' });
        await path.fill('content/summit/en.html');
        await dialog.getByRole('button', { name: 'Add Page' }).click();
        await expect(dialog.getByText('A page path starts with "/".')).toBeVisible();
        await expectNoAxeViolations(page, 'pipeline dialog, Experience Audit');
        for (const p of PAGES) {
          await path.fill(p);
          await dialog.getByRole('button', { name: 'Add Page' }).click();
        }
        const rows = dialog.getByRole('list', { name: 'Pages to audit' }).getByRole('listitem');
        await expect(rows).toHaveCount(2);
        await expect(rows.first()).toContainText(/^https:\/\/publish-.+\/content\/summit\/en\.html$/);
        await dialog.getByRole('button', { name: 'Save', exact: true }).click();
        await expect(dialog).toHaveCount(0);
        await expect(page.getByText('Pipeline "Summit Production" added.')).toBeVisible();
      });

      const api = await pipelineApi(sim, 'Summit Launch', 'Summit Production');
      let executionId = '';
      await test.step('Deploy → Build: the run has the approval step and no schedule step', async () => {
        await expect(page.getByRole('heading', { name: 'Deploy your Program' })).toBeVisible();
        await page.getByRole('button', { name: 'Deploy', exact: true }).click();
        await page.getByRole('button', { name: 'Build', exact: true }).click();
        await expect(page).toHaveURL(/\/execution\/\d+$/);
        executionId = /\/execution\/(\d+)$/.exec(page.url())![1];
        await expect(page.getByRole('button', { name: 'Approve', exact: true })).toBeVisible({ timeout: 30_000 });
        await expect(stepItem(page, 'Application for Approval')).toBeVisible();
        await expect(stepItem(page, 'Schedule Production Deployment')).toHaveCount(0);
        const execution = await api.execution(executionId);
        expect(stepOf(execution, 'approval')).toBeDefined();
        expect(stepOf(execution, 'schedule')).toBeUndefined();
      });

      await test.step('the Experience Audit reports the two configured pages', async () => {
        const audit = stepItem(page, 'Experience Audit');
        const report = page.getByRole('dialog', { name: 'Experience audit report' });
        await pressUntilShown(audit.getByRole('button', { name: 'View full report' }), report.getByRole('grid'));
        const audited = await report.getByRole('grid').getByRole('rowheader').allTextContents();
        // a page the audit could not reach is listed with its reason
        const failed = (await report.getByRole('listitem').allTextContents()).flatMap((text) => PAGES.filter((p) => text.startsWith(p)));
        expect([...audited.map((text) => PAGES.find((p) => text.startsWith(p)) ?? text), ...failed].sort()).toEqual([...PAGES].sort());
        await page.keyboard.press('Escape');
        await expect(report).toHaveCount(0);
      });

      await test.step('while it runs, Edit and Delete are disabled and say why', async () => {
        await openPipelinesPage(page);
        await rowMenu(page, 'Summit Production').click();
        for (const name of ['Edit', 'Delete']) {
          const item = page.getByRole('menuitem', { name, exact: true });
          await expect(item).toBeDisabled();
          await expect(item).toHaveAccessibleDescription('Not available while the pipeline runs');
        }
        await page.getByRole('menuitem', { name: 'Cancel', exact: true }).click();
        await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel execution', exact: true }).click();
        await expect.poll(async () => (await api.execution(executionId)).status, { timeout: 15_000 }).toBe('CANCELLED');
      });

      await test.step('Edit the branch to develop: the next run builds it', async () => {
        await expect(page.getByRole('row', { name: /Summit Production/ })).toContainText('Not running');
        await rowMenu(page, 'Summit Production').click();
        await page.getByRole('menuitem', { name: 'Edit', exact: true }).click();
        const edit = dialogNamed(page, 'Edit Production Pipeline');
        await expect(edit.getByRole('textbox', { name: /^Pipeline Name/ })).toHaveValue('Summit Production');
        await edit.getByRole('tab', { name: 'Source Code' }).click();
        await expect(edit.getByRole('combobox', { name: /^Git Branch/ })).toHaveValue('main');
        await expect(edit.getByRole('checkbox', { name: 'Pause before deploying to Production' })).toBeChecked();
        await chooseBranch(page, edit, 'develop');
        await edit.getByRole('button', { name: 'Update', exact: true }).click();
        await expect(edit).toHaveCount(0);
        await expect(page.getByText('Pipeline "Summit Production" updated.')).toBeVisible();
        await expect(page.getByRole('row', { name: /Summit Production/ })).toContainText('develop');

        await rowMenu(page, 'Summit Production').click();
        await page.getByRole('menuitem', { name: 'Run', exact: true }).click();
        await expect(page).toHaveURL(/\/execution\/\d+$/);
        const next = /\/execution\/(\d+)$/.exec(page.url())![1];
        expect(next).not.toBe(executionId);
        await expect(stepItem(page, 'Build & Unit Testing')).toContainText(/Branch\s*develop/);
        expect((await api.step(next, 'build')).branch).toBe('develop');
        // the run made before the edit keeps what it ran with
        expect((await api.step(executionId, 'build')).branch).toBe('main');
      });
    },
  );

  test('add a non-production pipeline from + Add, then delete it', async ({ page, sim, openConsole }) => {
    await openConsole();
    await openProgram(page, 'WKND Sites');
    const card = page.getByRole('region', { name: 'Pipelines' });
    await card.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('menuitem', { name: 'Add Production Pipeline' })).toBeDisabled();
    await page.getByRole('menuitem', { name: 'Add Non-Production Pipeline' }).click();
    const dialog = dialogNamed(page, 'Add Non-Production Pipeline');
    const name = dialog.getByRole('textbox', { name: /^Pipeline Name/ });
    await name.fill('Code Quality');
    await expect(dialog.getByText('The program already has a pipeline named "Code Quality".')).toBeVisible();
    await name.fill('Nightly Quality');
    await dialog.getByRole('radio', { name: 'Code Quality Pipeline' }).check();
    await dialog.getByRole('button', { name: 'Continue', exact: true }).click();
    await chooseBranch(page, dialog, 'develop');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('Pipeline "Nightly Quality" added.')).toBeVisible();

    await openPipelinesPage(page);
    const row = page.getByRole('row', { name: /Nightly Quality/ });
    await expect(row).toContainText('Non-Production · Code Quality');
    await expect(row).toContainText('develop');
    const added = await pipelineApi(sim, 'WKND Sites', 'Nightly Quality');
    expect((added.pipeline.phases as { type: string }[]).some((phase) => phase.type === 'DEPLOY')).toBe(false);

    await rowMenu(page, 'Nightly Quality').click();
    await page.getByRole('menuitem', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete pipeline' });
    await expect(confirm).toContainText('"Nightly Quality"');
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page.getByText('Pipeline "Nightly Quality" deleted.')).toBeVisible();
    await expect(row).toHaveCount(0);
    const names = embedded(await follow(sim.get, added.program, 'pipelines'), 'pipelines').map((p) => p.name);
    expect(names).not.toContain('Nightly Quality');

    await test.step('the Pipelines page with its filters and a selection, and Run selected, scanned with axe', async () => {
      await page.getByRole('button', { name: 'Filters' }).click();
      await expect(page.getByRole('group', { name: 'Filters' })).toBeVisible();
      await page.getByRole('row').nth(1).getByRole('checkbox').check();
      await expectNoAxeViolations(page, 'Pipelines with filters and a selection');
      await page.getByRole('button', { name: 'Run selected (1)' }).click();
      await expect(page.getByRole('dialog', { name: 'Run selected pipelines (1)' })).toBeVisible();
      await expectNoAxeViolations(page, 'Run selected dialog');
    });
  });

  test('a secret variable is never shown, the API never returns it, and the build log masks it', async ({ page, sim, openConsole }) => {
    await openConsole();
    await openProgram(page, 'Acme Intranet');
    await openPipelinesPage(page);
    await rowMenu(page, 'Production Pipeline').click();
    await page.getByRole('menuitem', { name: 'View/Edit variables' }).click();
    const dialog = dialogNamed(page, 'Variables of Production Pipeline');
    const addName = dialog.getByRole('textbox', { name: 'Name' });

    await test.step('an invalid name is refused in place', async () => {
      await addName.fill('1-BAD');
      await dialog.getByRole('button', { name: 'Add variable' }).click();
      await expect(dialog.getByText('A name has only letters, digits and "_", and does not start with a digit.')).toBeVisible();
    });

    await test.step('add a secret (in a password field) and a text variable, review, save', async () => {
      await addName.fill('DEPLOY_TOKEN');
      await dialog.getByRole('button', { name: /Type$/ }).click();
      await page.getByRole('option', { name: 'Secret' }).click();
      const secret = dialog.getByLabel('Secret value');
      await expect(secret).toHaveAttribute('type', 'password');
      await secret.fill(SECRET);
      await dialog.getByRole('button', { name: 'Add variable' }).click();
      await addName.fill('FEATURE_FLAG');
      await dialog.getByRole('button', { name: /Type$/ }).click();
      await page.getByRole('option', { name: 'Text' }).click();
      await dialog.getByRole('textbox', { name: 'Value' }).fill('on');
      await dialog.getByRole('button', { name: 'Add variable' }).click();
      await expect(dialog.getByRole('table', { name: 'Variables' })).toBeVisible();
      await expectNoAxeViolations(page, 'variables editor');
      await dialog.getByRole('button', { name: 'Review changes (2)' }).click();
      await expect(dialog.getByRole('list', { name: 'Added' })).toContainText('DEPLOY_TOKEN (Secret) = ••••••');
      await expect(dialog.getByRole('list', { name: 'Added' })).toContainText('FEATURE_FLAG (Text) = on');
      await expectNoAxeViolations(page, 'variables review');
      await dialog.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(dialog).toHaveCount(0);
    });

    await test.step('after saving: the console never shows the value, the API has none', async () => {
      await rowMenu(page, 'Production Pipeline').click();
      await page.getByRole('menuitem', { name: 'View/Edit variables' }).click();
      const reopened = dialogNamed(page, 'Variables of Production Pipeline');
      const token = reopened.getByRole('row', { name: /^DEPLOY_TOKEN/ });
      await expect(token).toContainText('Secret');
      await expect(token).toContainText('••••••');
      expect(await page.locator('body').innerText()).not.toContain(SECRET);
      const values = await page.getByRole('textbox').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
      expect(values.join('\n')).not.toContain(SECRET);
      await reopened.getByRole('button', { name: 'Close' }).click();
      const api = await pipelineApi(sim, 'Acme Intranet', 'Production Pipeline');
      const variables = embedded(await follow(sim.get, api.pipeline, 'variables'), 'variables');
      expect(variables).toEqual(
        expect.arrayContaining([
          { name: 'DEPLOY_TOKEN', type: 'secretString', status: 'ready' },
          { name: 'FEATURE_FLAG', type: 'string', value: 'on', status: 'ready' },
        ]),
      );
    });

    await test.step('the next build log lists the variables with the secret masked', async () => {
      await rowMenu(page, 'Production Pipeline').click();
      await page.getByRole('menuitem', { name: 'Run', exact: true }).click();
      await expect(page).toHaveURL(/\/execution\/\d+$/);
      const executionId = /\/execution\/(\d+)$/.exec(page.url())![1];
      const api = await pipelineApi(sim, 'Acme Intranet', 'Production Pipeline');
      await expect.poll(async () => (await api.step(executionId, 'build')).status, { timeout: 30_000 }).toBe('FINISHED');
      const log = await sim.buildLogText('Acme Intranet', executionId);
      expect(log).toContain('DEPLOY_TOKEN=********');
      expect(log).toContain('FEATURE_FLAG=on');
      expect(log).not.toContain(SECRET);
      expect(await page.locator('body').innerText()).not.toContain(SECRET);
    });
  });
});
