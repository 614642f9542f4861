import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { paths } from '../../lib/paths';
import { setupFixtureServer, world } from '../../test/fixture-server';
import { execution } from '../../test/fixtures/hal';
import { renderWithProviders } from '../../test/render';
import OverviewPage from './overview-page';

const render = () => renderWithProviders(<OverviewPage />, { url: '/program/1', path: paths.overview.path });

describe('Program Overview', () => {
  const server = setupFixtureServer();

  it('offers Deploy when the production pipeline never ran', async () => {
    const user = userEvent.setup();
    render();
    expect(await screen.findByRole('heading', { name: 'Deploy your Program' })).toBeInTheDocument();
    const cta = screen.getByRole('region', { name: 'Deployment' });
    expect(within(cta).getByText('Production Pipeline').tagName).toBe('B');
    await user.click(within(cta).getByRole('button', { name: 'Deploy' }));
    expect(await screen.findByTestId('location')).toHaveTextContent('/program/1/pipeline/10');
  });

  it('shows the last deployment status with a details link and Deploy', async () => {
    world.pipelineOptions = { prodLastStartedAt: '2024-05-08T08:00:00.000Z' };
    world.executionsByPipeline['10'] = [
      execution({
        id: '501',
        pipelineId: '10',
        status: 'FAILED',
        createdAt: '2024-05-08T08:00:00.000Z',
        finishedAt: '2024-05-08T09:00:00.000Z',
      }),
      execution({
        id: '500',
        pipelineId: '10',
        status: 'FINISHED',
        createdAt: '2024-05-01T08:00:00.000Z',
        finishedAt: '2024-05-01T09:00:00.000Z',
      }),
    ];
    render();
    expect(await screen.findByRole('heading', { name: 'Last deployment: Failed' })).toBeInTheDocument();
    const cta = screen.getByRole('region', { name: 'Deployment' });
    expect(within(cta).getByRole('link', { name: 'View details' })).toHaveAttribute('href', '/program/1/pipeline/10/execution/501');
    expect(within(cta).getByRole('button', { name: 'Deploy' })).toBeInTheDocument();
  });

  it('shows an unknown execution status as Unknown, never as success', async () => {
    world.executionsByPipeline['10'] = [
      execution({
        id: '502',
        pipelineId: '10',
        status: 'EXPLODED',
        createdAt: '2024-05-08T08:00:00.000Z',
        finishedAt: '2024-05-08T09:00:00.000Z',
      }),
    ];
    render();
    expect(await screen.findByRole('heading', { name: 'Last deployment: Unknown (EXPLODED)' })).toBeInTheDocument();
    expect(screen.queryByText('Finished')).not.toBeInTheDocument();
  });

  it('shows a running deployment with a link to it', async () => {
    world.pipelineOptions = { prodStatus: 'BUSY', prodLastStartedAt: '2024-05-08T08:00:00.000Z' };
    world.executionsByPipeline['10'] = [
      execution({ id: '503', pipelineId: '10', status: 'RUNNING', createdAt: '2024-05-08T08:00:00.000Z' }),
    ];
    render();
    expect(await screen.findByRole('heading', { name: 'Deployment in progress' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'View details' })).toHaveAttribute('href', '/program/1/pipeline/10/execution/503');
  });

  it('lists pipelines with type, repository and live status', async () => {
    render();
    const card = await screen.findByRole('region', { name: 'Pipelines' });
    const rows = await within(card).findAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent('Production Pipeline');
    expect(rows[1]).toHaveTextContent('Production');
    await waitFor(() => expect(rows[1]).toHaveTextContent('wknd — main'));
    expect(rows[1]).toHaveTextContent('Not running');
    expect(rows[2]).toHaveTextContent('Non-Production · Deployment');
    expect(rows[2]).toHaveTextContent('Running…');
    expect(rows[3]).toHaveTextContent('Non-Production · Code Quality');
    const environments = screen.getByRole('region', { name: 'Environments' });
    expect(within(environments).getAllByText('Running')).toHaveLength(3);
    expect(within(environments).getByRole('link', { name: 'https://author-p1-e202.adobeaemcloud.com' })).toBeInTheDocument();
  });

  it('runs a pipeline from its menu and opens the new execution', async () => {
    let started = false;
    server.use(
      http.put('*/api/program/1/pipeline/12/execution', () => {
        started = true;
        return HttpResponse.json(execution({ id: '900', pipelineId: '12', status: 'RUNNING', createdAt: '2024-05-08T10:00:00.000Z' }), {
          status: 201,
        });
      }),
    );
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByRole('button', { name: 'Actions for Code Quality' }));
    expect(screen.queryByRole('menuitem', { name: 'View last execution' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: 'Run' }));
    expect(await screen.findByTestId('location')).toHaveTextContent('/program/1/pipeline/12/execution/900');
    expect(started).toBe(true);
  });

  it('cancels a running pipeline after confirmation, on the step that offers cancel', async () => {
    const running = execution({ id: '800', pipelineId: '11', status: 'RUNNING', createdAt: '2024-05-08T08:00:00.000Z' });
    const steps = running._embedded?.stepStates ?? [];
    steps.push({
      id: '800-approval',
      stepId: '5',
      phaseId: '2',
      action: 'approval',
      status: 'WAITING',
      _links: {
        'http://ns.adobe.com/adobecloud/rel/pipeline/cancel': { href: '/api/program/1/pipeline/11/execution/800/phase/2/step/5/cancel' },
      },
    });
    world.executionsByPipeline['11'] = [running];
    let body: unknown;
    server.use(
      http.put('*/api/program/1/pipeline/11/execution/800/phase/2/step/5/cancel', async ({ request }) => {
        body = await request.json();
        return new HttpResponse(null, { status: 202 });
      }),
    );
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByRole('button', { name: 'Actions for Dev Deployment' }));
    await user.click(screen.getByRole('menuitem', { name: 'Cancel' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Cancel execution' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel execution' }));
    await waitFor(() => expect(body).toEqual({ approved: false }));
  });
});
