import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setupFixtureServer } from '../../../test/fixture-server';
import { auditHandlers, auditRun, makePages, renderAudit } from '../../../test/audit-test-world';

/** The body rows of a grid, as the text of their first cell (the page path). */
const rowPaths = (grid: HTMLElement) =>
  within(grid)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('rowheader').textContent);
const cellOf = (grid: HTMLElement, path: string, column: number) => {
  const row = within(grid)
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('rowheader')?.textContent === path)!;
  return within(row).getAllByRole('gridcell')[column];
};

describe('View slowest pages', () => {
  const server = setupFixtureServer();
  beforeEach(() => server.use(...auditHandlers()));

  it('lists the 5 lowest-Performance pages, lowest first, with changes from the same page; Desktop shows the desktop scores', async () => {
    const user = userEvent.setup();
    const perf = [72, 41, 88, 55, 63, 97, 50];
    const before = makePages(7, (i) => perf[i]).map((page) =>
      page.path === '/page-2' ? { ...page, mobile: { ...page.mobile, performance: 47 } } : page,
    );
    renderAudit([
      auditRun('300', { scores: { performance: 63 }, pages: makePages(7, (i) => perf[i]) }),
      auditRun('299', { scores: { performance: 60 }, pages: before.slice(0, 6) }),
    ]);
    await user.click(await screen.findByRole('button', { name: 'View slowest pages' }));
    const dialog = await screen.findByRole('dialog', { name: 'Slowest 5 pages' });
    const grid = await within(dialog).findByRole('grid', { name: 'Slowest pages (Mobile)' });
    expect(rowPaths(grid)).toEqual(['/page-2', '/page-7', '/page-4', '/page-5', '/page-1']);
    // Performance cell: score, band for screen readers, change from the same page in execution 299
    expect(cellOf(grid, '/page-2', 0)).toHaveTextContent('41 (Poor)−6down 6 from the previous run');
    expect(cellOf(grid, '/page-1', 0)).toHaveTextContent('72 (Needs improvement)No Change');
    // /page-7 was not audited in the previous run
    expect(cellOf(grid, '/page-7', 0)).toHaveTextContent('50 (Needs improvement)N/A');
    expect(within(dialog).getByText('Changes compare each page with execution 299.')).toBeInTheDocument();
    expect(within(dialog).getByText(/Per-page scores: simulator extension/)).toBeInTheDocument();

    expect(within(dialog).getByRole('radio', { name: 'Mobile' })).toBeChecked();
    await user.click(within(dialog).getByRole('radio', { name: 'Desktop' }));
    const desktop = await within(dialog).findByRole('grid', { name: 'Slowest pages (Desktop)' });
    expect(rowPaths(desktop)).toEqual(['/page-2', '/page-7', '/page-4', '/page-5', '/page-1']);
    expect(cellOf(desktop, '/page-2', 0)).toHaveTextContent(/^61 \(Needs improvement\)/);
    expect(cellOf(desktop, '/page-4', 3)).toHaveTextContent(/^100 \(Good\)No Change/);

    await user.click(within(dialog).getByRole('button', { name: 'View full report' }));
    expect(await screen.findByRole('dialog', { name: 'Experience audit report' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Slowest 5 pages' })).not.toBeInTheDocument();
  });

  it('shows fewer rows when fewer pages were audited', async () => {
    const user = userEvent.setup();
    renderAudit([auditRun('300', { scores: { performance: 63 }, pages: makePages(2, (i) => 60 - i) })]);
    await user.click(await screen.findByRole('button', { name: 'View slowest pages' }));
    const grid = await screen.findByRole('grid', { name: 'Slowest pages (Mobile)' });
    expect(rowPaths(grid)).toEqual(['/page-2', '/page-1']);
    expect(screen.getByText('No earlier run has audit scores: changes are N/A.')).toBeInTheDocument();
  });
});

describe('View full report', () => {
  const server = setupFixtureServer();
  beforeEach(() => server.use(...auditHandlers()));

  async function openReport() {
    const user = userEvent.setup();
    const perf = (i: number) => [33, 91, 47, 78, 12, 65, 88, 59, 70, 25, 99, 50][i];
    renderAudit([
      auditRun('300', {
        scores: { performance: 62 },
        pages: makePages(12, perf),
        failedPages: [{ path: '/private', reason: 'The page could not be accessed because of the configuration' }],
      }),
      auditRun('299', { scores: { performance: 60 }, pages: makePages(12, (i) => perf(i) + 1) }),
    ]);
    await user.click(await screen.findByRole('button', { name: 'View full report' }));
    const dialog = await screen.findByRole('dialog', { name: 'Experience audit report' });
    return { user, dialog, grid: await within(dialog).findByRole('grid', { name: 'Audited pages (Mobile)' }) };
  }

  it('pages through every audited page, 10 at a time, worst Performance first', async () => {
    const { user, dialog, grid } = await openReport();
    expect(rowPaths(grid)).toEqual([
      '/page-5',
      '/page-10',
      '/page-1',
      '/page-3',
      '/page-12',
      '/page-8',
      '/page-6',
      '/page-9',
      '/page-4',
      '/page-7',
    ]);
    expect(within(dialog).getByText('1–10 of 12')).toBeInTheDocument();
    expect(cellOf(grid, '/page-5', 0)).toHaveTextContent(`12 (Poor)−1`);
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(rowPaths(within(dialog).getByRole('grid'))).toEqual(['/page-2', '/page-11']));
    expect(within(dialog).getByText('11–12 of 12')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Next' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Previous' }));
    await waitFor(() => expect(within(dialog).getByText('1–10 of 12')).toBeInTheDocument());
  });

  it('sorts by a column, either way, back on the first page', async () => {
    const { user, dialog, grid } = await openReport();
    const header = within(grid).getByRole('columnheader', { name: /Performance/ });
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    await user.click(header);
    await waitFor(() => expect(within(grid).getByRole('columnheader', { name: /Performance/ })).toHaveAttribute('aria-sort', 'descending'));
    expect(rowPaths(grid).slice(0, 3)).toEqual(['/page-11', '/page-2', '/page-7']);
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.click(within(grid).getByRole('columnheader', { name: 'Page' }));
    await waitFor(() => expect(within(dialog).getByText('1–10 of 12')).toBeInTheDocument());
    expect(rowPaths(grid).slice(0, 4)).toEqual(['/page-1', '/page-10', '/page-11', '/page-12']);
  });

  it('lists the pages that could not be audited, and opens a page for all five scores, PWA included', async () => {
    const { user, dialog, grid } = await openReport();
    expect(within(dialog).getByRole('heading', { name: '1 page could not be audited' })).toBeInTheDocument();
    expect(within(dialog).getByText('/private')).toBeInTheDocument();
    expect(within(dialog).getByText('The page could not be accessed because of the configuration')).toBeInTheDocument();
    expect(within(grid).queryByText(/PWA/)).not.toBeInTheDocument();

    await user.click(within(grid).getByRole('rowheader', { name: '/page-5' }));
    const details = await screen.findByRole('dialog', { name: 'Page details: /page-5' });
    const table = within(details).getByRole('table', { name: /Scores of \/page-5/ });
    const row = (name: string) => within(table).getByRole('rowheader', { name }).closest('tr')!;
    expect(within(table).getAllByRole('row')).toHaveLength(6);
    expect(row('PWA')).toHaveTextContent('44 (Poor)No Change');
    expect(row('PWA')).toHaveTextContent('64 (Needs improvement)No Change');
    expect(row('Performance')).toHaveTextContent('12 (Poor)−1');
    expect(row('Performance')).toHaveTextContent('32 (Poor)−1');
    await user.click(within(details).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Page details: /page-5' })).not.toBeInTheDocument());
    expect(screen.getByRole('dialog', { name: 'Experience audit report' })).toBeInTheDocument();
  });
});
