/** Build (start a run) when the API refuses or fails, and Build sent only once on a double click. */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { paths } from '../../lib/paths';
import { BASE, execution, executionHandlers, executionUrl, step, type RecordedPut } from '../../test/fixtures/execution-fixtures';
import { dismissToastsAfterEach } from '../../test/fixture-server';
import { setupEmptyServer } from '../../test/msw-server';
import { renderWithProviders } from '../../test/render';
import DeployPage from './deploy-page';

const server = setupEmptyServer();
dismissToastsAfterEach();

const running = execution([step('validate', 'FINISHED'), step('build', 'RUNNING', { links: ['logs', 'cancel'] })]);

function showIdle(start: Parameters<typeof http.put>[1]) {
  const puts: RecordedPut[] = [];
  server.use(http.put(`*${BASE}/execution`, start), ...executionHandlers(running, puts, { current: null }));
  return renderWithProviders(<DeployPage />, { url: '/program/1/pipeline/2', path: paths.deploy.path });
}

describe('Build when the API fails', () => {
  it('412 (pipeline busy): says it is already running, in place and in a toast', async () => {
    const user = userEvent.setup();
    showIdle(() =>
      HttpResponse.json(
        { type: 'about:blank', title: 'Pipeline is busy', status: 412, detail: 'Pipeline 2 already has a running execution.' },
        { status: 412, headers: { 'content-type': 'application/problem+json' } },
      ),
    );
    await user.click(await screen.findByRole('button', { name: 'Build' }));
    expect(await screen.findByRole('heading', { name: 'This pipeline is already running' })).toBeInTheDocument();
    expect(await screen.findByText('Pipeline is busy: Pipeline 2 already has a running execution.')).toBeInTheDocument();
  });

  it('network down: says the API cannot be reached and Build stays available', async () => {
    const user = userEvent.setup();
    showIdle(() => HttpResponse.error());
    await user.click(await screen.findByRole('button', { name: 'Build' }));
    expect(await screen.findByText(/^Cannot reach the API/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'This pipeline is already running' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Build' })).toBeEnabled());
  });

  it('401 from the gateway: the toast says to check the API key', async () => {
    const user = userEvent.setup();
    showIdle(() => HttpResponse.json({ error_code: '401013', message: 'Oauth token is not valid' }, { status: 401 }));
    await user.click(await screen.findByRole('button', { name: 'Build' }));
    expect(
      await screen.findByText('Not signed in: Oauth token is not valid. Check the API key, organisation and access token in Settings.'),
    ).toBeInTheDocument();
  });
});

describe('Build is sent once', () => {
  it('a double click on Build sends one start request and opens the new run', async () => {
    const user = userEvent.setup();
    const created = execution([step('validate', 'RUNNING')], { id: '302' });
    let starts = 0;
    const { router } = showIdle(async () => {
      starts++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return HttpResponse.json(created, { status: 201 });
    });
    server.use(http.get(`*${BASE}/execution/302`, () => HttpResponse.json(created)));
    // two clicks in the same tick, before React re-renders the button as pending
    const build = await screen.findByRole('button', { name: 'Build' });
    fireEvent.click(build);
    fireEvent.click(build);
    await user.dblClick(build);
    await waitFor(() => expect(router.state.location.pathname).toBe(executionUrl('302')));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(starts).toBe(1);
  });
});
