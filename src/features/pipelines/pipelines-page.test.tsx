import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { paths } from '../../lib/paths';
import { setupFixtureServer, world } from '../../test/fixture-server';
import { execution } from '../../test/fixtures/hal';
import { renderWithProviders } from '../../test/render';
import PipelinesPage from './pipelines-page';

describe('Pipelines page', () => {
  setupFixtureServer();

  it('lists every pipeline with type, status, repository, branch, environment, trigger and last run', async () => {
    renderWithProviders(<PipelinesPage />, { url: '/program/1/pipelines', path: paths.pipelines.path });
    const table = await screen.findByRole('grid', { name: 'Pipelines' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Production Pipeline');
    expect(rows[0]).toHaveTextContent('Production');
    expect(rows[0]).toHaveTextContent('Manual');
    await waitFor(() => expect(rows[0]).toHaveTextContent('wknd-prod'));
    await waitFor(() => expect(rows[0]).toHaveTextContent('wknd'));
    expect(rows[1]).toHaveTextContent('On Git Changes');
    expect(rows[1]).toHaveTextContent('Running…');
    expect(rows[1]).toHaveTextContent('develop');
    expect(rows[1]).toHaveTextContent('wknd-dev');
    expect(rows[2]).toHaveTextContent('Non-Production · Code Quality');
    expect(rows[2]).toHaveTextContent('Not running');
  });

  it('opens the last execution from the row menu', async () => {
    world.pipelineOptions = { prodLastStartedAt: '2024-05-08T08:00:00.000Z' };
    world.executionsByPipeline['10'] = [
      execution({
        id: '321',
        pipelineId: '10',
        status: 'FINISHED',
        createdAt: '2024-05-08T08:00:00.000Z',
        finishedAt: '2024-05-08T09:00:00.000Z',
      }),
    ];
    const user = userEvent.setup();
    renderWithProviders(<PipelinesPage />, { url: '/program/1/pipelines', path: paths.pipelines.path });
    await user.click(await screen.findByRole('button', { name: 'Actions for Production Pipeline' }));
    expect(screen.queryByRole('menuitem', { name: 'Cancel' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: 'View last execution' }));
    expect(await screen.findByTestId('location')).toHaveTextContent('/program/1/pipeline/10/execution/321');
  });

  it('opens the execution popover with start time, pipeline id and View details', async () => {
    world.pipelineOptions = { prodLastStartedAt: '2024-05-08T08:00:00.000Z' };
    world.executionsByPipeline['10'] = [
      execution({
        id: '321',
        pipelineId: '10',
        status: 'FAILED',
        createdAt: '2024-05-08T08:00:00.000Z',
        finishedAt: '2024-05-08T09:00:00.000Z',
      }),
    ];
    const user = userEvent.setup();
    renderWithProviders(<PipelinesPage />, { url: '/program/1/pipelines', path: paths.pipelines.path });
    await user.click(await screen.findByRole('button', { name: 'Execution details of Production Pipeline' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByRole('heading', { name: 'Pipeline Execution #321' })).toBeInTheDocument();
    expect(dialog).toHaveTextContent('Pipeline ID: #10');
    expect(dialog).toHaveTextContent('Failed');
    expect(dialog).toHaveTextContent('1/1 · Build & Unit Testing');
    await user.click(within(dialog).getByRole('button', { name: 'View details' }));
    expect(await screen.findByTestId('location')).toHaveTextContent('/program/1/pipeline/10/execution/321');
  });
});
