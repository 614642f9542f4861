/** Activity when a server answers what this console does not know: shown as unknown, never as success. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { paths } from '../../lib/paths';
import { setupFixtureServer, world } from '../../test/fixture-server';
import { execution } from '../../test/fixtures/hal';
import { renderWithProviders } from '../../test/render';
import ActivityPage from './activity-page';

describe('Activity with an off-spec server', () => {
  setupFixtureServer();

  it('shows an execution status it does not know as Unknown', async () => {
    world.executionsByPipeline['11'] = [
      execution({
        id: '6',
        pipelineId: '11',
        status: 'WEIRD',
        createdAt: '2024-05-08T08:00:00.000Z',
        finishedAt: '2024-05-08T08:30:00.000Z',
        trigger: 'PUSH_UPGRADES',
      }),
      execution({
        id: '5',
        pipelineId: '11',
        status: 'FINISHED',
        createdAt: '2024-05-07T08:00:00.000Z',
        finishedAt: '2024-05-07T09:00:00.000Z',
      }),
    ];
    renderWithProviders(<ActivityPage />, { url: '/program/1/activity', path: paths.activity.path });
    const table = await screen.findByRole('grid', { name: 'Pipeline executions' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Unknown (WEIRD)');
    expect(rows[0]).toHaveTextContent('Trigger: push update');
    expect(rows[0]).toHaveTextContent('30 minutes');
    expect(rows[1]).toHaveTextContent('Finished');
  });
});
