/**
 * Environments, their logs and variables, repositories and Reports (issue 13), as a new user goes
 * through them on the built console: Overview → Environments card → the stage environment →
 * download a day's log and follow today's author error log while a deployment to stage runs; add a
 * secret and a publish-only variable and see them applied; Repositories → Access Repo Info →
 * Generate Password; Reports → Experience Audit for one page over a date range. What the console
 * should show is read from the API through links (test-support/hal.ts). The journeys scan their
 * screens and dialogs with axe on the way (issue #6, e2e/a11y-helpers.ts).
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { embedded, findLink, follow, programByName, type Hal } from '../test-support/hal';
import { choose, expect, test, type SimulatorControls } from './fixtures';
import { stepOf } from './pipeline-api';
import { expectNoAxeViolations } from './a11y-helpers';

async function openProgram(page: Page, name: string) {
  await page.getByRole('link', { name }).first().click();
  await expect(page.getByRole('heading', { name: 'Environments', level: 2 })).toBeVisible();
}

/** Starts the program's production pipeline through its `execution` link (as another tab would); answers the execution. */
async function startProduction(sim: SimulatorControls, programName: string): Promise<Hal> {
  const api = await sim.pipeline(programName);
  return (await sim.call('PUT', findLink(api.pipeline, 'execution')!.href)) as Hal;
}

