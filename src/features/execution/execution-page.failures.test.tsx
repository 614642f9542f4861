/**
 * The execution page when the API fails or answers something unexpected: a message in place with
 * Retry (never a blank page), polling that recovers by itself, unknown statuses shown as unknown,
 * actions that are sent once and say clearly when someone else decided first.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { paths } from '../../lib/paths';
import { LIST_POLL_MS, POLL_INTERVAL_MS } from '../../api/polling';
import { queryKeys } from '../../api/query-keys';
import type { Execution } from '../../api/types';
import {
  BASE,
  HTTP_REL,
  PROGRAM_ID,
  execution,
  executionHandlers,
  executionUrl,
  finishedStageSteps,
  pipeline,
  step,
  type FixtureOptions,
  type RecordedPut,
} from '../../test/fixtures/execution-fixtures';
import { dismissToastsAfterEach } from '../../test/fixture-server';
import { setupEmptyServer } from '../../test/msw-server';
import { fakePollTimers } from '../../test/poll-clock';
import { renderWithProviders } from '../../test/render';
import ExecutionPage from './execution-page';

const server = setupEmptyServer();
dismissToastsAfterEach();

const XSS = '<img src=x onerror=alert(1)><script>alert(2)</script>';

function show(exec: Execution | (() => Execution), options: FixtureOptions = {}, overrides: Parameters<typeof server.use> = []) {
  const puts: RecordedPut[] = [];
  server.use(...overrides, ...executionHandlers(exec, puts, options));
  const result = renderWithProviders(<ExecutionPage />, { url: executionUrl(), path: paths.execution.path });
  return { puts, ...result };
}

function stepItem(title: string): HTMLElement {
  return screen.getByRole('heading', { level: 3, name: new RegExp(`^${title}`) }).closest('li') as HTMLElement;
}

const waitingApproval = () =>
  execution([
    ...finishedStageSteps(),
    step('approval', 'WAITING', { environmentType: 'prod', links: ['advance', 'cancel'] }),
    step('deploy', 'NOT_STARTED', { environmentType: 'prod' }),
  ]);

async function confirmApprove(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('heading', { level: 3, name: 'Application for Approval' });
  await user.click(within(stepItem('Application for Approval')).getByRole('button', { name: 'Approve' }));
  const dialog = await screen.findByRole('alertdialog', { name: 'Approve the deployment to production?' });
  await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
}

describe('Execution page when the API fails', () => {
  it('an execution that vanished (404) says it does not exist, with Retry', async () => {
    show(execution([step('validate', 'FINISHED')], { id: '999' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the execution');
    expect(alert).toHaveTextContent('It does not exist (any more).');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('an execution that vanishes while it is shown is reported in place on the next poll', async () => {
    let gone = false;
    const running = execution([step('validate', 'FINISHED'), step('build', 'RUNNING')]);
    show(running, {}, [
      http.get(`*${BASE}/execution/300`, () =>
        gone
          ? HttpResponse.json({ title: 'Not Found', status: 404, detail: 'Execution 300 was deleted.' }, { status: 404 })
          : HttpResponse.json(running),
      ),
    ]);
    const nextPoll = fakePollTimers();
    await screen.findByRole('heading', { level: 3, name: 'Build & Unit Testing' });
    gone = true;
    await nextPoll(POLL_INTERVAL_MS);
    expect(await screen.findByRole('alert')).toHaveTextContent('Not Found: Execution 300 was deleted.');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('a pipeline without the execution/id link says which link is missing', async () => {
    const links = { ...pipeline._links };
    delete links[`${HTTP_REL}execution/id`];
    show(execution([step('validate', 'FINISHED')]), {}, [
      http.get(`*/api/program/${PROGRAM_ID}/pipelines`, () =>
        HttpResponse.json({ _embedded: { pipelines: [{ ...pipeline, _links: links }] } }),
      ),
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Missing link: The API did not offer a link to this execution.');
  });

  it('a 500 on the pipelines list says so, and Retry shows the execution', async () => {
    const user = userEvent.setup();
    let failing = true;
    show(execution([step('validate', 'FINISHED')]), {}, [
      http.get(`*/api/program/${PROGRAM_ID}/pipelines`, () =>
        failing
          ? HttpResponse.json({ title: 'Internal Server Error', status: 500, detail: 'Database timeout.' }, { status: 500 })
          : HttpResponse.json({ _embedded: { pipelines: [pipeline] } }),
      ),
    ]);
    expect(await screen.findByRole('alert')).toHaveTextContent('Internal Server Error: Database timeout.');
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 3, name: 'Validation' })).toBeInTheDocument();
  });

  it('a failed refresh of the pipelines list keeps the running execution on screen under a notice, and recovers by itself', async () => {
    let answer: 'ok' | 'down' = 'ok';
    const running = execution([step('validate', 'FINISHED'), step('build', 'RUNNING')]);
    const { queryClient } = show(running, {}, [
      http.get(`*/api/program/${PROGRAM_ID}/pipelines`, () =>
        answer === 'down'
          ? HttpResponse.json({ title: 'Service Unavailable', status: 503, detail: 'Cloud Manager is in maintenance.' }, { status: 503 })
          : HttpResponse.json({ _embedded: { pipelines: [pipeline] } }),
      ),
    ]);
    const nextPoll = fakePollTimers();
    await screen.findByRole('heading', { level: 3, name: 'Build & Unit Testing' });
    // the list is read again while the API is down (as the bell does when the journal moves)
    answer = 'down';
    await queryClient.invalidateQueries({ queryKey: queryKeys.resource(`/api/program/${PROGRAM_ID}/pipelines`) });
    expect(await screen.findByRole('alert')).toHaveTextContent('Cloud Manager is in maintenance.');
    expect(screen.getByRole('alert')).toHaveTextContent('Showing what was loaded before; the console keeps trying.');
    expect(screen.getByRole('heading', { level: 3, name: 'Build & Unit Testing' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeInTheDocument();
    answer = 'ok';
    // nobody presses Retry: the failed list is read again after its backoff (twice its 5 s pace)
    await nextPoll(2 * LIST_POLL_MS);
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { level: 3, name: 'Build & Unit Testing' })).toBeInTheDocument();
  });

  it('a 403 on the execution says to check the API key and offers Settings', async () => {
    show(execution([step('validate', 'FINISHED')]), {}, [
      http.get(`*${BASE}/execution/300`, () => HttpResponse.json({ error_code: '403003', message: 'Api Key is invalid' }, { status: 403 })),
    ]);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Api Key is invalid. Check the API key, organisation and access token in Settings.',
    );
    expect(screen.getByRole('button', { name: 'Open Settings' })).toBeInTheDocument();
  });

  it('malformed JSON for the execution is reported, not rendered blank', async () => {
    show(execution([step('validate', 'FINISHED')]), {}, [
      http.get(
        `*${BASE}/execution/300`,
        () => new HttpResponse('{"id": "300", "status": "RUN', { headers: { 'content-type': 'application/json' } }),
      ),
    ]);
    expect(await screen.findByRole('alert')).toHaveTextContent('Unreadable answer from the API');
  });

  it('polling survives a 503: the page says so, then shows the execution again by itself', async () => {
    let answer: 'ok' | 'down' = 'ok';
    const running = execution([step('validate', 'FINISHED'), step('build', 'RUNNING')]);
    show(running, {}, [
      http.get(`*${BASE}/execution/300`, () =>
        answer === 'down'
          ? HttpResponse.json({ title: 'Service Unavailable', status: 503, detail: 'Cloud Manager is in maintenance.' }, { status: 503 })
          : HttpResponse.json(running),
      ),
    ]);
    const nextPoll = fakePollTimers();
    await screen.findByRole('heading', { level: 3, name: 'Build & Unit Testing' });
    answer = 'down';
    await nextPoll(POLL_INTERVAL_MS);
    expect(await screen.findByRole('alert')).toHaveTextContent('Cloud Manager is in maintenance.');
    answer = 'ok';
    // nobody presses Retry: the backed-off poll (twice the interval after one failure) brings the page back
    await nextPoll(2 * POLL_INTERVAL_MS);
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { level: 3, name: 'Build & Unit Testing' })).toBeInTheDocument();
  });
});

describe('Unknown values from the API', () => {
  it('an unknown execution status reads "Unknown (EXPLODED)", never a success or a running word', async () => {
    show(execution([step('validate', 'FINISHED')], { status: 'EXPLODED' }));
    await screen.findByRole('heading', { level: 3, name: 'Validation' });
    const badge = screen.getByRole('status');
    expect(badge).toHaveTextContent('Unknown (EXPLODED)');
    expect(badge).not.toHaveTextContent(/Finished|In progress|Passed/);
  });
});

describe('Untrusted text on the execution page', () => {
  it('step error messages and a commit id carrying HTML are shown as text; no img or script element is created', async () => {
    const { container } = show(
      execution(
        [
          step('validate', 'FINISHED'),
          step('build', 'FAILED', {
            commitId: XSS,
            repository: 'website',
            branch: 'main',
            details: { errors: [XSS, 'Second <b>bold</b> error'] },
          }),
        ],
        { status: 'FAILED' },
      ),
    );
    const box = await screen.findByRole('region', { name: 'Step errors' });
    expect(within(box).getByText(XSS)).toBeInTheDocument();
    expect(within(box).getByText('Second <b>bold</b> error')).toBeInTheDocument();
    expect(within(stepItem('Build & Unit Testing')).getAllByText(XSS).length).toBeGreaterThan(1); // the commit and the error
    expect(container.querySelector('img, script, b')).toBeNull();
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });
});

describe('Actions when someone else got there first', () => {
  it('approve answered 409: says it was already decided in another session and shows the current state', async () => {
    const user = userEvent.setup();
    let current = waitingApproval();
    const decidedElsewhere = execution([
      ...finishedStageSteps(),
      step('approval', 'FINISHED', { environmentType: 'prod' }),
      step('deploy', 'RUNNING', { environmentType: 'prod' }),
    ]);
    const puts: RecordedPut[] = [];
    show(() => current, {}, [
      http.put(`*${BASE}/execution/:id/phase/:phase/step/:step/advance`, async ({ request }) => {
        puts.push({ url: new URL(request.url).pathname, body: await request.json() });
        current = decidedElsewhere;
        return HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Step already decided',
            status: 409,
            detail: 'The approval step was already decided (rejected, now FINISHED); this request changed nothing.',
          },
          { status: 409, headers: { 'content-type': 'application/problem+json' } },
        );
      }),
    ]);
    await confirmApprove(user);
    expect(
      await screen.findByText('Already decided: this step was approved or rejected in another session. Showing its current state.'),
    ).toBeInTheDocument();
    // refreshed: the hold is gone and production deployment runs
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument());
    expect(within(stepItem('Deploy to Production')).getByText('Running…')).toBeInTheDocument();
    expect(puts).toHaveLength(1);
  });

  it('approve answered 404 (the execution vanished): says it does not exist any more', async () => {
    const user = userEvent.setup();
    show(waitingApproval(), {}, [
      http.put(`*${BASE}/execution/:id/phase/:phase/step/:step/advance`, () =>
        HttpResponse.json({ title: 'Not Found', status: 404 }, { status: 404 }),
      ),
    ]);
    await confirmApprove(user);
    expect(await screen.findByText('Not Found: It does not exist (any more).')).toBeInTheDocument();
    expect(screen.queryByText(/^Already decided/)).not.toBeInTheDocument();
  });

  it('approve while the network is down: says the API cannot be reached, and Approve can be sent again', async () => {
    const user = userEvent.setup();
    let down = true;
    const puts: RecordedPut[] = [];
    show(waitingApproval(), {}, [
      http.put(`*${BASE}/execution/:id/phase/:phase/step/:step/advance`, async ({ request }) => {
        if (down) return HttpResponse.error();
        puts.push({ url: new URL(request.url).pathname, body: await request.json() });
        return new HttpResponse(null, { status: 202 });
      }),
    ]);
    await confirmApprove(user);
    expect(await screen.findByText(/^Cannot reach the API/)).toBeInTheDocument();
    down = false;
    await waitFor(() => expect(within(stepItem('Application for Approval')).getByRole('button', { name: 'Approve' })).toBeEnabled());
    await confirmApprove(user);
    await waitFor(() => expect(puts).toHaveLength(1));
  });
});

describe('No double actions', () => {
  it('double-clicking Re-execute in its confirmation sends one request', async () => {
    const user = userEvent.setup();
    const created = execution([step('validate', 'RUNNING')], { id: '301', trigger: 'RE_EXECUTE' });
    const { puts } = show(
      execution([...finishedStageSteps(), step('deploy', 'FINISHED', { environmentType: 'prod', links: ['reExecute'] })], {
        status: 'FINISHED',
      }),
      { created },
    );
    await screen.findByRole('heading', { level: 3, name: 'Deploy to Production' });
    await user.click(within(stepItem('Deploy to Production')).getByRole('button', { name: 'Re-execute' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Re-execute the production deployment?' });
    await user.dblClick(within(dialog).getByRole('button', { name: 'Re-execute' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(puts).toHaveLength(1);
  });

  it('a second Approve while the first is in flight is not sent', async () => {
    const user = userEvent.setup();
    let release: () => void = () => {};
    const puts: RecordedPut[] = [];
    show(waitingApproval(), {}, [
      http.put(`*${BASE}/execution/:id/phase/:phase/step/:step/advance`, async ({ request }) => {
        puts.push({ url: new URL(request.url).pathname, body: await request.json() });
        await new Promise<void>((resolve) => (release = resolve));
        return new HttpResponse(null, { status: 202 });
      }),
    ]);
    await confirmApprove(user);
    await waitFor(() => expect(puts).toHaveLength(1));
    // the step buttons are disabled while the decision is in flight
    expect(within(stepItem('Application for Approval')).getByRole('button', { name: /^Approve/ })).toBeDisabled();
    expect(within(stepItem('Application for Approval')).getByRole('button', { name: 'Reject' })).toBeDisabled();
    release();
    await screen.findByText('The deployment to production was approved.');
    expect(puts).toHaveLength(1);
  });
});
