/** Activity on the real simulator (seed 1): WKND Sites' three pipelines and their histories, merged newest first. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getJson } from '../../api/client';
import { findLink, rel } from '../../api/links';
import { executionListHref } from '../../api/queries';
import type { Execution, ExecutionList, Pipeline } from '../../api/types';
import { parseApiTime } from '../../lib/format';
import { paths } from '../../lib/paths';
import { executionsOf, pipelinesOf, programNamed, setupSimulatorServer, start } from '../../test/simulator-server';
import { renderWithProviders } from '../../test/render';
import { catchSaves } from '../../test/saved-files';
import { fetchStepLogText } from '../../api/step-logs';
import ActivityPage from './activity-page';
import { ACTIVITY_PAGE_SIZE } from './use-program-activity';

interface Run {
  pipeline: Pipeline;
  execution: Execution;
}

/** Every execution of the program through the API, newest first (what the page must show). */
async function history(programName: string) {
  const program = await programNamed(programName);
  const runs: Run[] = [];
  for (const pipeline of await pipelinesOf(program))
    for (const execution of await executionsOf(pipeline)) runs.push({ pipeline, execution });
  const time = (run: Run) => parseApiTime(run.execution.createdAt)!.getTime();
  runs.sort((a, b) => time(b) - time(a));
  return { program, runs };
}

const commitOf = (execution: Execution) => execution._embedded?.stepStates?.find((step) => step.action === 'build')?.commitId ?? '-';
const renderPage = (programId: string) =>
  renderWithProviders(<ActivityPage />, { url: `/program/${programId}/activity`, path: paths.activity.path });

