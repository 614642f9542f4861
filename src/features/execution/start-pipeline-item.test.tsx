import { useState } from 'react';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setupFixtureServer } from '../../test/fixture-server';
import { BASE, execution, pipeline, step } from '../../test/fixtures/execution-fixtures';
import { renderWithProviders } from '../../test/render';
import { StartPipelineItem } from './start-pipeline-item';

let showRunInstead: () => void = () => {};

/** The Deploy page before a run: Build, until a poll shows the pipeline's current run instead. */
function NotStarted() {
  const [started, setStarted] = useState(false);
  showRunInstead = () => setStarted(true);
  return started ? <p>Run in progress</p> : <StartPipelineItem pipeline={pipeline} onConflict={() => {}} />;
}

describe('StartPipelineItem', () => {
  const server = setupFixtureServer();

  it('opens the new execution even when a poll showed the run before the API answered the start', async () => {
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      // not the simulator: no signed-in user of its own
      http.get('*/_sim/whoami', () => new HttpResponse(null, { status: 404 })),
      http.put(`*${BASE}/execution`, async () => {
        await answered;
        return HttpResponse.json(execution([step('validate', 'RUNNING')], { id: '500', status: 'RUNNING' }), { status: 201 });
      }),
    );
    renderWithProviders(<NotStarted />, { path: '/program/:programId/pipeline/:pipelineId', url: '/program/1/pipeline/2' });

    await userEvent.click(await screen.findByRole('button', { name: 'Build' }));
    // The run exists on the server; the page's poll sees it first and the Build button goes away.
    act(() => showRunInstead());
    expect(screen.getByText('Run in progress')).toBeInTheDocument();
    answer();

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/program/1/pipeline/2/execution/500'));
  });
});
