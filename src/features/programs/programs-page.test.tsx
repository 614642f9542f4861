import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setupFixtureServer } from '../../test/fixture-server';
import { programList } from '../../test/fixtures/hal';
import { renderWithProviders } from '../../test/render';
import ProgramsPage from './programs-page';

describe('My Programs', () => {
  const server = setupFixtureServer();

  it('renders a card per program with type, sandbox tag, status and solutions', async () => {
    renderWithProviders(<ProgramsPage />);
    expect(await screen.findByRole('heading', { name: 'My Programs' })).toBeInTheDocument();
    const wknd = (await screen.findByRole('link', { name: 'WKND Sites' })).closest('article') as HTMLElement;
    expect(wknd).toBeTruthy();
    expect(await within(wknd).findByText('Experience Manager Cloud')).toBeInTheDocument();
    expect(within(wknd).getByText('Ready')).toBeInTheDocument();
    expect(within(wknd).getByText('Sites, Assets')).toBeInTheDocument();
    expect(within(wknd).queryByText('Sandbox')).not.toBeInTheDocument();
    const sandbox = screen.getByRole('link', { name: 'Sandbox Playground' }).closest('article') as HTMLElement;
    expect(await within(sandbox).findByText('Sandbox')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'WKND Sites' })).toHaveAttribute('href', '/program/1');
  });

  it('filters by name and keeps the search in the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderWithProviders(<ProgramsPage />);
    await screen.findByRole('link', { name: 'WKND Sites' });
    await user.type(screen.getByRole('searchbox', { name: 'Search programs' }), 'sand');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'WKND Sites' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'Sandbox Playground' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?q=sand');
  });

  it('sorts by name descending from the URL and shows the list view', async () => {
    renderWithProviders(<ProgramsPage />, { url: '/?sort=name&dir=desc&view=list' });
    const table = await screen.findByRole('grid', { name: 'Programs' });
    const rows = await within(table).findAllByRole('row');
    expect(rows[1]).toHaveTextContent('WKND Sites');
    expect(rows[2]).toHaveTextContent('Sandbox Playground');
  });

  it('shows an error with Retry, and recovers', async () => {
    let fail = true;
    server.use(
      http.get('*/api/programs', () =>
        fail
          ? HttpResponse.json({ title: 'Service unavailable', status: 503, detail: 'Down for maintenance.' }, { status: 503 })
          : HttpResponse.json(programList()),
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<ProgramsPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Down for maintenance.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'WKND Sites' })).toBeInTheDocument();
  });

  it('opens the Program Overview when the card itself is clicked', async () => {
    const user = userEvent.setup();
    const { router } = renderWithProviders(<ProgramsPage />);
    const card = (await screen.findByRole('link', { name: 'WKND Sites' })).closest('article') as HTMLElement;
    await user.click(within(card).getByText('Date created:'));
    expect(router.state.location.pathname).toBe('/program/1');
  });

  it('shows 1,000 programs 50 at a time, reading only the shown programs, and keeps sort and view across pages', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => {
      const id = String(1000 + i);
      return {
        id,
        name: `Program ${String(i).padStart(4, '0')}`,
        status: 'ready',
        createdAt: '2026-01-01T00:00:00.000+0000',
        _links: { self: { href: `/api/program/${id}` } },
      };
    });
    let detailRequests = 0;
    server.use(
      http.get('*/api/programs', () =>
        HttpResponse.json({ _totalNumberOfItems: many.length, _embedded: { programs: many }, _links: { self: { href: '/api/programs' } } }),
      ),
      http.get('*/api/program/:programId', ({ params }) => {
        detailRequests += 1;
        const p = many.find((m) => m.id === params.programId)!;
        return HttpResponse.json({ ...p, type: 'aem_cloud_service', solutions: ['Sites'] });
      }),
    );
    const user = userEvent.setup();
    const { router } = renderWithProviders(<ProgramsPage />, { url: '/?sort=name' });
    const grid = await screen.findByRole('list', { name: 'Programs' });
    expect(within(grid).getAllByRole('article')).toHaveLength(50);
    expect(within(grid).getAllByRole('link')[0]).toHaveTextContent('Program 0000');
    const pages = screen.getByRole('navigation', { name: 'Programs pages' });
    expect(pages).toHaveTextContent('1–50 of 1000');
    await waitFor(() => expect(detailRequests).toBe(50));

    await user.click(within(pages).getByRole('button', { name: 'Next' }));
    expect(router.state.location.search).toBe('?sort=name&page=2');
    expect(await within(grid).findByRole('link', { name: 'Program 0050' })).toBeInTheDocument();
    expect(within(grid).getAllByRole('article')).toHaveLength(50);
    expect(pages).toHaveTextContent('51–100 of 1000');
    await waitFor(() => expect(detailRequests).toBe(100));

    // The list view pages the same way; a new order starts at the first page.
    await user.click(screen.getByRole('button', { name: 'List view' }));
    const table = await screen.findByRole('grid', { name: 'Programs' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Program 0050');
    await user.click(screen.getByRole('button', { name: /Sort ascending/ }));
    await waitFor(() =>
      expect(within(screen.getByRole('grid', { name: 'Programs' })).getAllByRole('row')[1]).toHaveTextContent('Program 0999'),
    );
    expect(router.state.location.search).not.toContain('page=');
  });
});
