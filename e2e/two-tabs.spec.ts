/**
 * Two tabs on the standalone server act on the same waiting approval: the first decision wins; the
 * second tab is told the step was already decided (the API answers 409) and shows the current state.
 */
import type { Page, Route } from '@playwright/test';
import { statusBadge, stepItem } from './fixtures';
import { expect, test, type StandaloneServer } from './standalone-server';
import type { StepState } from './pipeline-api';
import { embedded, follow } from '../test-support/hal';

const ALREADY_DECIDED = 'Already decided: this step was approved or rejected in another session. Showing its current state.';

// Runs pass their checks and wait for approval; slow, so the approval waits for the whole test.
test.use({ outcome: 'pass', speed: 1 });

/** Starts a run and jumps the simulator's clock to its approval hold; returns the console path of the run. */
async function runToApproval(server: StandaloneServer): Promise<string> {
  const { execution, path } = await server.startRun();
  await server.call('POST', '/_sim/clock', { advanceMs: 3 * 3600_000 });
  const held = await follow(server.get, execution, 'self');
  expect(embedded<StepState>(held, 'stepStates').find((step) => step.status === 'WAITING')?.action).toBe('approval');
  return path;
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

const approvalStep = (page: Page) => stepItem(page, 'Application for Approval');

async function openApproveDialog(page: Page) {
  await approvalStep(page).getByRole('button', { name: 'Approve', exact: true }).click();
  return page.getByRole('alertdialog', { name: 'Approve the deployment to production?' });
}

test('approving in one tab, then in another: the second tab says it was already decided and shows the current state', async ({
  context,
  standalone,
}) => {
  const path = await runToApproval(standalone);
  const base = standalone.base;
  // Both tabs use the standalone server, chosen in Settings (stored in localStorage before the console loads).
  await standalone.useIn(context);
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
