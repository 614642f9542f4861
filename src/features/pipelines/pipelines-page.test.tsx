/** Pipelines page on the real simulator (seed 1): WKND Sites' production, dev deployment and code quality pipelines. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { paths } from '../../lib/paths';
import { executionsOf, pipelineNamed, programNamed, setupSimulatorServer, start } from '../../test/simulator-server';
import { renderWithProviders } from '../../test/render';
import PipelinesPage from './pipelines-page';

const renderPage = (programId: string) =>
  renderWithProviders(<PipelinesPage />, { url: `/program/${programId}/pipelines`, path: paths.pipelines.path });

describe('Pipelines page', () => {
  setupSimulatorServer();

  it('lists every pipeline with type, status, repository, branch, environment, trigger and last run', async () => {
    const wknd = await programNamed('WKND Sites');
    await start(await pipelineNamed('WKND Sites', 'Dev Deployment'));
    renderPage(wknd.id);
    const table = await screen.findByRole('grid', { name: 'Pipelines' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Production Pipeline');
    expect(rows[0]).toHaveTextContent('Production');
    expect(rows[0]).toHaveTextContent('Manual');
    expect(rows[0]).toHaveTextContent('Not running');
    await waitFor(() => expect(rows[0]).toHaveTextContent('wknd-prod'));
    await waitFor(() => expect(rows[0]).toHaveTextContent('wknd-site'));
    expect(rows[1]).toHaveTextContent('Dev Deployment');
    expect(rows[1]).toHaveTextContent('On Git Changes');
    expect(rows[1]).toHaveTextContent('Running…');
    expect(rows[1]).toHaveTextContent('develop');
    expect(rows[1]).toHaveTextContent('wknd-dev');
    expect(rows[2]).toHaveTextContent('Non-Production · Code Quality');
    expect(rows[2]).toHaveTextContent('Not running');
  });

  it('opens the last execution from the row menu', async () => {
    const wknd = await programNamed('WKND Sites');
    const production = await pipelineNamed('WKND Sites', 'Production Pipeline');
    const [last] = await executionsOf(production);
    const user = userEvent.setup();
    renderPage(wknd.id);
    await user.click(await screen.findByRole('button', { name: 'Actions for Production Pipeline' }));
    expect(screen.queryByRole('menuitem', { name: 'Cancel' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: 'View last execution' }));
    expect(await screen.findByTestId('location')).toHaveTextContent(`/program/${wknd.id}/pipeline/${production.id}/execution/${last.id}`);
  });

  it('opens the execution popover with start time, pipeline id and View details', async () => {
    const wknd = await programNamed('WKND Sites');
    const quality = await pipelineNamed('WKND Sites', 'Code Quality');
    const [last] = await executionsOf(quality);
    expect(last.status).toBe('FINISHED');
    const user = userEvent.setup();
    renderPage(wknd.id);
    await user.click(await screen.findByRole('button', { name: 'Execution details of Code Quality' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByRole('heading', { name: `Pipeline Execution #${last.id}` })).toBeInTheDocument();
    expect(dialog).toHaveTextContent(`Pipeline ID: #${quality.id}`);
    expect(dialog).toHaveTextContent('Finished');
    // one row per phase group: steps done and the current (here: last) step
    expect(dialog).toHaveTextContent('1/1 · Validation');
    expect(dialog).toHaveTextContent('2/2 · Code Scanning');
    await user.click(within(dialog).getByRole('button', { name: 'View details' }));
    expect(await screen.findByTestId('location')).toHaveTextContent(`/program/${wknd.id}/pipeline/${quality.id}/execution/${last.id}`);
  });
});
