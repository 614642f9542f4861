/**
 * The holds on the real simulator (seed 1, WKND Sites' production pipeline pauses for approval and
 * is scheduled): the disabled Cancel where Cloud Manager shows one, the schedule kept visible,
 * read-only, after Confirm, and the step buttons in Cloud Manager's pill styles.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { approve, scheduleDeployment } from '../../../api/actions';
import { getJson, putLink } from '../../../api/client';
import { findLink, rel } from '../../../api/links';
import type { EnvironmentList, Execution, Program, StepState } from '../../../api/types';
import { paths } from '../../../lib/paths';
import { pipelineNamed, setupSimulatorServer, start } from '../../../test/simulator-server';
import { renderWithProviders } from '../../../test/render';
import ExecutionPage from '../execution-page';

const sim = setupSimulatorServer();

const waiting = (action: string) => (step: StepState) => step.action === action && step.status === 'WAITING';

async function runUntil(action: 'approval' | 'schedule' | 'codeQuality', outcome = 'pass') {
  await sim.control('PUT', 'outcome', { outcome });
  const pipeline = await pipelineNamed('WKND Sites', 'Production Pipeline');
  if (action === 'codeQuality') return { pipeline, ...(await sim.until(await start(pipeline), waiting('codeQuality'))) };
  const approval = await sim.until(await start(pipeline), waiting('approval'));
  if (action === 'approval') return { pipeline, ...approval };
  await putLink(approve(approval.step).link, approve(approval.step).body);
  return { pipeline, ...(await sim.until(approval.execution, waiting('schedule'))) };
}

function show(programId: string, pipelineId: string, execution: Execution) {
  return renderWithProviders(<ExecutionPage />, {
    url: paths.execution.href(programId, pipelineId, execution.id),
    path: paths.execution.path,
  });
}

async function stepItem(title: string): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { level: 3, name: new RegExp(`^${title}`) });
  return heading.closest('li') as HTMLElement;
}

describe('holds', () => {
  it('the approval hold: Reject, Approve and under them a disabled Cancel that says why', async () => {
    const { pipeline, execution } = await runUntil('approval');
    show(pipeline.programId!, pipeline.id!, execution);
    const approval = await stepItem('Application for Approval');
    expect(within(approval).getByRole('button', { name: 'Reject' })).toBeEnabled();
    const cancel = within(approval).getByRole('button', { name: 'Cancel' });
    expect(cancel).toBeDisabled();
    expect(cancel).toHaveAccessibleDescription('Reject stops the execution at this step.');
    // CONSOLE LINKS: the author and publish of the stage environment this pipeline deploys to.
    const stageId = pipeline.phases.find((phase) => phase.type === 'DEPLOY' && phase.environmentType === 'stage')?.environmentId;
    const program = await getJson<Program>(findLink(pipeline, rel.program)!.href);
    const environments = await getJson<EnvironmentList>(findLink(program, rel.environments)!.href);
    const stage = environments._embedded!.environments!.find((environment) => environment.id === stageId)!;
    expect(await within(approval).findByRole('link', { name: 'Link to AEM Author' })).toHaveAttribute(
      'href',
      findLink(stage, rel.author)!.href,
    );
    expect(within(approval).getByRole('link', { name: 'Link to AEM Publish' })).toHaveAttribute('href', findLink(stage, rel.publish)!.href);
    // Production deployment is not yet held behind a schedule: no Cancel under it.
    expect(within(await stepItem('Deploy to Production')).queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
  });

  it('the schedule hold: a disabled Cancel under Deploy to Production; after Confirm (Now) the choice stays, greyed, with "Scheduled"', async () => {
    const { pipeline, execution } = await runUntil('schedule');
    const user = userEvent.setup();
    show(pipeline.programId!, pipeline.id!, execution);
    const deploy = await stepItem('Deploy to Production');
    expect(within(deploy).getByRole('button', { name: 'Cancel' })).toHaveAccessibleDescription(
      'A production deployment cannot be cancelled.',
    );
    expect(within(deploy).getByRole('button', { name: 'Cancel' })).toBeDisabled();

    const schedule = await stepItem('Schedule Production Deployment');
    expect(within(schedule).getByRole('radio', { name: 'Now' })).toBeChecked();
    expect(within(schedule).getByRole('radio', { name: 'Now' })).toBeEnabled();
    await user.click(within(schedule).getByRole('button', { name: 'Confirm' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: /^Confirm/ })).getByRole('button', { name: 'Confirm' }));

    await waitFor(() => expect(within(schedule).getByText('Scheduled', { exact: true })).toBeInTheDocument());
    expect(within(schedule).queryByRole('button', { name: 'Confirm' })).not.toBeInTheDocument();
    expect(within(schedule).getByRole('radiogroup', { name: /^Select a date and time/ })).toBeInTheDocument();
    expect(within(schedule).getByRole('radio', { name: 'Now' })).toBeChecked();
    expect(within(schedule).getByRole('radio', { name: 'Now' })).toBeDisabled();
    expect(within(schedule).getByRole('radio', { name: 'Date and time' })).toBeDisabled();
  });

  it('a deployment scheduled for a date keeps the date visible, greyed, with "Scheduled"', async () => {
    const { pipeline, execution, step } = await runUntil('schedule');
    const state = (await sim.state()) as { now: string };
    const at = new Date(Date.parse(state.now) + 2 * 3600_000);
    at.setSeconds(0, 0);
    await putLink(scheduleDeployment(step, at).link, scheduleDeployment(step, at).body);
    show(pipeline.programId!, pipeline.id!, execution);
    const schedule = await stepItem('Schedule Production Deployment');
    await waitFor(() => expect(within(schedule).getByText('Scheduled', { exact: true })).toBeInTheDocument());
    expect(within(schedule).getByRole('radio', { name: 'Date and time' })).toBeChecked();
    expect(within(schedule).getByRole('radio', { name: 'Date and time' })).toBeDisabled();
    const field = within(schedule).getByRole('textbox', { name: /^Date and time/ });
    expect(field).toBeDisabled();
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(field).toHaveValue(
      `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`,
    );
    expect(within(await stepItem('Deploy to Production')).getByRole('button', { name: 'Cancel' })).toBeDisabled();
  });

  it('step buttons are outlined secondary pills; Download Details is filled when the scan found issues', async () => {
    const { pipeline, execution } = await runUntil('codeQuality', 'importantQualityFailure');
    show(pipeline.programId!, pipeline.id!, execution);
    const scan = await stepItem('Code Scanning');
    const details = await within(scan).findByRole('button', { name: 'Download Details' });
    await waitFor(() => expect(details).toHaveAttribute('data-style', 'fill'));
    expect(details).toHaveAttribute('data-variant', 'secondary');
    for (const name of ['View log', 'Download log', 'Review Summary', 'Reject', 'Override']) {
      const button = within(scan).getByRole('button', { name });
      expect(button, name).toHaveAttribute('data-variant', 'secondary');
      expect(button, name).toHaveAttribute('data-style', 'outline');
    }
  });

  it('a custom functional test run over its 60-minute limit fails the step with Cloud Manager’s message', async () => {
    await sim.control('PUT', 'outcome', { outcome: 'functionalTestTimeout' });
    const pipeline = await pipelineNamed('WKND Sites', 'Production Pipeline');
    const { execution } = await sim.until(await start(pipeline), () => false);
    expect(execution.status).toBe('FAILED');
    show(pipeline.programId!, pipeline.id!, execution);
    const functional = await stepItem('Custom Functional Testing');
    expect(within(functional).getByText('Failed - Timed out')).toBeInTheDocument();
    expect(
      within(functional).getByText('Custom functional testing exceeded the time limit of 60 minutes and was stopped.'),
    ).toBeInTheDocument();
    expect(within(functional).getByText('1 hour')).toBeInTheDocument();
  });
});
