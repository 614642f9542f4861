/**
 * The execution page on the real simulator with the API quirks a scenario can switch on
 * (docs/scenarios.md): it shows something sensible for each, never a crash — a run RUNNING with no
 * current step shows the execution's status alone, a step status outside the spec's enum reads as
 * its raw text (never as success), a 503 maintenance window shows the outage message and the page
 * recovers by itself when it ends, and slow answers only make the page load later.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getJson } from '../../api/client';
import { findLink, rel } from '../../api/links';
import { POLL_INTERVAL_MS } from '../../api/polling';
import type { Execution } from '../../api/types';
import { paths } from '../../lib/paths';
import { dismissToastsAfterEach } from '../../test/fixture-server';
import { fakePollTimers } from '../../test/poll-clock';
import { renderWithProviders } from '../../test/render';
import { pipelineNamed, setupSimulatorServer, start } from '../../test/simulator-server';
import ExecutionPage from './execution-page';

const sim = setupSimulatorServer();
dismissToastsAfterEach();

/** We.Retail Global's production pipeline: no approval, no schedule, so a run ends on its own. */
async function startWeRetail(): Promise<Execution> {
  await sim.control('PUT', 'outcome', { outcome: 'pass' });
  return start(await pipelineNamed('We.Retail Global', 'Production Pipeline'));
}

function showExecution(execution: Execution) {
  renderWithProviders(<ExecutionPage />, {
    url: paths.execution.href(execution.programId ?? '', execution.pipelineId ?? '', execution.id ?? ''),
    path: paths.execution.path,
  });
}

const reread = (execution: Execution) => getJson<Execution>(findLink(execution, rel.self)!.href);

function stepItem(title: string): HTMLElement {
  return screen.getByRole('heading', { level: 3, name: new RegExp(`^${title}`) }).closest('li') as HTMLElement;
}

describe('Execution page with the API quirks of a scenario', () => {
  it('no current step at the end of a run: the execution reads In progress on its own, every step shows how it ended', async () => {
    await sim.control('PUT', 'quirks', { noCurrentStepMs: 15 * 60_000 });
    const started = await startWeRetail();
    // A minute at a time until the last step has ended: the run is then in the window.
    let execution = started;
    for (let i = 0; i < 300; i += 1) {
      const steps = execution._embedded?.stepStates ?? [];
      if (steps.every((s) => !['NOT_STARTED', 'RUNNING', 'WAITING'].includes(s.status ?? ''))) break;
      await sim.advance(60_000);
      execution = await reread(started);
    }
    expect(execution.status).toBe('RUNNING');
    showExecution(execution);
    await screen.findByRole('heading', { level: 3, name: 'Deploy to Production' });
    expect(screen.getByRole('status')).toHaveTextContent('In progress');
    expect(within(stepItem('Deploy to Production')).getByText('Completed')).toBeInTheDocument();
    expect(screen.queryByText('Running…')).not.toBeInTheDocument();
  });

  it('a step status outside the enum reads as its raw text ("Unknown (SKIPPED)"), never as Passed; the rest of the run is as usual', async () => {
    await sim.control('PUT', 'quirks', { unknownStepStatus: { action: 'contentAudit', status: 'SKIPPED' } });
    const started = await startWeRetail();
    await sim.advance(6 * 3600_000);
    const execution = await reread(started);
    expect(execution.status).toBe('FINISHED');
    showExecution(execution);
    await screen.findByRole('heading', { level: 3, name: 'Experience Audit' });
    const audit = stepItem('Experience Audit');
    expect(within(audit).getByText('Unknown (SKIPPED)')).toBeInTheDocument();
    expect(within(audit).queryByText('Passed')).not.toBeInTheDocument();
    expect(within(stepItem('Deploy to Production')).getByText('Completed')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Finished');
  });

  it('503 maintenance: the page shows the outage message, and shows the run again by itself once the window is over', async () => {
    const started = await startWeRetail();
    await sim.control('PUT', 'quirks', { maintenance: { seconds: 600 } });
    const nextPoll = fakePollTimers();
    showExecution(started);
    const alert = await screen.findByRole('alert', {}, { timeout: 8000 });
    expect(alert).toHaveTextContent('Cloud Manager is unavailable');
    // The window ends (here: the quirks are lifted); nobody presses Retry: the backed-off poll
    // (twice the interval after one failure) shows the run.
    await sim.control('PUT', 'quirks', {});
    await nextPoll(2 * POLL_INTERVAL_MS);
    expect(await screen.findByRole('heading', { level: 3, name: 'Validation' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  }, 30_000);

  it('slow answers: the page loads a little later, and shows the run', async () => {
    const started = await startWeRetail();
    await sim.control('PUT', 'quirks', { delayMs: 400 });
    showExecution(started);
    expect(await screen.findByRole('heading', { level: 3, name: 'Validation' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('In progress');
  }, 20_000);
});
