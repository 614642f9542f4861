/** A screen that crashes on an answer it cannot handle shows the route's error element, never a blank page. */
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { setupFixtureServer } from '../test/fixture-server';
import { createTestQueryClient } from '../test/render';
import { RouteError } from './route-error';
import { routes } from './router';
import { SpectrumProvider } from './spectrum-provider';

describe('Route error boundaries', () => {
  const server = setupFixtureServer();
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports the caught render error
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('an environment list of the wrong shape: the Overview shows "Something went wrong" with Try again, the shell stays', async () => {
    server.use(http.get('*/api/program/:programId/environments', () => HttpResponse.json({ _embedded: { environments: 'not a list' } })));
    const router = createMemoryRouter(routes, { initialEntries: ['/program/1'] });
    render(
      <QueryClientProvider client={createTestQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    // Three reads and the Overview's chunk: more than findByRole's default second on a busy machine.
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(within(alert).getByRole('heading', { name: 'Something went wrong on this page' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to My Programs' })).toHaveAttribute('href', '/');
    expect(screen.getByRole('button', { name: 'Settings' })).toBeInTheDocument(); // the shell is still there
  });

  it('a 401 that reaches the error element says to check the API key and opens Settings', async () => {
    const user = userEvent.setup();
    const Crash = () => {
      throw new ApiError(
        401,
        'Not signed in',
        'Oauth token is not valid. Check the API key, organisation and access token in Settings.',
        'http',
      );
    };
    const router = createMemoryRouter([
      {
        path: '/',
        Component: Crash,
        errorElement: (
          <SpectrumProvider>
            <RouteError />
          </SpectrumProvider>
        ),
      },
    ]);
    render(<RouterProvider router={router} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Not signed in: Oauth token is not valid. Check the API key');
    await user.click(screen.getByRole('button', { name: 'Open Settings' }));
    expect(await screen.findByRole('textbox', { name: 'API key' })).toBeInTheDocument();
  });
});
