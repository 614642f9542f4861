/** My Programs on the real simulator (seed 1): WKND Sites, We.Retail Global, Acme Intranet, Sandbox Playground. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { delay, http, HttpResponse } from 'msw';
import { entryPointHref, getJson } from '../../api/client';
import type { Execution, ProgramList } from '../../api/types';
import { parseApiTime } from '../../lib/format';
import { executionsOf, pipelinesOf, programNamed, setupSimulatorServer } from '../../test/simulator-server';
import { renderWithProviders } from '../../test/render';
import ProgramsPage from './programs-page';
import { STATISTICS_RUNS } from './use-program-statistics';

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

  it('draws the first cards complete, so none grows and pushes the others down (issue #17)', async () => {
    // Each program's own resource answers after the list (then the simulator answers it).
    sim.server.use(http.get('*/api/program/:programId', () => delay(300)));
    renderWithProviders(<ProgramsPage />);
    const cards = within(await screen.findByRole('list', { name: 'Programs' })).getAllByRole('article');
    // Read from each program's own resource, not from the list: there from the first frame.
    for (const card of cards) expect(card).toHaveTextContent('Experience Manager Cloud');
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

  it('statistics: the last 90 days of deployments, code quality issues and builds, as the API’s histories have them', async () => {
    const runs: Execution[] = [];
    for (const name of ['WKND Sites', 'We.Retail Global', 'Acme Intranet', 'Sandbox Playground', 'Summit Launch'])
      for (const pipeline of await pipelinesOf(await programNamed(name)))
        runs.push(...(await executionsOf(pipeline)).slice(0, STATISTICS_RUNS));
    const newest = Math.max(Date.now(), ...runs.map((run) => parseApiTime(run.createdAt)!.getTime()));
    const steps = runs
      .filter((run) => parseApiTime(run.createdAt)!.getTime() >= newest - 90 * 86_400_000)
      .flatMap((run) => run._embedded?.stepStates ?? []);
    const expected = {
      Deployments: steps.filter((s) => s.action === 'deploy' && s.environmentType === 'prod' && s.status === 'FINISHED').length,
      'Code quality issues': steps.filter((s) => s.action === 'codeQuality' && ['FAILED', 'WAITING'].includes(s.status)).length,
      Builds: steps.filter((s) => s.action === 'build' && s.status !== 'NOT_STARTED').length,
    };
    expect(expected.Deployments).toBeGreaterThan(0);
    expect(expected.Builds).toBeGreaterThan(expected.Deployments);
    renderWithProviders(<ProgramsPage />);
    const card = await screen.findByRole('region', { name: 'Your last 90 days' });
    for (const [label, value] of Object.entries(expected))
      await waitFor(() => expect(within(card).getByText(label).previousSibling).toHaveTextContent(String(value)));
  });

  it('statistics: a new organisation is welcomed with View tutorials instead', async () => {
    sim.server.use(http.get('*/executions', () => HttpResponse.json({ _totalNumberOfItems: 0, _embedded: { executions: [] } })));
    renderWithProviders(<ProgramsPage />);
    const card = await screen.findByRole('region', { name: 'Your last 90 days' });
    expect(await within(card).findByRole('heading', { name: 'Let’s get you started with Cloud Manager' })).toBeInTheDocument();
    expect(within(card).getByText('View tutorials').closest('a')).toHaveAttribute('target', '_blank');
  });

  it('Quick Links: three cards, each opening in a new tab', async () => {
    renderWithProviders(<ProgramsPage />);
    const quick = await screen.findByRole('region', { name: 'Quick Links' });
    expect(
      within(quick)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Admin Console', 'Cloud Manager documentation', 'Adobe Learning Manager']);
    const links = within(quick).getAllByRole('link', { name: /^Open / });
    expect(links).toHaveLength(3);
    for (const link of links) expect(link).toHaveAttribute('target', '_blank');
  });

  it('a card’s (i) shows the program’s details; its `...` menu opens the Overview, and Edit / Delete say why they are unavailable', async () => {
    const user = userEvent.setup();
    const { router } = renderWithProviders(<ProgramsPage />);
    await user.click(await screen.findByRole('button', { name: 'Details of WKND Sites' }));
    const details = await screen.findByRole('dialog', { name: 'WKND Sites' });
    expect(within(details).getByText('Program ID').nextSibling).toHaveTextContent('1');
    expect(within(details).getByText('Type').nextSibling).toHaveTextContent('Production');
    await user.keyboard('{Escape}');

    await user.click(screen.getByRole('button', { name: 'Actions for WKND Sites' }));
    let menu = await screen.findByRole('menu');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Environments', 'Program Overview', 'EditThe API offers no way to edit a program.']);
    expect(within(menu).getByRole('menuitem', { name: /^Edit/ })).toHaveAttribute('aria-disabled', 'true');
    await user.keyboard('{Escape}');

    await user.click(screen.getByRole('button', { name: 'Actions for Sandbox Playground' }));
    menu = await screen.findByRole('menu');
    const remove = within(menu).getByRole('menuitem', { name: /^Delete/ });
    expect(remove).toHaveAttribute('aria-disabled', 'true');
    expect(remove).toHaveTextContent('The API offers no link to delete this program.');
    await user.click(within(menu).getByRole('menuitem', { name: 'Program Overview' }));
    const sandbox = await programNamed('Sandbox Playground');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/program/${sandbox.id}`));
  });
});
