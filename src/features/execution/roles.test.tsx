/**
 * Who may decide, and who did, on the execution page against the real simulator (seed 1): the
 * signed-in user (`x-sim-user`) decides which controls are usable; a decided step names its decider.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { currentSettings, useSettingsForRequests as applySettingsForRequests } from '../../api/client';
import type { Execution, StepState } from '../../api/types';
import { paths } from '../../lib/paths';
import { renderWithProviders } from '../../test/render';
import { pipelineNamed, setupSimulatorServer, start } from '../../test/simulator-server';
import ExecutionPage from './execution-page';

const SAM = 'C0FFEE1234567890ABCDEF12@AdobeID';

function signInAs(id: string) {
  applySettingsForRequests({ ...currentSettings(), simUser: id });
}

const renderExecution = (execution: Execution) =>
  renderWithProviders(<ExecutionPage />, {
    url: paths.execution.href(execution.programId!, execution.pipelineId!, execution.id),
    path: paths.execution.path,
  });

const approvalItem = () => screen.getByRole('heading', { level: 3, name: 'Application for Approval' }).closest('li') as HTMLElement;

describe('Roles on the execution page', () => {
  const sim = setupSimulatorServer();
  afterEach(() => signInAs(''));

  async function heldApproval() {
    await sim.control('PUT', 'outcome', { outcome: 'pass' });
    const run = await start(await pipelineNamed('WKND Sites', 'Production Pipeline'));
    const held = await sim.until(run, (step: StepState) => step.action === 'approval' && step.status === 'WAITING');
    return held.execution;
  }

  it('a Developer sees Approve and Reject disabled, with the permission and the roles that have it a keyboard can reach', async () => {
    const execution = await heldApproval();
    signInAs(SAM);
    const user = userEvent.setup();
    renderExecution(execution);
    await screen.findByRole('heading', { level: 3, name: 'Application for Approval' });
    const item = approvalItem();
    expect(await within(item).findByRole('button', { name: 'Approve' })).toBeDisabled();
    expect(within(item).getByRole('button', { name: 'Reject' })).toBeDisabled();
    const why = within(item).getByRole('button', { name: 'Why is Approve not available?' });
    why.focus();
    await user.keyboard('{Enter}');
    const help = await screen.findByRole('dialog');
    expect(help).toHaveTextContent('Permission required');
    expect(help).toHaveTextContent(
      'This needs the Production Deployments Approve/Reject permission. Roles that have it: Business Owner, Program Manager or Deployment Manager. You are signed in as Sam Okafor (Developer).',
    );
  });

  it('a Deployment Manager approves; the step then reads "Approved by Marco Bianchi on …"', async () => {
    const execution = await heldApproval();
    const user = userEvent.setup();
    renderExecution(execution);
    await screen.findByRole('heading', { level: 3, name: 'Application for Approval' });
    const approveButton = await within(approvalItem()).findByRole('button', { name: 'Approve' });
    expect(approveButton).toBeEnabled();
    expect(screen.queryByRole('button', { name: /not available/ })).not.toBeInTheDocument();
    await user.click(approveButton);
    const dialog = await screen.findByRole('alertdialog', { name: 'Approve the deployment to production?' });
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
    expect(await within(approvalItem()).findByText(/^Approved by Marco Bianchi on \w{3} \d+, 2026/)).toBeInTheDocument();
    expect(screen.getByText('Started by').closest('div')?.parentElement).toHaveTextContent('Marco Bianchi');
  });

  it("a refusal the console did not foresee (the user changed in another tab) shows the simulator's words", async () => {
    const execution = await heldApproval();
    const user = userEvent.setup();
    renderExecution(execution);
    await screen.findByRole('heading', { level: 3, name: 'Application for Approval' });
    await user.click(await within(approvalItem()).findByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Approve the deployment to production?' });
    signInAs(SAM);
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
    const refusal = await screen.findByText(
      /Production Deployments Approve\/Reject is required to approve or reject a production deployment/,
    );
    expect(refusal).toHaveTextContent('Sam Okafor (Developer) does not have it');
    expect(refusal).not.toHaveTextContent('Check the API key');
    await waitFor(() => expect(within(approvalItem()).queryByText(/^Approved by/)).not.toBeInTheDocument());
  });
});
