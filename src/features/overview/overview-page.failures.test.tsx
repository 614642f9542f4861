/** Program Overview when the API fails: each card reports its own failure with Retry; the rest stays. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { paths } from '../../lib/paths';
import { setupFixtureServer, world } from '../../test/fixture-server';
import { environmentList, execution } from '../../test/fixtures/hal';
import { renderWithProviders } from '../../test/render';
import OverviewPage from './overview-page';

const render = () => renderWithProviders(<OverviewPage />, { url: '/program/1', path: paths.overview.path });
const XSS = '<img src=x onerror=alert(1)>';

describe('Program Overview when the API fails', () => {
  const server = setupFixtureServer();

  it('a program that does not exist (404) says so with Retry', async () => {
    server.use(
      http.get('*/api/program/1', () =>
        HttpResponse.json({ title: 'Not Found', status: 404, detail: 'Program 1 was deleted.' }, { status: 404 }),
      ),
    );
    render();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the program');
    expect(alert).toHaveTextContent('Not Found: Program 1 was deleted.');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('503 on the environments: the Environments card says so, the pipelines still show, Retry recovers', async () => {
    const user = userEvent.setup();
    let down = true;
    server.use(
      http.get('*/api/program/:programId/environments', ({ params }) =>
        down
          ? new HttpResponse('', { status: 503, statusText: 'Service Unavailable' })
          : HttpResponse.json(environmentList(String(params.programId))),
      ),
    );
    render();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Cloud Manager is unavailable: could not load environments');
    expect(alert).toHaveTextContent('Cloud Manager is unavailable or under maintenance.');
    expect(await screen.findByRole('heading', { name: 'Deploy your Program' })).toBeInTheDocument();
    down = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Environments' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('403 on the program: says to check the API key, with Open Settings', async () => {
    server.use(
      http.get('*/api/program/1', () => HttpResponse.json({ error_code: '403003', message: 'Api Key is invalid' }, { status: 403 })),
    );
    render();
    expect(await screen.findByRole('alert')).toHaveTextContent('Access denied: Api Key is invalid. Check the API key');
    expect(screen.getByRole('button', { name: 'Open Settings' })).toBeInTheDocument();
  });

  it('network down for the pipelines: both pipeline cards say the API cannot be reached', async () => {
    server.use(http.get('*/api/program/:programId/pipelines', () => HttpResponse.error()));
    render();
    const alerts = await screen.findAllByRole('alert');
    expect(alerts).toHaveLength(2);
    for (const alert of alerts) expect(alert).toHaveTextContent('Could not reach the API to load pipelines');
  });

  it('an environment name carrying HTML is shown as text', async () => {
    server.use(
      http.get('*/api/program/:programId/environments', ({ params }) => {
        const list = environmentList(String(params.programId));
        const environments = list._embedded.environments.map((environment, index) =>
          index === 0 ? { ...environment, name: XSS } : environment,
        );
        return HttpResponse.json({ ...list, _embedded: { environments } });
      }),
    );
    const { container } = render();
    const card = (await screen.findByRole('heading', { name: 'Environments' })).closest('section') ?? container;
    expect(await within(card as HTMLElement).findByText(XSS)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows an execution status it does not know (off-spec) as Unknown, never as success', async () => {
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
});
