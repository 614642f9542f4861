import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
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

describe('Simulator panel', () => {
  const server = setupFixtureServer();

  it('shows the state and sends controls to /_sim, refreshing the API data', async () => {
    const calls: { method: string; path: string; body: unknown }[] = [];
    server.use(
      http.get('*/_sim/state', () => HttpResponse.json(state)),
      http.all('*/_sim/:control', async ({ request, params }) => {
        calls.push({ method: request.method, path: String(params.control), body: await request.json() });
        return HttpResponse.json({ ...state, outcome: 'testFailure' });
      }),
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
