import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentSettings, useSettingsForRequests as applySettingsForRequests } from '../../api/client';
import { setupFixtureServer } from '../../test/fixture-server';
import { renderWithProviders } from '../../test/render';
import { SimulatorPanel } from './simulator-panel';

const state = {
  now: '2024-05-08T08:00:00.000Z',
  wallNow: '2024-05-08T08:00:00.000Z',
  speed: 30,
  outcome: 'mix',
  layout: 'standard',
  seed: 1,
};

const users = [
  { id: 'MARCO@AdobeID', name: 'Marco Bianchi', email: 'marco@example.com', roles: ['DEPLOYMENT_MANAGER'], permissions: [] },
  { id: 'SAM@AdobeID', name: 'Sam Okafor', email: 'sam@example.com', roles: ['DEVELOPER'], permissions: ['repositoryInfo'] },
];

/** The simulator's users, and who is signed in as the request's x-sim-user says (Marco by default). */
const userHandlers = (mode = 'embedded') => [
  http.get('*/_sim/webhooks', () =>
    HttpResponse.json({ title: 'Webhooks need the standalone server', status: 501, detail: 'Run npm run api.' }, { status: 501 }),
  ),
  http.get('*/_sim/users', () => HttpResponse.json({ mode, users })),
  http.get('*/_sim/whoami', ({ request }) =>
    HttpResponse.json({ ...(users.find((u) => u.id === request.headers.get('x-sim-user')) ?? users[0]), mode }),
  ),
];

