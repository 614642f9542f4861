/** My Programs on the real simulator (seed 1): WKND Sites, We.Retail Global, Acme Intranet, Sandbox Playground. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { entryPointHref, getJson } from '../../api/client';
import type { ProgramList } from '../../api/types';
import { setupSimulatorServer } from '../../test/simulator-server';
import { renderWithProviders } from '../../test/render';
import ProgramsPage from './programs-page';

const byName = (a: string, b: string) => a.localeCompare(b);

describe('My Programs', () => {
  const sim = setupSimulatorServer();

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
    // WKND Sites, We.Retail Global, Acme Intranet, Sandbox Playground, and Summit Launch (no pipeline yet)
    expect(screen.getAllByRole('article')).toHaveLength(5);
    expect(screen.getByRole('link', { name: 'WKND Sites' })).toHaveAttribute('href', '/program/1');
  });

  it('filters by name and keeps the search in the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderWithProviders(<ProgramsPage />);
    await screen.findByRole('link', { name: 'WKND Sites' });
    await user.type(screen.getByRole('searchbox', { name: 'Search programs' }), 'sand');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'WKND Sites' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'Sandbox Playground' })).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(1);
    expect(router.state.location.search).toBe('?q=sand');
  });

  it('sorts by name descending from the URL and shows the list view', async () => {
    renderWithProviders(<ProgramsPage />, { url: '/?sort=name&dir=desc&view=list' });
    // the list view's code loads when it is chosen
    const table = await screen.findByRole('grid', { name: 'Programs' }, { timeout: 5000 });
    const rows = (await within(table).findAllByRole('row')).slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('WKND Sites'),
      expect.stringContaining('We.Retail Global'),
      expect.stringContaining('Summit Launch'),
      expect.stringContaining('Sandbox Playground'),
      expect.stringContaining('Acme Intranet'),
    ]);
  });

  it('opens the Program Overview when the card itself is clicked', async () => {
    const user = userEvent.setup();
    const { router } = renderWithProviders(<ProgramsPage />);
    const card = (await screen.findByRole('link', { name: 'WKND Sites' })).closest('article') as HTMLElement;
    await user.click(within(card).getByText('Date created:'));
    expect(router.state.location.pathname).toBe('/program/1');
  });

  it('shows 1,000 programs 50 at a time, reading only the shown programs, and keeps sort and view across pages', async () => {
    await sim.control('POST', 'populate', { programs: 1000 });
    const names = ((await getJson<ProgramList>(entryPointHref()))._embedded?.programs ?? []).map((p) => p.name).sort(byName);
    expect(names).toHaveLength(1000);
    let detailRequests = 0;
    sim.server.events.on('request:start', ({ request }) => {
      if (/\/api\/program\/[^/]+$/.test(new URL(request.url).pathname)) detailRequests += 1;
    });
    const user = userEvent.setup();
    const { router } = renderWithProviders(<ProgramsPage />, { url: '/?sort=name' });
    const grid = await screen.findByRole('list', { name: 'Programs' });
    expect(within(grid).getAllByRole('article')).toHaveLength(50);
    expect(within(grid).getAllByRole('link')[0]).toHaveTextContent(names[0]);
    const pages = screen.getByRole('navigation', { name: 'Programs pages' });
    expect(pages).toHaveTextContent('1–50 of 1000');
    await waitFor(() => expect(detailRequests).toBe(50));

    await user.click(within(pages).getByRole('button', { name: 'Next' }));
    expect(router.state.location.search).toBe('?sort=name&page=2');
    expect(await within(grid).findByRole('link', { name: names[50] })).toBeInTheDocument();
    expect(within(grid).getAllByRole('article')).toHaveLength(50);
    expect(pages).toHaveTextContent('51–100 of 1000');
    await waitFor(() => expect(detailRequests).toBe(100));

    // The list view pages the same way; a new order starts at the first page.
    await user.click(screen.getByRole('button', { name: 'List view' }));
    const table = await screen.findByRole('grid', { name: 'Programs' }, { timeout: 5000 });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(names[50]);
    await user.click(screen.getByRole('button', { name: /Sort ascending/ }));
    await waitFor(() =>
      expect(within(screen.getByRole('grid', { name: 'Programs' })).getAllByRole('row')[1]).toHaveTextContent(names[999]),
    );
    expect(router.state.location.search).not.toContain('page=');
  }, 60_000);
});
