import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { setActionsReadOnly } from '../../api/actions';
import { paths } from '../../lib/paths';
import type { Execution } from '../../api/types';
import {
  BASE,
  EXECUTION_ID,
  HTTPS_REL,
  HTTP_REL,
  execution,
  executionHandlers,
  executionUrl,
  finishedStageSteps,
  step,
  type FixtureOptions,
  type RecordedPut,
} from '../../test/fixtures/execution-fixtures';
import { setupEmptyServer } from '../../test/msw-server';
import { renderWithProviders } from '../../test/render';
import ExecutionPage from './execution-page';

const server = setupEmptyServer();

function show(exec: Execution | (() => Execution), options: FixtureOptions = {}) {
  const puts: RecordedPut[] = [];
  server.use(...executionHandlers(exec, puts, options));
  const result = renderWithProviders(<ExecutionPage />, { url: executionUrl(), path: paths.execution.path });
  return { puts, ...result };
}

function stepItem(title: string): HTMLElement {
  const heading = screen.getByRole('heading', { level: 3, name: new RegExp(`^${title}`) });
  return heading.closest('li') as HTMLElement;
}

describe('Execution details', () => {
  it('shows the production groups, the step titles and the run facts', async () => {
    show(
      execution([
        ...finishedStageSteps(),
        step('approval', 'NOT_STARTED', { environmentType: 'prod' }),
        step('deploy', 'NOT_STARTED', { environmentType: 'prod' }),
      ]),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Deploy to Production' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Phases' });
    expect(within(nav).getByRole('button', { name: /Stage Deployment\s*Done/ })).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: /Stage testing\s*Done/ })).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: /Production Deployment\s*Pending/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Build & Unit Testing' })).toBeInTheDocument();
    expect(within(stepItem('Build & Unit Testing')).getByText('Succeeded')).toBeInTheDocument();
    expect(within(stepItem('Build & Unit Testing')).getByText('abc123def456')).toBeInTheDocument();
    expect(within(stepItem('Build & Unit Testing')).getByText('2026.1128.100000.0000000300')).toBeInTheDocument();
    expect(within(stepItem('Deploy to Stage')).getByText('Completed')).toBeInTheDocument();
    expect(within(stepItem('Build Images')).getByText('2026.11.0')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('In progress');
    expect(screen.getByText('Manual')).toBeInTheDocument();
  });

  it('reads "No tests" for an INCOMPLETE test step', async () => {
    show(execution(finishedStageSteps()));
    await screen.findByRole('heading', { level: 3, name: 'Custom Functional Testing' });
    expect(within(stepItem('Custom Functional Testing')).getByText('No tests')).toBeInTheDocument();
    expect(within(stepItem('Custom UI Testing')).getByText('No tests')).toBeInTheDocument();
  });

  it('shows an unknown step status as "Unknown (VALUE)", never as success', async () => {
    show(execution([step('validate', 'EXPLODED')]));
    await screen.findByRole('heading', { level: 3, name: 'Validation' });
    const item = stepItem('Validation');
    expect(within(item).getByText('Unknown (EXPLODED)')).toBeInTheDocument();
    expect(within(item).queryByText('Passed')).not.toBeInTheDocument();
  });

  it('shows the execution status alone when a RUNNING execution has no current step', async () => {
    show(execution(finishedStageSteps()));
    await screen.findByRole('heading', { level: 3, name: 'Validation' });
    expect(screen.getByRole('status')).toHaveTextContent('In progress');
    expect(screen.queryByText(/^Running: /)).not.toBeInTheDocument();
  });

  it('lists step errors on failure', async () => {
    show(
      execution(
        [
          step('validate', 'FINISHED'),
          step('codeQuality', 'FAILED', {
            details: { errors: ['Critical metrics failure. Please review the logs for more details to fix the issue.'] },
          }),
        ],
        { status: 'FAILED' },
      ),
    );
    const box = await screen.findByRole('region', { name: 'Step errors' });
    expect(box).toHaveTextContent('Critical metrics failure.');
    expect(screen.getByRole('status')).toHaveTextContent('Failed');
  });

  it('approval: Approve sends {"approved":true} to the advance link once after confirmation, even on a double click', async () => {
    const user = userEvent.setup();
    const { puts } = show(
      execution([
        ...finishedStageSteps(),
        step('approval', 'WAITING', { environmentType: 'prod', links: ['advance', 'cancel'] }),
        step('deploy', 'NOT_STARTED', { environmentType: 'prod' }),
      ]),
    );
    await screen.findByRole('heading', { level: 3, name: 'Application for Approval' });
    const item = stepItem('Application for Approval');
    expect(within(item).getByText('Waiting for your decision')).toBeInTheDocument();
    expect(within(item).getByText(/^Expires on Dec 12, 2026/)).toBeInTheDocument();
    expect(await within(item).findByRole('link', { name: 'Link to AEM Author' })).toHaveAttribute(
      'href',
      'https://author-stage.example.com',
    );
    expect(within(item).getByRole('button', { name: 'Reject' })).toBeInTheDocument();
    await user.click(within(item).getByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Approve the deployment to production?' });
    expect(puts).toHaveLength(0);
    await user.dblClick(within(dialog).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0].url).toMatch(/\/advance$/);
    expect(puts[0].body).toEqual({ approved: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(puts).toHaveLength(1);
  });

  it('approval: Reject sends {"approved":false} to the cancel link', async () => {
    const user = userEvent.setup();
    const { puts } = show(execution([step('approval', 'WAITING', { environmentType: 'prod', links: ['advance', 'cancel'] })]));
    await screen.findByRole('heading', { level: 3, name: 'Application for Approval' });
    await user.click(within(stepItem('Application for Approval')).getByRole('button', { name: 'Reject' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: /^Reject/ })).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(puts).toEqual([{ url: expect.stringMatching(/\/cancel$/), body: { approved: false } }]));
  });

  it("Copy as curl: the approval's Approve as PUT with its body, and GET of the execution from the page's menu; nothing sent", async () => {
    const user = userEvent.setup();
    const { puts } = show(execution([step('approval', 'WAITING', { environmentType: 'prod', links: ['advance', 'cancel'] })]));
    await screen.findByRole('heading', { level: 3, name: 'Application for Approval' });
    const item = stepItem('Application for Approval');
    await user.click(within(item).getByRole('button', { name: "Copy as curl: the approval's decisions" }));
    expect(screen.getAllByRole('menuitem').map((menuItem) => menuItem.textContent)).toEqual(['Reject', 'Approve']);
    await user.click(screen.getByRole('menuitem', { name: 'Approve' }));
    expect(await screen.findByText(/^Copied the curl command\./)).toBeInTheDocument();
    const approve = await navigator.clipboard.readText();
    expect(approve).toMatch(/^curl -X PUT 'http:\/\/[^']+\/advance'/);
    expect(approve).toContain(`-d '{"approved":true}'`);
    expect(approve).toContain("-H 'content-type: application/json'");

    await user.click(screen.getByRole('button', { name: 'Copy as curl: this execution' }));
    await user.click(screen.getByRole('menuitem', { name: 'Get this execution' }));
    await waitFor(async () =>
      expect(await navigator.clipboard.readText()).toMatch(new RegExp(`^curl 'http://[^']+${BASE}/execution/${EXECUTION_ID}'`)),
    );
    expect(puts).toEqual([]);
  });

  it('offers no hold buttons when the waiting step has no links', async () => {
    show(execution([step('approval', 'WAITING', { environmentType: 'prod' })]));
    await screen.findByRole('heading', { level: 3, name: 'Application for Approval' });
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reject' })).not.toBeInTheDocument();
  });

  it('code quality: Override sends every failing important kpi', async () => {
    const user = userEvent.setup();
    const { puts } = show(
      execution([
        step('validate', 'FINISHED'),
        step('build', 'FINISHED'),
        step('codeQuality', 'WAITING', { links: ['advance', 'cancel', 'metrics', 'logs'] }),
      ]),
      {
        metrics: [
          { kpi: 'security_rating', severity: 'critical', passed: true, comparator: 'GT', expectedValue: '2', actualValue: '1' },
          { kpi: 'sqale_rating', severity: 'important', passed: false, comparator: 'GT', expectedValue: '1', actualValue: '2' },
          { kpi: 'coverage', severity: 'important', passed: false, comparator: 'GTE', expectedValue: '50', actualValue: '12.3' },
          { kpi: 'open_issues', severity: 'informational', passed: false, comparator: 'LT', expectedValue: '1', actualValue: '7' },
        ],
      },
    );
    await screen.findByRole('heading', { level: 3, name: 'Code Scanning' });
    const item = stepItem('Code Scanning');
    await waitFor(() => expect(within(item).getByRole('button', { name: 'Override' })).toBeEnabled());
    await user.click(within(item).getByRole('button', { name: 'Override' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: /^Override/ })).getByRole('button', { name: 'Override' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0].url).toMatch(/\/advance$/);
    expect(puts[0].body).toEqual({
      metrics: [
        { kpi: 'sqale_rating', override: true },
        { kpi: 'coverage', override: true },
      ],
    });
  });

  it('code quality: Review Summary lists the metrics with a "Partially Passed" badge', async () => {
    const user = userEvent.setup();
    show(execution([step('codeQuality', 'WAITING', { links: ['advance', 'cancel', 'metrics'] })]), {
      metrics: [
        { kpi: 'coverage', severity: 'important', passed: false, comparator: 'GTE', expectedValue: '50', actualValue: '12.3' },
        { kpi: 'security_rating', severity: 'critical', passed: true, comparator: 'GT', expectedValue: '2', actualValue: '1' },
      ],
    });
    await screen.findByRole('heading', { level: 3, name: 'Code Scanning' });
    await user.click(screen.getByRole('button', { name: 'Review Summary' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: 'Code Scanning Results' })).toBeInTheDocument();
    expect(await within(dialog).findByText('Partially Passed')).toBeInTheDocument();
    const coverage = within(within(dialog).getByRole('grid', { name: 'Important' })).getByRole('row', { name: /^Code Coverage/ });
    expect(
      within(coverage)
        .getAllByRole('gridcell')
        .map((cell) => cell.textContent),
    ).toEqual(['12.3%', 'Failed']);
  });

  it.each([
    ['http', HTTP_REL],
    ['https', HTTPS_REL],
  ])('Re-execute is offered when the prod deploy step has the reExecute link (%s spelling) and opens the new run', async (_name, rel) => {
    const user = userEvent.setup();
    const created = execution([step('validate', 'RUNNING')], { id: '301', trigger: 'RE_EXECUTE' });
    const { puts, router } = show(
      execution([...finishedStageSteps(), step('deploy', 'FINISHED', { environmentType: 'prod', links: ['reExecute', 'logs'], rel })], {
        status: 'FINISHED',
      }),
      { created },
    );
    await screen.findByRole('heading', { level: 3, name: 'Deploy to Production' });
    const item = stepItem('Deploy to Production');
    expect(within(item).getByRole('button', { name: 'Download build log' })).toBeInTheDocument();
    await user.click(within(item).getByRole('button', { name: 'Re-execute' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Re-execute the production deployment?' });
    await user.click(within(dialog).getByRole('button', { name: 'Re-execute' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual({ url: `${BASE}/execution/${EXECUTION_ID}/reExecute`, body: undefined });
    await waitFor(() => expect(router.state.location.pathname).toBe(executionUrl('301')));
    expect(await screen.findByText('Re-execution')).toBeInTheDocument();
  });

  it('Re-execute is absent without the reExecute link', async () => {
    show(
      execution([...finishedStageSteps(), step('deploy', 'FINISHED', { environmentType: 'prod', links: ['logs'] })], {
        status: 'FINISHED',
      }),
    );
    await screen.findByRole('heading', { level: 3, name: 'Deploy to Production' });
    expect(within(stepItem('Deploy to Production')).getByRole('button', { name: 'Download build log' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Re-execute' })).not.toBeInTheDocument();
  });

  it('a re-execution shows its label, the reused build and only the groups that have steps', async () => {
    show(
      execution(
        [
          step('validate', 'FINISHED'),
          step('build', 'FINISHED', { details: { reusedArtifacts: true, sourceExecutionId: '299' } }),
          step('deploy', 'RUNNING', {
            environmentType: 'prod',
            details: {
              deploymentStepDescription: JSON.stringify([
                {
                  id: 1,
                  stepAction: 'deploy',
                  instanceId: 'author-1',
                  description: 'Deployed to author',
                  updated: '2026-11-28T10:06:00.000+0000',
                },
                {
                  id: 2,
                  stepAction: 'deploy',
                  instanceId: 'publish-1',
                  description: 'Publish/dispatcher pair 1 deployed',
                  updated: '2026-11-28T10:07:00.000+0000',
                },
              ]),
            },
          }),
        ],
        { trigger: 'RE_EXECUTE' },
      ),
    );
    expect(await screen.findByText('Re-execution')).toBeInTheDocument();
    expect(screen.getByText('A previously compiled build artifact has been reused for this step.')).toBeInTheDocument();
    expect(screen.getByText('Artifacts reused from execution 299')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Phases' });
    expect(
      within(nav)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Stage DeploymentDone', 'Production DeploymentRunning']);
    const progress = screen.getByRole('list', { name: 'Deployment progress' });
    expect(within(progress).getAllByRole('listitem')).toHaveLength(2);
    expect(within(stepItem('Deploy to Production')).getByText('Running…')).toBeInTheDocument();
  });

  it('Cancel appears for a running step with a cancel link and sends {"cancel":true} after confirmation', async () => {
    const user = userEvent.setup();
    const { puts } = show(execution([step('validate', 'FINISHED'), step('build', 'RUNNING', { links: ['cancel', 'logs'] })]));
    await screen.findByRole('heading', { level: 3, name: 'Build & Unit Testing' });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Cancel this execution?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel execution' }));
    await waitFor(() => expect(puts).toEqual([{ url: expect.stringMatching(/\/cancel$/), body: { cancel: true } }]));
  });

  it('Cancel reads the execution again and cancels the step running now, not the one the last poll saw', async () => {
    const user = userEvent.setup();
    const validateRunning = step('validate', 'RUNNING', { links: ['cancel'] });
    const buildRunning = step('build', 'RUNNING', { links: ['cancel', 'logs'] });
    let current = execution([validateRunning, step('build', 'NOT_STARTED')]);
    const { puts } = show(() => current);
    await screen.findByRole('heading', { level: 3, name: 'Validation' });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Cancel this execution?' });
    // Validation ends and the build starts before the next poll.
    current = execution([step('validate', 'FINISHED'), buildRunning]);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel execution' }));
    const buildCancel = `${(buildRunning._links?.self as { href: string }).href}/cancel`;
    await waitFor(() => expect(puts).toEqual([{ url: expect.stringContaining(buildCancel), body: { cancel: true } }]));
  });

  it('schedule: Confirm with "Now" sends IMMEDIATE', async () => {
    const user = userEvent.setup();
    const { puts } = show(execution([step('schedule', 'WAITING', { environmentType: 'prod', links: ['advance', 'cancel'] })]));
    await screen.findByRole('heading', { level: 3, name: 'Schedule Production Deployment' });
    expect(screen.getByRole('radio', { name: 'Now' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await user.click(
      within(await screen.findByRole('alertdialog', { name: /^Confirm the production deployment/ })).getByRole('button', {
        name: 'Confirm',
      }),
    );
    await waitFor(() => expect(puts).toEqual([{ url: expect.stringMatching(/\/advance$/), body: { type: 'IMMEDIATE' } }]));
  });

  it('schedule: Confirm with a date sends SCHEDULED with the ISO UTC time of the local date and time', async () => {
    const user = userEvent.setup();
    const { puts } = show(execution([step('schedule', 'WAITING', { environmentType: 'prod', links: ['advance', 'cancel'] })]));
    await screen.findByRole('heading', { level: 3, name: 'Schedule Production Deployment' });
    await user.click(screen.getByRole('radio', { name: 'Date and time' }));
    await user.click(screen.getAllByRole('spinbutton', { name: /month/i })[0]);
    await user.keyboard('12052099');
    await user.keyboard('1030AM');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await user.click(
      within(await screen.findByRole('alertdialog', { name: /^Confirm the production deployment/ })).getByRole('button', {
        name: 'Confirm',
      }),
    );
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0].body).toEqual({ type: 'SCHEDULED', schedule: new Date(2099, 11, 5, 10, 30).toISOString() });
  });

  it('schedule: Stop Execution sends {"cancel":true} to the cancel link', async () => {
    const user = userEvent.setup();
    const { puts } = show(execution([step('schedule', 'WAITING', { environmentType: 'prod', links: ['advance', 'cancel'] })]));
    await screen.findByRole('heading', { level: 3, name: 'Schedule Production Deployment' });
    await user.click(screen.getByRole('button', { name: 'Stop Execution' }));
    await user.click(
      within(await screen.findByRole('alertdialog', { name: 'Stop this execution?' })).getByRole('button', { name: 'Stop Execution' }),
    );
    await waitFor(() => expect(puts).toEqual([{ url: expect.stringMatching(/\/cancel$/), body: { cancel: true } }]));
  });

  it('a phase group in the left column moves focus to its part of the timeline', async () => {
    const user = userEvent.setup();
    show(execution([...finishedStageSteps(), step('deploy', 'NOT_STARTED', { environmentType: 'prod' })]));
    const nav = await screen.findByRole('navigation', { name: 'Phases' });
    await user.click(within(nav).getByRole('button', { name: /Production Deployment/ }));
    expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Production Deployment' }));
  });
});

describe('Execution details, read-only (the local proxy started with --read-only)', () => {
  afterEach(() => setActionsReadOnly(false));

  const cases: [string, Execution, string][] = [
    [
      'a running step',
      execution([step('validate', 'FINISHED'), step('build', 'RUNNING', { links: ['cancel', 'logs'] })]),
      'Build & Unit Testing',
    ],
    [
      'the approval hold',
      execution([step('approval', 'WAITING', { environmentType: 'prod', links: ['advance', 'cancel'] })]),
      'Application for Approval',
    ],
    [
      'the schedule hold',
      execution([step('schedule', 'WAITING', { environmentType: 'prod', links: ['advance', 'cancel'] })]),
      'Schedule Production Deployment',
    ],
    ['the code quality hold', execution([step('codeQuality', 'WAITING', { links: ['advance', 'cancel', 'metrics'] })]), 'Code Scanning'],
    [
      'a finished production deployment',
      execution([...finishedStageSteps(), step('deploy', 'FINISHED', { environmentType: 'prod', links: ['logs', 'reExecute'] })], {
        status: 'FINISHED',
      }),
      'Deploy to Production',
    ],
  ];

  it.each(cases)('%s offers no decision, though its links are there; logs stay', async (_name, exec, title) => {
    setActionsReadOnly(true);
    show(exec);
    await screen.findByRole('heading', { level: 3, name: new RegExp(`^${title}`) });
    for (const name of ['Cancel', 'Approve', 'Reject', 'Override', 'Confirm', 'Stop Execution', 'Re-execute'])
      expect(screen.queryByRole('button', { name }), name).not.toBeInTheDocument();
    if (exec._embedded?.stepStates?.some((s) => s.action === 'build' || s.action === 'deploy'))
      expect(screen.getAllByRole('button', { name: /^Download/ }).length).toBeGreaterThan(0);
  });
});
