/**
 * Two tabs on the standalone server act on the same waiting approval: the first decision wins; the
 * second tab is told the step was already decided (the API answers 409) and shows the current state.
 */
import type { Page, Route } from '@playwright/test';
import { expect, statusBadge, test } from './fixtures';
import { JSON_BODY, useStandaloneServer } from './standalone-server';

const REL = 'http://ns.adobe.com/adobecloud/rel/';
const ALREADY_DECIDED = 'Already decided: this step was approved or rejected in another session. Showing its current state.';

type Hal = { id: string; programId?: string; _links: Record<string, { href: string }>; _embedded: Record<string, Hal[]> } & Record<
  string,
  unknown
>;

const server = useStandaloneServer('two-tabs', 30);

/** Starts a passing production run and jumps the clock to its approval hold; returns the console path of the run. */
async function runToApproval(base: string): Promise<string> {
  const get = async (href: string) => (await (await fetch(base + href)).json()) as Hal;
  await fetch(`${base}/_sim/outcome`, { method: 'PUT', headers: JSON_BODY, body: JSON.stringify({ outcome: 'pass' }) });
  const programs = await get('/api/programs');
  const program = await get(programs._embedded.programs[0]._links.self.href);
  const pipelines = await get(program._links[`${REL}pipelines`].href);
  const pipeline = pipelines._embedded.pipelines[0];
  const started = await fetch(base + pipeline._links[`${REL}execution`].href, { method: 'PUT' });
  expect(started.status).toBe(201);
  const execution = (await started.json()) as Hal;
  await fetch(`${base}/_sim/clock`, { method: 'POST', headers: JSON_BODY, body: JSON.stringify({ advanceMs: 3 * 3600_000 }) });
  await fetch(`${base}/_sim/speed`, { method: 'PUT', headers: JSON_BODY, body: JSON.stringify({ speed: 1 }) });
  const held = await get(execution._links.self.href);
  expect(held._embedded.stepStates.find((step) => step.status === 'WAITING')?.action).toBe('approval');
  return `/program/${program.id}/pipeline/${pipeline.id}/execution/${execution.id}`;
}

/** Holds the page's reads of the API (its polls) until released: the tab keeps showing what it last read. */
async function holdReads(page: Page, base: string) {
  const held: Route[] = [];
  const handler = (route: Route) => (route.request().method() === 'GET' ? void held.push(route) : route.fallback());
  await page.route(`${base}/api/**`, handler);
  return async () => {
    await page.unroute(`${base}/api/**`, handler);
    for (const route of held.splice(0)) await route.continue().catch(() => {}); // a cancelled poll is gone already
  };
}

const approvalStep = (page: Page) =>
  page.getByRole('heading', { level: 3, name: /^Application for Approval/ }).locator('xpath=ancestor::li[1]');

async function openApproveDialog(page: Page) {
  await approvalStep(page).getByRole('button', { name: 'Approve', exact: true }).click();
  return page.getByRole('alertdialog', { name: 'Approve the deployment to production?' });
}

test('approving in one tab, then in another: the second tab says it was already decided and shows the current state', async ({
  context,
}) => {
  const path = await runToApproval(server().base);
  const base = server().base;
  // Both tabs use the standalone server, chosen in Settings (stored in localStorage before the console loads).
  await context.addInitScript((standaloneUrl) => {
    localStorage.setItem('cm-console.api-settings', JSON.stringify({ target: 'standalone', standaloneUrl }));
  }, base);
  const tabA = await context.newPage();
  const tabB = await context.newPage();
  for (const tab of [tabA, tabB]) {
    await tab.goto(path);
    await expect(approvalStep(tab).getByText('Waiting for your decision')).toBeVisible();
  }

  const dialogB = await openApproveDialog(tabB);
  const releaseB = await holdReads(tabB, base);

  const dialogA = await openApproveDialog(tabA);
  await dialogA.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(tabA.getByText('The deployment to production was approved.')).toBeVisible();
  await expect(approvalStep(tabA).getByText('Approved', { exact: true })).toBeVisible();

  // Tab B still shows the step waiting (it has not read the API since) and approves too.
  const answer = tabB.waitForResponse((response) => response.request().method() === 'PUT');
  await dialogB.getByRole('button', { name: 'Approve', exact: true }).click();
  expect((await answer).status()).toBe(409);
  await expect(tabB.getByText(ALREADY_DECIDED)).toBeVisible();
  await releaseB();

  // …and refreshes to the current state: approved, no decision buttons left, the run carries on.
  await expect(approvalStep(tabB).getByText('Approved', { exact: true })).toBeVisible();
  await expect(approvalStep(tabB).getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0);
  await expect(approvalStep(tabB).getByRole('button', { name: 'Reject', exact: true })).toHaveCount(0);
  await expect(statusBadge(tabB, 'In progress')).toBeVisible();
  await expect(tabB.getByText('The deployment to production was approved.')).toHaveCount(0);
});
