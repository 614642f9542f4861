import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setupFixtureServer } from '../../../test/fixture-server';
import { auditHandlers, auditRun, renderAudit } from '../../../test/audit-test-world';

/** 14 executions 300…287, newest first; 295 and 290 failed before their audit. */
function history() {
  return Array.from({ length: 14 }, (_, i) => {
    const id = String(300 - i);
    if (id === '295' || id === '290') return auditRun(id, null);
    return auditRun(id, { scores: { performance: 50 + i, accessibility: 90, 'best-practices': 80 - i, seo: 100 } });
  });
}

describe('Score trend', () => {
  const server = setupFixtureServer();
  beforeEach(() => server.use(...auditHandlers()));

  async function openTrend() {
    const user = userEvent.setup();
    const rendered = renderAudit(history());
    const toggle = await screen.findByRole('button', { name: 'Score trend' });
    await user.click(toggle);
    const chart = await screen.findByRole('group', { name: /Median scores of the last 12 runs/ });
    return { user, chart, ...rendered };
  }

  it('draws one focusable point per run with scores, oldest first, named with its scores', async () => {
    const { chart } = await openTrend();
    const links = within(chart).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('aria-label')?.split(':')[0])).toEqual([
      'Execution 287',
      'Execution 288',
      'Execution 289',
      'Execution 291',
      'Execution 292',
      'Execution 293',
      'Execution 294',
      'Execution 296',
      'Execution 297',
      'Execution 298',
      'Execution 299',
      'Execution 300 (this run)',
    ]);
    expect(links[0]).toHaveAccessibleName('Execution 287: Performance 63, Accessibility 90, Best Practices 67, SEO 100');
    expect(links[11]).toHaveAttribute('aria-current', 'page');
    expect(links[0]).toHaveAttribute('href', '/program/1/pipeline/2/execution/287');
  });

  it('has a table equivalent with one row per run', async () => {
    const { user } = await openTrend();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: 'Show as table' }));
    const table = screen.getByRole('table', { name: 'Median scores by run, oldest first' });
    const rows = within(table).getAllByRole('row');
    expect(
      within(rows[0])
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Execution', 'Audited', 'Performance', 'Accessibility', 'Best Practices', 'SEO']);
    expect(rows.slice(1)).toHaveLength(12);
    expect(rows[1]).toHaveTextContent('Execution 287');
    expect(within(rows[1]).getAllByRole('cell')[1]).toHaveTextContent('63 (Needs improvement)');
    expect(rows[12]).toHaveTextContent('Execution 300 (this run)');
    expect(within(rows[12]).getByRole('link', { name: 'Execution 300' })).toHaveAttribute('href', '/program/1/pipeline/2/execution/300');
  });

  it("a point opens its run's execution page", async () => {
    const { user, chart, router } = await openTrend();
    await user.click(within(chart).getByRole('link', { name: /^Execution 293:/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/program/1/pipeline/2/execution/293'));
  });

  it('a point is reached with Tab and opened with Enter', async () => {
    const { user, chart, router } = await openTrend();
    const target = within(chart).getByRole('link', { name: /^Execution 299:/ });
    within(chart)
      .getByRole('link', { name: /^Execution 298:/ })
      .focus();
    await user.tab();
    expect(target).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/program/1/pipeline/2/execution/299'));
  });
});