describe('Simulator panel', () => {
  const server = setupFixtureServer();
  beforeEach(() => server.use(...userHandlers()));
  afterEach(() => applySettingsForRequests({ ...currentSettings(), simUser: '' }));

  it('Signed in as: lists the users with their roles; a choice is sent as x-sim-user from then on', async () => {
    server.use(http.get('*/_sim/state', () => HttpResponse.json(state)));
    const user = userEvent.setup();
    renderWithProviders(<SimulatorPanel close={() => {}} />);
    const picker = await screen.findByRole('button', { name: /Signed in as/ });
    await waitFor(() => expect(picker).toHaveTextContent('Marco Bianchi'));
    await user.click(picker);
    expect(await screen.findByRole('option', { name: 'Sam Okafor', description: 'Developer' })).toBeInTheDocument();
    await user.click(screen.getByRole('option', { name: /Sam Okafor/ }));
    await waitFor(() => expect(screen.getByRole('button', { name: /Signed in as/ })).toHaveTextContent('Sam Okafor'));
    expect(currentSettings().simUser).toBe('SAM@AdobeID');
  });

  it('Webhooks: in the browser, says they need the standalone server', async () => {
    server.use(http.get('*/_sim/state', () => HttpResponse.json(state)));
    renderWithProviders(<SimulatorPanel close={() => {}} />);
    expect(await screen.findByText(/Webhooks need the standalone server \(npm run api\)/)).toBeInTheDocument();
  });

  it("Webhooks: the standalone server's delivery log, newest first, with status or error and outcome", async () => {
    server.use(
      http.get('*/_sim/state', () => HttpResponse.json(state)),
      http.get('*/_sim/webhooks', () =>
        HttpResponse.json({
          webhooks: [
            { id: 'w1', url: 'http://localhost:9000/hook', created: state.now, state: 'failing', pending: 1, delivered: 1, failed: 0 },
          ],
        }),
      ),
      http.get('*/_sim/webhooks/w1/deliveries', () =>
        HttpResponse.json({
          deliveries: [
            {
              event_id: 'e1',
              code: 'pipeline_execution_start',
              executionId: '7',
              attempt: 1,
              status: 200,
              at: state.now,
              outcome: 'delivered',
            },
            {
              event_id: 'e2',
              code: 'pipeline_execution_step_start',
              executionId: '7',
              attempt: 1,
              error: 'connect ECONNREFUSED',
              at: state.now,
              outcome: 'retrying',
            },
          ],
        }),
      ),
    );
    renderWithProviders(<SimulatorPanel close={() => {}} />);
    expect(await screen.findByText(/http:\/\/localhost:9000\/hook — failing: 1 delivered, 1 pending, 0 failed/)).toBeInTheDocument();
    const rows = within(await screen.findByRole('grid', { name: 'Deliveries to http://localhost:9000/hook' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows[0]).toHaveTextContent('pipeline_execution_step_start');
    expect(rows[0]).toHaveTextContent('connect ECONNREFUSED');
    expect(rows[0]).toHaveTextContent('retrying');
    expect(rows[1]).toHaveTextContent('HTTP 200');
    expect(rows[1]).toHaveTextContent('delivered');
  });

  it('Signed in as cannot be changed when the server picks the user from the access token', async () => {
    server.use(
      http.get('*/_sim/state', () => HttpResponse.json(state)),
      ...userHandlers('tokens'),
    );
    renderWithProviders(<SimulatorPanel close={() => {}} />);
    expect(await screen.findByText('The server chooses the user from the access token (its --users file).')).toBeInTheDocument();
  });

  it('shows the state and sends controls to /_sim, refreshing the API data', async () => {
    const calls: { method: string; path: string; body: unknown }[] = [];
    server.use(
      http.get('*/_sim/state', () => HttpResponse.json(state)),
      ...[http.put, http.post].map((method) =>
        method('*/_sim/:control', async ({ request, params }) => {
          calls.push({ method: request.method, path: String(params.control), body: await request.json() });
          return HttpResponse.json({ ...state, outcome: 'testFailure' });
        }),
      ),
    );
    const user = userEvent.setup();
    const { queryClient } = renderWithProviders(<SimulatorPanel close={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Simulator controls — not part of Cloud Manager' })).toBeInTheDocument();
    expect(await screen.findByText(/May 8, 2024/)).toBeInTheDocument();
    queryClient.setQueryData(['cm', '/api/programs'], { stale: true });
    await user.click(screen.getByRole('button', { name: 'Jump 1 day' }));
    await waitFor(() => expect(calls).toContainEqual({ method: 'POST', path: 'clock', body: { advanceMs: 86_400_000 } }));
    await waitFor(() => expect(queryClient.getQueryState(['cm', '/api/programs'])?.isInvalidated).toBe(true));
    await user.click(screen.getByRole('button', { name: /Outcome of the next runs/ }));
    await user.click(await screen.findByRole('option', { name: 'Functional test failure' }));
    await waitFor(() => expect(calls).toContainEqual({ method: 'PUT', path: 'outcome', body: { outcome: 'testFailure' } }));
    await user.click(screen.getByRole('button', { name: 'Reset to seed data' }));
    await waitFor(() => expect(calls).toContainEqual({ method: 'POST', path: 'reset', body: { seed: 1 } }));
  });

  it('shows a failing control inline', async () => {
    server.use(
      http.get('*/_sim/state', () => HttpResponse.json(state)),
      http.put('*/_sim/speed', () =>
        HttpResponse.json({ title: 'Invalid speed', status: 400, detail: 'Speed must be between 1 and 3000.' }, { status: 400 }),
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<SimulatorPanel close={() => {}} />);
    await screen.findByText(/May 8, 2024/);
    await user.click(screen.getByRole('button', { name: /Speed/ }));
    await user.click(await screen.findByRole('option', { name: '600×' }));
    expect(await screen.findByText(/Speed must be between 1 and 3000/)).toBeInTheDocument();
  });

  it('says when the simulator cannot be reached', async () => {
    server.use(
      http.get('*/_sim/state', () =>
        HttpResponse.json({ title: 'Not found', status: 404, detail: 'No simulation control here.' }, { status: 404 }),
      ),
    );
    renderWithProviders(<SimulatorPanel close={() => {}} />);
    expect(await screen.findByText('Simulator not reachable')).toBeInTheDocument();
  });
});
