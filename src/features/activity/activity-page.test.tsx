import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { paths } from '../../lib/paths';
import { setupFixtureServer, world } from '../../test/fixture-server';
import { execution } from '../../test/fixtures/hal';
import { renderWithProviders } from '../../test/render';
import ActivityPage from './activity-page';

const HOUR = 3600_000;
const at = (hoursAgo: number) => new Date(Date.UTC(2024, 4, 8, 12) - hoursAgo * HOUR).toISOString();

function seed() {
  // Production: 25 runs every 2 hours (ids 100..124, newest = 124 at hour 0); dev: 3 runs at odd hours.
  world.executionsByPipeline['10'] = Array.from({ length: 25 }, (_, i) =>
    execution({
      id: String(124 - i),
      pipelineId: '10',
      status: i === 1 ? 'FAILED' : 'FINISHED',
      createdAt: at(2 * i),
      finishedAt: at(2 * i - 1),
      commitId: `sha${124 - i}`,
    }),
  );
  world.executionsByPipeline['11'] = [
    execution({ id: '7', pipelineId: '11', status: 'RUNNING', createdAt: at(-1), trigger: 'ON_COMMIT', branch: 'develop' }),
    execution({ id: '6', pipelineId: '11', status: 'WEIRD', createdAt: at(3), finishedAt: at(2.5), trigger: 'PUSH_UPGRADES' }),
    execution({ id: '5', pipelineId: '11', status: 'CANCELLED', createdAt: at(60), finishedAt: at(59), trigger: 'RE_EXECUTE' }),
  ];
}

describe('Activity', () => {
  const server = setupFixtureServer();

  it('lists every execution newest first with trigger, status, duration and details', async () => {
    seed();
    renderWithProviders(<ActivityPage />, { url: '/program/1/activity', path: paths.activity.path });
    const table = await screen.findByRole('grid', { name: 'Pipeline executions' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(20);
    // newest: the running dev execution (started in the future of the prod runs)
    expect(rows[0]).toHaveTextContent('Dev Deployment');
    expect(rows[0]).toHaveTextContent('On commit');
    expect(rows[0]).toHaveTextContent('Running');
    expect(rows[0]).toHaveTextContent('Branch: develop');
    expect(within(rows[0]).getAllByRole('gridcell')[3]).toHaveTextContent('-');
    expect(rows[1]).toHaveTextContent('Production Pipeline');
    expect(rows[1]).toHaveTextContent('Finished');
    expect(rows[1]).toHaveTextContent('Commit: sha124');
    expect(rows[1]).toHaveTextContent('1 hour');
    expect(rows[2]).toHaveTextContent('Failed');
    expect(rows[3]).toHaveTextContent('Unknown (WEIRD)');
    expect(rows[3]).toHaveTextContent('Push update');
    expect(screen.getByText('1–20 of 28')).toBeInTheDocument();
  });

  it('pages through the merged list by following next links', async () => {
    seed();
    const requested: string[] = [];
    server.events.on('request:start', ({ request }) => {
      requested.push(new URL(request.url).pathname + new URL(request.url).search);
    });
    const user = userEvent.setup();
    const { router } = renderWithProviders(<ActivityPage />, { url: '/program/1/activity', path: paths.activity.path });
    await screen.findByRole('grid', { name: 'Pipeline executions' });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByText('21–28 of 28')).toBeInTheDocument());
    expect(router.state.location.search).toBe('?page=2');
    const rows = within(screen.getByRole('grid', { name: 'Pipeline executions' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows).toHaveLength(8);
    // the oldest overall is the cancelled re-execution of the dev pipeline
    expect(rows[7]).toHaveTextContent('Re-execute');
    expect(rows[7]).toHaveTextContent('Cancelled');
    expect(requested).toContain('/api/program/1/pipeline/10/executions?start=20&limit=20');
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    server.events.removeAllListeners();
  });

  it('opens an execution when a row is chosen', async () => {
    seed();
    const user = userEvent.setup();
    renderWithProviders(<ActivityPage />, { url: '/program/1/activity', path: paths.activity.path });
    const table = await screen.findByRole('grid', { name: 'Pipeline executions' });
    await user.click(within(table).getAllByRole('row')[2]);
    expect(await screen.findByTestId('location')).toHaveTextContent('/program/1/pipeline/10/execution/124');
  });
});
