/**
 * Against a real Cloud Manager (the fixture world: no simulator extensions), adding a pipeline is
 * not offered at all — no Setup Pipeline, no + Add — while the spec's Edit and Delete still are.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { paths } from '../../lib/paths';
import { setupFixtureServer } from '../../test/fixture-server';
import { renderWithProviders } from '../../test/render';
import OverviewPage from './overview-page';

const render = () => renderWithProviders(<OverviewPage />, { url: '/program/1', path: paths.overview.path });

describe('Program Overview on an API without the createPipeline extension', () => {
  const server = setupFixtureServer();

  it('the Pipelines card has no + Add; the row menu still offers Edit and Delete', async () => {
    const user = userEvent.setup();
    render();
    const card = await screen.findByRole('region', { name: 'Pipelines' });
    expect(await within(card).findByText('Production Pipeline')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Show All' })).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Add' })).not.toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Actions for Production Pipeline' }));
    expect(screen.getByRole('menuitem', { name: 'Edit' })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: 'Delete' })).toBeInTheDocument();
    // the fixtures offer no variables or cache links: those items are not offered
    expect(screen.queryByRole('menuitem', { name: 'View/Edit variables' })).not.toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Invalidate build cache' })).not.toBeInTheDocument();
  });

  it('a program without pipelines shows "From code to production" without a Setup Pipeline button', async () => {
    server.use(
      http.get('*/api/program/:programId/pipelines', ({ params }) =>
        HttpResponse.json({
          _totalNumberOfItems: 0,
          _embedded: { pipelines: [] },
          _links: { self: { href: `/api/program/${String(params.programId)}/pipelines` } },
        }),
      ),
    );
    render();
    expect(await screen.findByRole('heading', { name: 'From code to production' })).toBeInTheDocument();
    expect(screen.getByText('Learn more').closest('a')).toHaveAttribute('target', '_blank');
    expect(screen.queryByRole('button', { name: 'Setup Pipeline' })).not.toBeInTheDocument();
  });
});
