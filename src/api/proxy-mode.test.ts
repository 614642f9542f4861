/**
 * Served by the local proxy (`npm run proxy`), the page carries the proxy's marker: the console
 * then talks to Cloud Manager through it (its own origin, no credentials from the browser) unless
 * the user chose another API on this origin, and reads the connection once from /_proxy/info.
 */
import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { actionsReadOnly, setActionsReadOnly, startPipeline } from './actions';
import { ApiError, CHECK_PROXY_CREDENTIALS, entryPointHref, getJson, useSettingsForRequests as applySettingsForRequests } from './client';
import { proxyInfoQueryOptions } from './proxy-info';
import { refreshAfterAction } from './queries';
import { apiBaseUrl, defaultSettings, loadSettings, saveSettings, servedByProxy } from './settings';
import type { Pipeline } from './types';
import { markAsServedByProxy, removeProxyMarker } from '../test/proxy-marker';

const INFO = { target: 'https://cloudmanager.adobe.io', organisation: 'ACME0123@AdobeOrg', readOnly: true, auth: 'client_credentials' };

const seen: { url: string; headers: Record<string, string> }[] = [];
let infoReads = 0;
const server = setupServer(
  http.get('*/api/programs', () => HttpResponse.json({ _embedded: { programs: [] }, _links: {} })),
  http.get('*/api/program/9', () => HttpResponse.json({ title: 'Forbidden', status: 403 }, { status: 403 })),
  http.get('*/_proxy/info', () => {
    infoReads += 1;
    return HttpResponse.json(INFO);
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => {
  removeProxyMarker();
  localStorage.clear();
  sessionStorage.clear();
  applySettingsForRequests(defaultSettings);
  setActionsReadOnly(false);
  server.events.removeAllListeners();
  seen.length = 0;
  infoReads = 0;
});

describe('choosing the API from the page', () => {
  it('without the marker: the embedded simulator, and "proxy" is not available', () => {
    expect(servedByProxy()).toBe(false);
    expect(loadSettings().target).toBe('embedded');
  });

  it('with the marker and no choice saved on this origin: Cloud Manager through the proxy, on the page’s own origin', () => {
    markAsServedByProxy();
    expect(servedByProxy()).toBe(true);
    const settings = loadSettings();
    expect(settings.target).toBe('proxy');
    expect(apiBaseUrl(settings)).toBe(location.origin);
    applySettingsForRequests(settings);
    expect(entryPointHref()).toBe(`${location.origin}/api/programs`);
  });

  it('a target saved in Settings on this origin wins over the marker', () => {
    saveSettings({ ...defaultSettings, target: 'standalone', standaloneUrl: 'http://localhost:8787' });
    markAsServedByProxy();
    expect(loadSettings().target).toBe('standalone');
    saveSettings({ ...defaultSettings, target: 'embedded' });
    expect(loadSettings().target).toBe('embedded');
  });

  it('a saved "proxy" choice on a page the proxy did not serve falls back to the default', () => {
    saveSettings({ ...defaultSettings, target: 'proxy' });
    expect(loadSettings().target).toBe('embedded');
    markAsServedByProxy();
    expect(loadSettings().target).toBe('proxy');
  });
});

describe('requests through the proxy', () => {
  function record() {
    server.events.on('request:start', ({ request }) => {
      seen.push({ url: request.url, headers: Object.fromEntries(request.headers.entries()) });
    });
  }

  it('send no credentials: no API key, organisation or token, even with ones saved in Settings', async () => {
    markAsServedByProxy();
    saveSettings({ ...defaultSettings, target: 'proxy', apiKey: 'my-key', imsOrgId: 'MINE@AdobeOrg', accessToken: 'my-token' });
    applySettingsForRequests(loadSettings());
    record();
    await getJson(entryPointHref());
    expect(seen).toHaveLength(1);
    expect(seen[0].url).toBe(`${location.origin}/api/programs`);
    expect(seen[0].headers).not.toHaveProperty('x-api-key');
    expect(seen[0].headers).not.toHaveProperty('x-gw-ims-org-id');
    expect(seen[0].headers).not.toHaveProperty('authorization');
    expect(seen[0].headers.accept).toBe('application/json');
  });

  it('to any other target the same request sends them (for comparison)', async () => {
    applySettingsForRequests({ ...defaultSettings, target: 'embedded', apiKey: 'my-key', accessToken: 'my-token' });
    record();
    await getJson(entryPointHref());
    expect(seen[0].headers).toMatchObject({ 'x-api-key': 'my-key', authorization: 'Bearer my-token' });
  });

  it('a 401/403 points at the proxy’s credentials, not at Settings', async () => {
    markAsServedByProxy();
    applySettingsForRequests(loadSettings());
    const error = await getJson('/api/program/9').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).detail).toContain(CHECK_PROXY_CREDENTIALS);
  });
});

describe('/_proxy/info', () => {
  it('is read once, not again after an action, and switches the actions to read-only when the proxy is', async () => {
    markAsServedByProxy();
    applySettingsForRequests(loadSettings());
    const client = new QueryClient();
    expect(await client.fetchQuery(proxyInfoQueryOptions())).toEqual(INFO);
    expect(actionsReadOnly()).toBe(true);
    expect(
      startPipeline({ _links: { 'http://ns.adobe.com/adobecloud/rel/execution': { href: '/x' } } } as unknown as Pipeline).link,
    ).toBeUndefined();
    await client.fetchQuery(proxyInfoQueryOptions());
    await refreshAfterAction(client);
    expect(infoReads).toBe(1);
  });

  it('refuses an answer that does not describe the connection', async () => {
    markAsServedByProxy();
    server.use(http.get('*/_proxy/info', () => HttpResponse.json({ hello: 'world' })));
    await expect(new QueryClient().fetchQuery({ ...proxyInfoQueryOptions(), retry: false })).rejects.toThrow('Unreadable answer');
    expect(actionsReadOnly()).toBe(false);
  });
});
