/** My Programs when the API fails: every failure is a message in place with Retry, never a blank page. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setupFixtureServer } from '../../test/fixture-server';
import { program, programList, programs } from '../../test/fixtures/hal';
import { renderWithProviders } from '../../test/render';
import ProgramsPage from './programs-page';

const XSS_NAME = '<img src=x onerror=alert(1)><script>alert(2)</script>';

describe('My Programs when the API fails', () => {
  const server = setupFixtureServer();

  /** The program list answers `failure` until `recover()` is called, then the fixtures again. */
  function failProgramsWith(failure: () => Response) {
    let failing = true;
    let requests = 0;
    server.use(
      http.get('*/api/programs', () => {
        requests++;
        return failing ? failure() : HttpResponse.json(programList());
      }),
    );
    return { recover: () => (failing = false), requests: () => requests };
  }

  async function expectRetryRecovers(recover: () => void) {
    const user = userEvent.setup();
    recover();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'WKND Sites' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  }

  it('network down: says the API cannot be reached, and Retry loads the programs once it is back', async () => {
    const api = failProgramsWith(() => HttpResponse.error());
    renderWithProviders(<ProgramsPage />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not reach the API to load programs');
    expect(alert).toHaveTextContent('Check your connection and the API in Settings.');
    expect(screen.getByRole('heading', { name: 'My Programs' })).toBeInTheDocument();
    await expectRetryRecovers(api.recover);
  });

  it('500: shows the problem title and detail, and Retry recovers', async () => {
    const api = failProgramsWith(() =>
      HttpResponse.json(
        { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Something broke in the engine.' },
        { status: 500, headers: { 'content-type': 'application/problem+json' } },
      ),
    );
    renderWithProviders(<ProgramsPage />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load programs');
    expect(alert).toHaveTextContent('Internal Server Error: Something broke in the engine.');
    await expectRetryRecovers(api.recover);
  });

  it('503 maintenance with an HTML body: says Cloud Manager is unavailable, without the HTML', async () => {
    const api = failProgramsWith(
      () =>
        new HttpResponse('<html><body><h1>Down for maintenance</h1></body></html>', {
          status: 503,
          statusText: 'Service Unavailable',
          headers: { 'content-type': 'text/html' },
        }),
    );
    renderWithProviders(<ProgramsPage />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Cloud Manager is unavailable: could not load programs');
    expect(alert).toHaveTextContent('503 Service Unavailable: Cloud Manager is unavailable or under maintenance.');
    expect(alert).not.toHaveTextContent('<html>');
    expect(within(alert).queryByRole('heading', { name: 'Down for maintenance' })).not.toBeInTheDocument();
    await expectRetryRecovers(api.recover);
  });

  it.each([
    [401, { error_code: '401013', message: 'Oauth token is not valid' }, 'Not signed in: Oauth token is not valid. Check the API key'],
    [403, { error_code: '403003', message: 'Api Key is invalid' }, 'Access denied: Api Key is invalid. Check the API key'],
  ])('%i from the gateway: says to check the API key, with a button that opens Settings', async (status, body, text) => {
    failProgramsWith(() => HttpResponse.json(body, { status }));
    const user = userEvent.setup();
    renderWithProviders(<ProgramsPage />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not allowed to load programs');
    expect(alert).toHaveTextContent(text);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open Settings' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: 'Settings' })).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'API key' })).toBeInTheDocument();
  });

  it('malformed JSON: says the answer was unreadable, and Retry recovers', async () => {
    const api = failProgramsWith(
      () => new HttpResponse('{"_embedded": {"programs": [', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    renderWithProviders(<ProgramsPage />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Unreadable answer from the API: The response was not valid JSON.');
    await expectRetryRecovers(api.recover);
  });

  it('only a 401/403 offers Settings: a 500 does not', async () => {
    failProgramsWith(() => HttpResponse.json({ title: 'Internal Server Error', status: 500 }, { status: 500 }));
    renderWithProviders(<ProgramsPage />);
    await screen.findByRole('alert');
    expect(screen.queryByRole('button', { name: 'Open Settings' })).not.toBeInTheDocument();
  });

  it('shows a program name carrying HTML as text: no img or script element is created', async () => {
    server.use(
      http.get('*/api/programs', () => {
        const list = programList();
        return HttpResponse.json({ ...list, _embedded: { programs: [{ ...programs[0], name: XSS_NAME }] } });
      }),
      // The program's own resource carries the same name (the card shows what it reads there).
      http.get(`*/api/program/${programs[0].id}`, () => HttpResponse.json({ ...program(programs[0].id), name: XSS_NAME })),
    );
    const { container } = renderWithProviders(<ProgramsPage />);
    expect(await screen.findByRole('link', { name: XSS_NAME })).toBeInTheDocument();
    expect(container.querySelector('img, script')).toBeNull();
    expect(document.querySelector('img[src="x"], script')).toBeNull();
  });
});

describe('My Programs recovers by itself', () => {
  const server = setupFixtureServer();

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

  it('keeps polling after a failed load and shows the programs when the API is back, without Retry', async () => {
    let failing = true;
    server.use(
      http.get('*/api/programs', () =>
        failing ? HttpResponse.json({ title: 'Service Unavailable', status: 503 }, { status: 503 }) : HttpResponse.json(programList()),
      ),
    );
    renderWithProviders(<ProgramsPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Service Unavailable');
    failing = false;
    // the back-off after one failure is 4 s; nobody presses Retry
    await waitFor(() => expect(screen.getByRole('link', { name: 'WKND Sites' })).toBeInTheDocument(), { timeout: 9000 });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
