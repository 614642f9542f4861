import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { setActionsReadOnly } from '../../api/actions';
import { paths } from '../../lib/paths';
import {
  BASE,
  execution,
  executionHandlers,
  executionUrl,
  step,
  type FixtureOptions,
  type RecordedPut,
} from '../../test/fixtures/execution-fixtures';
import { setupEmptyServer } from '../../test/msw-server';
import { renderWithProviders } from '../../test/render';
import DeployPage from './deploy-page';

const server = setupEmptyServer();

const running = execution([step('validate', 'FINISHED'), step('build', 'RUNNING', { links: ['logs', 'cancel'] })]);

function show(options: FixtureOptions) {
  const puts: RecordedPut[] = [];
  server.use(...executionHandlers(running, puts, options));
  const result = renderWithProviders(<DeployPage />, { url: '/program/1/pipeline/2', path: paths.deploy.path });
  return { puts, ...result };
}

describe('Deploy to Production (pipeline page)', () => {
  it('an idle pipeline (404 on its execution link) shows "Not started", Build and every step greyed in future tense', async () => {
    show({ current: null });
    expect(await screen.findByRole('heading', { level: 3, name: 'Start Pipeline' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Not started');
    expect(screen.getByRole('button', { name: 'Build' })).toBeEnabled();
    expect(screen.getByText('Your pipeline will be verified against a set of pre-defined rules.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: /^Deploy to Production/ })).toBeInTheDocument();
    expect(screen.getAllByText('Artifact is awaiting Deployment')).toHaveLength(2);
    const nav = screen.getByRole('navigation', { name: 'Phases' });
    expect(
      within(nav)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Stage DeploymentPending', 'Stage testingPending', 'Production DeploymentPending']);
    expect(await screen.findByText('website')).toBeInTheDocument();
    expect(screen.queryByText(/Could not load/)).not.toBeInTheDocument();
  });

  it('Build PUTs the execution link and opens the new execution', async () => {
    const user = userEvent.setup();
    const created = execution([step('validate', 'RUNNING')], { id: '302' });
    const { puts, router } = show({ current: null, created });
    await user.click(await screen.findByRole('button', { name: 'Build' }));
    await waitFor(() => expect(puts).toEqual([{ url: `${BASE}/execution`, body: undefined }]));
    await waitFor(() => expect(router.state.location.pathname).toBe(executionUrl('302')));
  });

  it('a 412 answer says the pipeline is already running, with a link to the current run', async () => {
    const user = userEvent.setup();
    let answer: ReturnType<typeof execution> | null = null;
    const puts: RecordedPut[] = [];
    server.use(
      http.put(`*${BASE}/execution`, () => {
        answer = running; // someone else started it first
        return HttpResponse.json(
          { title: 'Precondition Failed', status: 412, detail: 'The pipeline is already running.' },
          { status: 412 },
        );
      }),
      ...executionHandlers(running, puts, {
        get current() {
          return answer;
        },
      }),
    );
    renderWithProviders(<DeployPage />, { url: '/program/1/pipeline/2', path: paths.deploy.path });
    await user.click(await screen.findByRole('button', { name: 'Build' }));
    expect(await screen.findByRole('heading', { name: 'This pipeline is already running' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'View the current execution 300' })).toHaveAttribute('href', executionUrl('300'));
  });

  it('a busy pipeline shows its current execution', async () => {
    show({});
    expect(await screen.findByRole('heading', { level: 3, name: 'Build & Unit Testing' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('In progress');
    expect(screen.queryByRole('button', { name: 'Build' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
  });
});

describe('Deploy to Production, read-only (the local proxy started with --read-only)', () => {
  afterEach(() => setActionsReadOnly(false));

  it('an idle pipeline shows its steps but no Build', async () => {
    setActionsReadOnly(true);
    show({ current: null });
    expect(await screen.findByRole('heading', { level: 3, name: 'Start Pipeline' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Build' })).not.toBeInTheDocument();
  });
});
