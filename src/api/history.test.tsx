import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupFixtureServer, world } from '../test/fixture-server';
import { execution, pipeline, PIPELINE_ID, step } from '../test/fixtures/execution-fixtures';
import { createTestQueryClient, renderWithProviders } from '../test/render';
import { useEarlierExecutions } from './history';

function Earlier({ executionId }: { executionId: string }) {
  const history = useEarlierExecutions(pipeline, executionId);
  if (history.isPending) return <p>loading</p>;
  return <p data-testid={`earlier-${executionId}`}>{history.executions.map((e) => e.id).join(',') || 'none'}</p>;
}

const run = (id: string) => execution([step('validate', 'FINISHED')], { id, status: 'FINISHED' });

describe('useEarlierExecutions', () => {
  setupFixtureServer();

  it('finds the runs before a newer execution even after an older one was shown with the same client', async () => {
    const queryClient = createTestQueryClient();
    world.executionsByPipeline[PIPELINE_ID] = [run('300'), run('299'), run('298')];
    const first = renderWithProviders(<Earlier executionId="300" />, { queryClient });
    expect(await screen.findByTestId('earlier-300')).toHaveTextContent('299,298');
    first.unmount();

    // A new run started elsewhere (another tab, a script): the cached list does not hold it.
    world.executionsByPipeline[PIPELINE_ID] = [run('301'), run('300'), run('299'), run('298')];
    renderWithProviders(<Earlier executionId="301" />, { queryClient });
    expect(await screen.findByTestId('earlier-301')).toHaveTextContent('300,299,298');
  });
});
