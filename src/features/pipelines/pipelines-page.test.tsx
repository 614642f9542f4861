/** Pipelines page on the real simulator (seed 1): WKND Sites' production, dev deployment and code quality pipelines. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { setActionsReadOnly } from '../../api/actions';
import { findLink, rel } from '../../api/links';
import { paths } from '../../lib/paths';
import { LIST_POLL_MS } from '../../api/polling';
import { fakePollTimers } from '../../test/poll-clock';
import { executionsOf, pipelineNamed, programNamed, setupSimulatorServer, start } from '../../test/simulator-server';
import { dismissToastsAfterEach } from '../../test/fixture-server';
import { desktopScreen, renderWithProviders } from '../../test/render';
import PipelinesPage from './pipelines-page';

const renderPage = (programId: string, search = '') =>
  renderWithProviders(<PipelinesPage />, { url: `/program/${programId}/pipelines${search}`, path: paths.pipelines.path });

const rowsOf = async () =>
  within(await screen.findByRole('grid', { name: 'Pipelines' }))
    .getAllByRole('row')
    .slice(1);
const rowNames = async () => (await rowsOf()).map((row) => within(row).getAllByRole('rowheader')[0].textContent);

describe('Pipelines page', () => {
  const sim = setupSimulatorServer();
  dismissToastsAfterEach();
  desktopScreen();

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

  it('filters by type, status and environment, kept in the URL (a reload or a shared link keeps them)', async () => {
    const wknd = await programNamed('WKND Sites');
    await start(await pipelineNamed('WKND Sites', 'Dev Deployment'));
    const user = userEvent.setup();
    const { router } = renderPage(wknd.id, '?type=deployment');
    await waitFor(async () => expect(await rowNames()).toEqual(['Dev DeploymentNon-Production · Deployment']));
    expect(screen.getByRole('button', { name: 'Filters (1)' })).toHaveAttribute('aria-expanded', 'true');
    const filters = screen.getByRole('group', { name: 'Filters' });
    expect(within(filters).getByRole('button', { name: /Non-Production Deployment/ })).toBeInTheDocument();

    await user.click(within(filters).getByRole('button', { name: /Type/ }));
    await user.click(await screen.findByRole('option', { name: 'All types' }));
    await user.click(within(filters).getByRole('button', { name: /Status/ }));
    await user.click(await screen.findByRole('option', { name: 'Idle' }));
    expect(router.state.location.search).toBe('?status=idle');
    await waitFor(async () =>
      expect((await rowNames()).map((name) => name?.split('Non-Production')[0])).toEqual(['Production PipelineProduction', 'Code Quality']),
    );

    await user.click(within(filters).getByRole('button', { name: /Environment/ }));
    await user.click(await screen.findByRole('option', { name: 'wknd-prod' }));
    expect(new URLSearchParams(router.state.location.search).get('status')).toBe('idle');
    expect(new URLSearchParams(router.state.location.search).get('environment')).toMatch(/^\d+$/);
    await waitFor(async () => expect(await rowNames()).toEqual(['Production PipelineProduction']));

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(router.state.location.search).toBe('');
    await waitFor(async () => expect(await rowsOf()).toHaveLength(3));
  });

  it('Run selected lists what cannot start, starts the others and reports which were busy', async () => {
    const wknd = await programNamed('WKND Sites');
    await start(await pipelineNamed('WKND Sites', 'Dev Deployment'));
    const user = userEvent.setup();
    renderPage(wknd.id);
    const rows = await rowsOf();
    expect(screen.getByRole('button', { name: 'Run selected (0)' })).toBeDisabled();
    for (const row of rows) await user.click(within(row).getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Run selected (3)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Run selected pipelines (3)' });
    expect(within(dialog).getByRole('list', { name: 'Will start' })).toHaveTextContent('Production PipelineCode Quality');
    expect(within(dialog).getByRole('list', { name: 'Cannot start' })).toHaveTextContent('Dev Deployment — Pipeline is in progress.');

    // Meanwhile, Code Quality is started elsewhere: it is busy when the console asks.
    const quality = await pipelineNamed('WKND Sites', 'Code Quality');
    await start(quality);
    const sent = sim.record(['PUT']);
    await user.click(within(dialog).getByRole('button', { name: 'Run (2)' }));
    const result = await within(dialog).findByRole('status', { name: 'Result' });
    expect(result).toHaveTextContent('1 pipeline started; 1 already running ("Code Quality").');
    expect(within(result).getByRole('list', { name: 'Started' })).toHaveTextContent('Production Pipeline');
    expect(within(result).getByRole('list', { name: 'Busy' })).toHaveTextContent('Code Quality — Pipeline is busy: it is already running.');
    // in place and in a toast
    await waitFor(() => expect(screen.getAllByText('1 pipeline started; 1 already running ("Code Quality").')).toHaveLength(2));
    const production = await pipelineNamed('WKND Sites', 'Production Pipeline');
    expect(sent.map((r) => r.path)).toEqual([findLink(production, rel.execution)!.href, findLink(quality, rel.execution)!.href]);
    expect(production.status).toBe('BUSY');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Run selected (0)' })).toBeDisabled());
  });

  it('a maintenance window keeps the pipelines listed under a notice while the list is polled, and clears it when it is over', async () => {
    const wknd = await programNamed('WKND Sites');
    await start(await pipelineNamed('WKND Sites', 'Dev Deployment'));
    const nextPoll = fakePollTimers();
    renderPage(wknd.id);
    expect(await rowsOf()).toHaveLength(3);
    await sim.control('PUT', 'quirks', { maintenance: { seconds: 600 } });
    await nextPoll(LIST_POLL_MS);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Cloud Manager is unavailable');
    expect(alert).toHaveTextContent('Showing what was loaded before; the console keeps trying.');
    expect((await rowNames())[1]).toContain('Dev Deployment');
    // nobody presses Retry: the backed-off reads bring back the list and the program (which a component
    // that mounted meanwhile read again, and failed)
    await sim.control('PUT', 'quirks', {});
    await nextPoll(2 * LIST_POLL_MS);
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(await rowsOf()).toHaveLength(3);
  });

  it('Add Pipeline offers Add Non-Production Pipeline (production is taken, saying so)', async () => {
    const wknd = await programNamed('WKND Sites');
    const user = userEvent.setup();
    renderPage(wknd.id);
    await rowsOf();
    await user.click(screen.getByRole('button', { name: 'Add Pipeline' }));
    expect(screen.getByRole('menuitem', { name: 'Add Production Pipeline' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('menuitem', { name: 'Add Non-Production Pipeline' }));
    expect(await screen.findByRole('heading', { name: 'Add Non-Production Pipeline' })).toBeInTheDocument();
  });
});

describe('Pipelines page, read-only (the local proxy started with --read-only)', () => {
  setupSimulatorServer();
  desktopScreen();
  afterEach(() => setActionsReadOnly(false));

  it('lists the pipelines without checkboxes, Run selected or Add Pipeline', async () => {
    setActionsReadOnly(true);
    renderPage((await programNamed('WKND Sites')).id);
    expect(await rowsOf()).toHaveLength(3);
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Run selected/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add Pipeline' })).not.toBeInTheDocument();
  });
});