describe('Activity', () => {
  const sim = setupSimulatorServer();

  it('lists every execution newest first with trigger, who started it, status, duration and details', async () => {
    const wknd = await programNamed('WKND Sites');
    const dev = (await pipelinesOf(wknd)).find((pipeline) => pipeline.name === 'Dev Deployment')!;
    const running = await start(dev);
    const { runs } = await history('WKND Sites');
    expect(runs[0].execution.id).toBe(running.id);
    renderPage(wknd.id);
    const table = await screen.findByRole('grid', { name: 'Pipeline executions' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(20);
    rows.forEach((row, i) => {
      expect(row).toHaveTextContent(runs[i].pipeline.name);
      expect(row).toHaveTextContent(`Commit: ${commitOf(runs[i].execution)}`);
    });
    // the running execution: no duration yet
    expect(rows[0]).toHaveTextContent('Trigger: manual');
    expect(rows[0]).toHaveTextContent('Running');
    expect(rows[0]).toHaveTextContent('Branch: develop');
    // started here by the simulator's default user (a Deployment Manager)
    expect(within(rows[0]).getAllByRole('gridcell')[1]).toHaveTextContent(/^Marco Bianchi$/);
    expect(within(rows[0]).getAllByRole('gridcell')[4]).toHaveTextContent('-');
    expect(rows[1]).toHaveTextContent('Finished');
    expect(within(rows[1]).getAllByRole('gridcell')[4]).toHaveTextContent(/^\d+ minutes? \d+ seconds?$/);
    rows.forEach((row, i) => {
      const { startedBy, trigger } = runs[i].execution;
      expect(within(row).getAllByRole('gridcell')[1]).toHaveTextContent(startedBy?.name ?? '-');
      if (trigger === 'ON_COMMIT') expect(within(row).getAllByRole('gridcell')[1]).toHaveTextContent(/^-$/);
    });
    expect(
      new Set(
        runs
          .slice(0, 20)
          .map((run) => run.execution.startedBy?.name)
          .filter(Boolean),
      ).size,
    ).toBeGreaterThan(1);
    const shown = runs.slice(0, 20);
    const failed = shown.findIndex((run) => run.execution.status === 'FAILED');
    const cancelled = shown.findIndex((run) => run.execution.status === 'CANCELLED');
    expect([failed, cancelled]).not.toContain(-1);
    expect(rows[failed]).toHaveTextContent('Failed');
    expect(rows[cancelled]).toHaveTextContent('Cancelled');
    expect(screen.getByText(`1–20 of ${runs.length}`)).toBeInTheDocument();
  });

  it('pages through the merged list by following next links', async () => {
    const { program, runs } = await history('WKND Sites');
    const production = (await pipelinesOf(program)).find((pipeline) => pipeline.name === 'Production Pipeline')!;
    const firstPage = await getJson<ExecutionList>(executionListHref(production, ACTIVITY_PAGE_SIZE)!);
    const next = findLink(firstPage, rel.next)!.href;
    const requested: string[] = [];
    sim.server.events.on('request:start', ({ request }) => {
      requested.push(new URL(request.url).pathname + new URL(request.url).search);
    });
    const user = userEvent.setup();
    const { router } = renderPage(program.id);
    const firstRows = within(await screen.findByRole('grid', { name: 'Pipeline executions' }))
      .getAllByRole('row')
      .slice(1);
    const reExecution = runs.findIndex((run) => run.execution.trigger === 'RE_EXECUTE');
    expect(reExecution).toBeGreaterThanOrEqual(0);
    expect(reExecution).toBeLessThan(20);
    expect(firstRows[reExecution]).toHaveTextContent('Trigger: re-execute');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByText(`21–${runs.length} of ${runs.length}`)).toBeInTheDocument());
    expect(router.state.location.search).toBe('?page=2');
    const rows = within(screen.getByRole('grid', { name: 'Pipeline executions' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows).toHaveLength(runs.length - 20);
    rows.forEach((row, i) => expect(row).toHaveTextContent(`Commit: ${commitOf(runs[20 + i].execution)}`));
    const pushUpdate = runs.slice(20).findIndex((run) => run.execution.trigger === 'PUSH_UPGRADES');
    expect(pushUpdate).toBeGreaterThanOrEqual(0);
    expect(rows[pushUpdate]).toHaveTextContent('Trigger: push update');
    expect(requested).toContain(next);
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it('opens an execution when a row is chosen', async () => {
    const { program, runs } = await history('WKND Sites');
    const user = userEvent.setup();
    renderPage(program.id);
    const table = await screen.findByRole('grid', { name: 'Pipeline executions' });
    await user.click(within(table).getAllByRole('row')[2]);
    const { pipeline, execution } = runs[1];
    expect(await screen.findByTestId('location')).toHaveTextContent(
      `/program/${program.id}/pipeline/${pipeline.id}/execution/${execution.id}`,
    );
  });

  it("shows Cloud Manager's columns: NAME, ACTION, STATUS, START TIME, DURATION, DETAILS (Branch / Commit / Trigger), and who started it", async () => {
    const { program, runs } = await history('WKND Sites');
    renderPage(program.id);
    const table = await screen.findByRole('grid', { name: 'Pipeline executions' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['NAME', 'ACTION', 'STARTED BY', 'STATUS', 'START TIME', 'DURATION', 'DETAILS', 'Actions']);
    const [first] = within(table).getAllByRole('row').slice(1);
    const cells = within(first).getAllByRole('gridcell');
    const expectedAction = runs[0].pipeline.phases.some((phase) => phase.type === 'DEPLOY')
      ? 'Full Stack Pipeline Execution'
      : 'Code Quality Pipeline Execution';
    expect(cells[0]).toHaveTextContent(expectedAction);
    const build = runs[0].execution._embedded?.stepStates?.find((step) => step.action === 'build');
    expect(cells[5]).toHaveTextContent(`Branch: ${build?.branch}Commit: ${build?.commitId}Trigger: manual`);
  });

  it('the row menu: View details opens the execution, Download log saves its build log', async () => {
    const { program, runs } = await history('WKND Sites');
    const saved = catchSaves();
    const user = userEvent.setup();
    renderPage(program.id);
    const { pipeline, execution } = runs[0];
    const menu = await screen.findByRole('button', { name: `Actions for ${pipeline.name} execution ${execution.id}` });
    await user.click(menu);
    await user.click(await screen.findByRole('menuitem', { name: 'Download log' }));
    await waitFor(() => expect(saved.map((file) => file.filename)).toEqual([`build-${execution.id}.log`]));
    const build = execution._embedded?.stepStates?.find((step) => step.action === 'build');
    expect(await saved[0].blob.text()).toBe(await fetchStepLogText(findLink(build, rel.logs)));
    expect(await saved[0].blob.text()).not.toBe('');

    await user.click(menu);
    await user.click(await screen.findByRole('menuitem', { name: 'View details' }));
    expect(await screen.findByTestId('location')).toHaveTextContent(
      `/program/${program.id}/pipeline/${pipeline.id}/execution/${execution.id}`,
    );
  });

  it('Download log is not offered before the build has a log', async () => {
    const wknd = await programNamed('WKND Sites');
    const dev = (await pipelinesOf(wknd)).find((pipeline) => pipeline.name === 'Dev Deployment')!;
    const running = await start(dev);
    const user = userEvent.setup();
    renderPage(wknd.id);
    await user.click(await screen.findByRole('button', { name: `Actions for Dev Deployment execution ${running.id}` }));
    expect(await screen.findByRole('menuitem', { name: 'Download log' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('menuitem', { name: 'View details' })).not.toHaveAttribute('aria-disabled');
  });
});
