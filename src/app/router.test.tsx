import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setupFixtureServer } from '../test/fixture-server';
import { createTestQueryClient } from '../test/render';
import { routes } from './router';

function renderAt(url: string) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  return render(
    <QueryClientProvider client={createTestQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('Routes', () => {
  setupFixtureServer();

  it('loads My Programs lazily at /', async () => {
    renderAt('/');
    expect(await screen.findByRole('heading', { name: 'My Programs' })).toBeInTheDocument();
  });

  it('loads the Overview, Activity and Pipelines screens inside a program', async () => {
    renderAt('/program/1/pipelines');
    expect(await screen.findByRole('heading', { name: 'Pipelines', level: 1 })).toBeInTheDocument();
    // the side menu is its own chunk (not in My Programs' first load)
    expect(await screen.findByRole('navigation', { name: 'Program' }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('loads Environments, an environment, Repositories and Reports inside a program', async () => {
    for (const [url, heading] of [
      ['/program/1/environments', 'Environments'],
      ['/program/1/environment/200', 'wknd-dev'],
      ['/program/1/repositories', 'Repositories'],
      ['/program/1/reports', 'Reports'],
    ]) {
      const { unmount } = renderAt(url);
      expect(await screen.findByRole('heading', { name: heading, level: 1 })).toBeInTheDocument();
      unmount();
    }
  });

  it('answers an unknown console URL with a 404 page', async () => {
    renderAt('/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to My Programs' })).toHaveAttribute('href', '/');
  });

  it('shows a missing program as an error with Retry, not a blank page', async () => {
    renderAt('/program/999');
    expect(await screen.findByRole('alert')).toHaveTextContent('There is no program 999.');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