test.describe('environments', () => {
  test.use({ outcome: 'pass' });

  test(
    'Overview → Environments card → stage: download a day’s log; follow the author error log through a deployment to stage',
    { tag: '@links' },
    async ({ page, sim, openConsole }) => {
      await openConsole();
      await openProgram(page, 'WKND Sites');
      const card = page.getByRole('region', { name: 'Environments' });
      await card.getByRole('link', { name: 'wknd-stage', exact: true }).click();
      await expect(page.getByRole('heading', { name: 'wknd-stage', level: 1 })).toBeVisible();
      const logs = page.getByRole('region', { name: 'Logs' });

      await test.step('Download a day’s log: the saved file is the text, not the gzip', async () => {
        const days = page.getByRole('button', { name: /Day$/ });
        await expect(days).toContainText('(today, UTC)');
        await days.click();
        const yesterday = page.getByRole('option').nth(1);
        const date = (await yesterday.textContent())!.trim();
        await yesterday.click();
        const download = page.waitForEvent('download');
        await logs.getByRole('button', { name: 'Download', exact: true }).click();
        const file = await download;
        expect(file.suggestedFilename()).toBe(`author-aemerror-${date}.log`);
        const bytes = await readFile(await file.path());
        expect([bytes[0], bytes[1]]).not.toEqual([0x1f, 0x8b]);
        const [day, month, year] = [date.slice(8, 10), date.slice(5, 7), date.slice(0, 4)];
        expect(bytes.toString('utf8')).toMatch(
          new RegExp(`^${day}\\.${month}\\.${year} \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\*(INFO|WARN|ERROR|DEBUG)\\* `),
        );
      });

      await test.step('Follow shows today’s log, and the deployment’s lines arrive while it runs', async () => {
        await logs.getByRole('button', { name: 'Follow' }).click();
        const viewer = page.getByRole('region', { name: /^Author aemerror log, followed/ });
        await expect(viewer).toBeVisible();
        await expect(page.getByRole('status').filter({ hasText: 'Following Author aemerror' })).toBeVisible();
        await expect(page.getByRole('region', { name: 'Variables' })).toBeVisible();
        await expectNoAxeViolations(page, 'an environment following its log');
        // fast to the stage deployment, then slower while it deploys
        await sim.speed(3000);
        const execution = await startProduction(sim, 'WKND Sites');
        const self = findLink(execution, 'self')!.href;
        await expect
          .poll(async () => stepOf(await sim.get(self), 'deploy')?.status, { timeout: 30_000, intervals: [100] })
          .not.toBe('NOT_STARTED');
        await sim.speed(60);
        const find = page.getByRole('searchbox', { name: 'Find in log' });
        await find.fill(`by execution ${String(execution.id)}`);
        await expect(logs.getByText(/^1\/\d+$/)).toBeVisible({ timeout: 30_000 });
        await find.fill('Installing content package');
        await expect(logs.getByText(/^1\/\d+$/)).toBeVisible({ timeout: 30_000 });
        await find.fill('BundleEvent STARTED');
        await expect(logs.getByText(/^1\/\d+$/)).toBeVisible({ timeout: 30_000 });
      });
    },
  );

  test('adds a secret and a publish-only variable and sees them applied; the secret’s value is never shown', async ({
    page,
    sim,
    openConsole,
  }) => {
    await openConsole();
    await openProgram(page, 'WKND Sites');
    const card = page.getByRole('region', { name: 'Environments' });
    await card.getByRole('button', { name: 'Details of wknd-prod' }).click();
    await expect(page.getByRole('dialog', { name: 'wknd-prod' })).toBeVisible();
    await expectNoAxeViolations(page, 'environment details popover');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await card.getByRole('link', { name: 'Show All' }).click();
    const environments = page.getByRole('table', { name: 'Environments' });
    await expect(environments.getByRole('link', { name: 'wknd-dev', exact: true })).toBeVisible();
    await expectNoAxeViolations(page, 'Environments');
    await environments.getByRole('link', { name: 'wknd-dev', exact: true }).click();
    const section = page.getByRole('region', { name: 'Variables' });
    await section.getByRole('button', { name: 'View/Edit variables' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('table', { name: 'Variables' })).toBeVisible();
    const SECRET = 'e2e-secret-value-42';
    for (const [name, service, type, value] of [
      ['PAYMENT_API_KEY', 'All', 'Secret', SECRET],
      ['CDN_ORIGIN', 'Publish', 'Text', 'https://origin.wknd.site'],
    ]) {
      await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
      await choose(page, 'Service', service, dialog);
      await choose(page, 'Type', type, dialog);
      await dialog.getByLabel(type === 'Secret' ? 'Secret value' : 'Value', { exact: true }).fill(value);
      await dialog.getByRole('button', { name: 'Add variable' }).click();
    }
    // scanned once its pickers are done with (the scan resizes the page around the open dialog)
    await expectNoAxeViolations(page, 'environment variables editor');
    await dialog.getByRole('button', { name: 'Review changes (2)' }).click();
    await expect(dialog.getByRole('list', { name: 'Added' })).toContainText('CDN_ORIGIN (Text, Publish) = https://origin.wknd.site');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog).toHaveCount(0);

    const table = section.getByRole('table', { name: 'Environment variables' });
    const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    await expect(row('CDN_ORIGIN')).toContainText('Updating');
    await expect(row('CDN_ORIGIN')).toContainText('Publish');
    await expect(row('PAYMENT_API_KEY')).toContainText('••••••');
    await expect(row('CDN_ORIGIN')).toContainText('Ready', { timeout: 30_000 });
    await expect(row('PAYMENT_API_KEY')).toContainText('Ready');
    await expect(page.getByRole('region', { name: 'Details' })).toContainText('Running');
    await expect(page.locator('body')).not.toContainText(SECRET);
    // the API never returns it either
    const program = await programByName(sim.get, 'WKND Sites');
    const dev = embedded(await follow(sim.get, program, 'environments'), 'environments').find((e) => e.type === 'dev')!;
    const variables = embedded(await follow(sim.get, dev, 'variables'), 'variables');
    expect(variables.find((v) => v.name === 'PAYMENT_API_KEY')).toEqual({ name: 'PAYMENT_API_KEY', type: 'secretString', status: 'ready' });
    expect(variables.find((v) => v.name === 'CDN_ORIGIN')).toMatchObject({ service: 'publish', status: 'ready' });
  });

  test('Repositories → Access Repo Info → Generate Password', { tag: '@links' }, async ({ page, sim, openConsole }) => {
    await openConsole();
    await openProgram(page, 'WKND Sites');
    await page.getByRole('navigation', { name: 'Program' }).getByRole('link', { name: 'Repositories' }).click();
    const table = page.getByRole('table', { name: 'Repositories' });
    await expect(table.getByRole('list', { name: 'Branches of wknd-site' })).toContainText('develop');
    await expectNoAxeViolations(page, 'Repositories');
    await page.getByRole('button', { name: 'Access Repo Info' }).click();
    const dialog = page.getByRole('dialog', { name: 'Repository Info' });
    const program = await programByName(sim.get, 'WKND Sites');
    const [repository] = embedded(await follow(sim.get, program, 'repositories'), 'repositories');
    await expect(dialog.getByRole('textbox', { name: 'Git repository URL' })).toHaveValue(String(repository.repositoryUrl));
    await expect(dialog).toContainText('Simulator extension');
    await dialog.getByRole('button', { name: 'Generate Password', exact: true }).click();
    await expect(dialog.getByRole('textbox', { name: 'Password' })).toHaveValue(/^\S{32}$/);
    await expect(dialog.getByRole('textbox', { name: 'Username' })).toHaveValue(`simulatedorg-${String(program.id)}`);
    await expect(dialog).toContainText('It replaces the previous password');
    await expectNoAxeViolations(page, 'Access Repo Info with a password');
  });

  test('Reports → Experience Audit for one page over a date range', async ({ page, sim, openConsole }) => {
    await openConsole();
    await openProgram(page, 'WKND Sites');
    await page.getByRole('navigation', { name: 'Program' }).getByRole('link', { name: 'Reports' }).click();
    await expect(page.getByRole('heading', { name: 'Experience Audit', level: 2 })).toBeVisible();
    const chart = page.getByRole('group', { name: /oldest first\. Select a run to open it\.$/ });
    await expect(chart.getByRole('link').first()).toBeVisible();
    const allYear = await chart.getByRole('link').count();

    await choose(page, 'View', 'Last 30 days');
    await expect(
      page.getByRole('group', {
        name: /^Median scores \(mobile\) of the audited pages in the \d+ runs of Production Pipeline in the last 30 days/,
      }),
    ).toBeVisible();
    await choose(page, 'Page', '/us/en/magazine.html');
    await expect(
      page.getByRole('group', {
        name: /^Scores \(mobile\) of \/us\/en\/magazine\.html in the \d+ runs of Production Pipeline in the last 30 days/,
      }),
    ).toBeVisible();
    await expect(page.getByText('Per-page scores: simulator extension').first()).toBeVisible();
    const points = await chart.getByRole('link').count();
    expect(points).toBeGreaterThan(0);
    expect(points).toBeLessThan(allYear);

    // the newest point is the newest audited run of the last 30 days, with the page's scores from its artifact
    const api = await sim.pipeline('WKND Sites');
    const newest = (await api.executions()).find((execution) => stepOf(execution, 'contentAudit')?.status === 'FINISHED')!;
    const scores = (
      await api.artifact<{ pages: { path: string; mobile: Record<string, number> }[] }>(
        stepOf(newest, 'contentAudit')!,
        'CONTENT_AUDIT_RESULTS',
      )
    ).pages.find((p) => p.path === '/us/en/magazine.html')!.mobile;
    await expect(chart.getByRole('link').last()).toHaveAccessibleName(
      `Execution ${String(newest.id)}: Performance ${scores.performance}, Accessibility ${scores.accessibility}, Best Practices ${scores['best-practices']}, SEO ${scores.seo}`,
    );
    await expect(page.getByRole('grid', { name: 'Scanned pages' })).toBeVisible();
    await page.getByRole('switch', { name: 'Show as table' }).click();
    await expectNoAxeViolations(page, 'Reports → Experience Audit, one page, as a table');
  });
});
