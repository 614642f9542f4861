/**
 * Who may do what, console side: the three gateway headers come from Settings; the access token
 * lives in sessionStorage only, never in localStorage, a URL or a log line.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ProgramsPage from '../features/programs/programs-page';
import { SettingsDialog } from '../features/settings/settings-dialog';
import { dismissToastsAfterEach, setupFixtureServer } from '../test/fixture-server';
import { renderWithProviders } from '../test/render';
import { currentSettings, getText, putLink, useSettingsForRequests as applySettingsForRequests } from './client';
import { defaultSettings, loadSettings, saveSettings } from './settings';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.secret-token-value.signature';
const API_KEY = 'my-client-id';
const ORG = 'ABCDEF0123456789@AdobeOrg';

type Seen = { url: string; headers: Record<string, string> };

describe('Credentials', () => {
  const server = setupFixtureServer();
  dismissToastsAfterEach();
  const seen: Seen[] = [];
  const logged: unknown[][] = [];

  beforeEach(() => {
    seen.length = 0;
    logged.length = 0;
    server.events.on('request:start', ({ request }) => {
      seen.push({ url: request.url, headers: Object.fromEntries(request.headers.entries()) });
    });
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args));
    }
  });

  afterEach(() => {
    server.events.removeAllListeners();
    vi.restoreAllMocks();
    localStorage.clear();
    sessionStorage.clear();
    applySettingsForRequests(defaultSettings);
  });

  /** Everything the console could have leaked the token into. */
  function expectTokenNowhereButSessionStorage() {
    for (let i = 0; i < localStorage.length; i++) expect(localStorage.getItem(localStorage.key(i) as string)).not.toContain(TOKEN);
    for (const request of seen) expect(decodeURIComponent(request.url)).not.toContain(TOKEN);
    expect(window.location.href).not.toContain(TOKEN);
    expect(JSON.stringify(logged.map((args) => args.map(String)))).not.toContain(TOKEN);
  }

  it('entered in Settings, the token is stored in sessionStorage only and sent as a Bearer header with the key and org', async () => {
    const user = userEvent.setup();
    renderWithProviders(<SettingsDialog close={() => {}} onSaved={() => {}} />);
    const key = screen.getByRole('textbox', { name: 'API key' });
    await user.clear(key);
    await user.type(key, API_KEY);
    const org = screen.getByRole('textbox', { name: 'IMS organisation id' });
    await user.clear(org);
    await user.type(org, ORG);
    const token = screen.getByLabelText('Access token');
    expect(token).toHaveAttribute('type', 'password');
    await user.type(token, TOKEN);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(sessionStorage.getItem('cm-console.access-token')).toBe(TOKEN);
    expect(localStorage.getItem('cm-console.api-settings')).toContain(API_KEY);
    expect(currentSettings()).toMatchObject({ apiKey: API_KEY, imsOrgId: ORG, accessToken: TOKEN });

    renderWithProviders(<ProgramsPage />);
    await screen.findByRole('link', { name: 'WKND Sites' });
    const programs = seen.find((request) => request.url.endsWith('/api/programs'));
    expect(programs?.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'x-api-key': API_KEY, 'x-gw-ims-org-id': ORG });
    expectTokenNowhereButSessionStorage();
  });

  it('a new tab (empty sessionStorage) has no token, even though the other settings persist', () => {
    saveSettings({ ...defaultSettings, apiKey: API_KEY, accessToken: TOKEN });
    sessionStorage.clear(); // what a new tab starts with
    expect(loadSettings()).toMatchObject({ apiKey: API_KEY, accessToken: '' });
    expectTokenNowhereButSessionStorage();
  });

  it('clearing the token in Settings removes it from sessionStorage', () => {
    saveSettings({ ...defaultSettings, accessToken: TOKEN });
    saveSettings({ ...defaultSettings, accessToken: '' });
    expect(sessionStorage.getItem('cm-console.access-token')).toBeNull();
  });

  it('actions carry the headers; the token is not logged even when the gateway refuses it', async () => {
    applySettingsForRequests({ ...defaultSettings, apiKey: API_KEY, imsOrgId: ORG, accessToken: TOKEN });
    server.use(
      http.put('*/api/program/1/pipeline/10/execution', () =>
        HttpResponse.json({ error_code: '401013', message: 'Oauth token is not valid' }, { status: 401 }),
      ),
      http.get('*/api/programs', () => HttpResponse.json({ error_code: '401013', message: 'Oauth token is not valid' }, { status: 401 })),
    );
    await expect(putLink({ href: '/api/program/1/pipeline/10/execution' })).rejects.toMatchObject({ status: 401, isAuth: true });
    expect(seen[0].headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'x-api-key': API_KEY, 'x-gw-ims-org-id': ORG });

    renderWithProviders(<ProgramsPage />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Check the API key, organisation and access token in Settings.');
    expect(alert).not.toHaveTextContent(TOKEN);
    expectTokenNowhereButSessionStorage();
  });

  it('a log file behind a redirect (storage on another host) is fetched without the credentials', async () => {
    applySettingsForRequests({ ...defaultSettings, apiKey: API_KEY, imsOrgId: ORG, accessToken: TOKEN });
    server.use(http.get('https://storage.example.com/logs/build.txt', () => HttpResponse.text('line one\n')));
    expect(await getText('https://storage.example.com/logs/build.txt')).toEqual({ text: 'line one\n', status: 200 });
    expect(seen[0].headers.authorization).toBeUndefined();
    expect(seen[0].headers['x-api-key']).toBeUndefined();
  });
});
