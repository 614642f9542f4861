/**
 * Through the local proxy the shell says where the console is connected (from /_proxy/info, read
 * once) and shows the page only once it knows whether the proxy is read-only.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { actionsReadOnly, setActionsReadOnly } from '../api/actions';
import { useSettingsForRequests as applySettingsForRequests } from '../api/client';
import { defaultSettings, loadSettings } from '../api/settings';
import { setupFixtureServer } from '../test/fixture-server';
import { createTestQueryClient } from '../test/render';
import { markAsServedByProxy, removeProxyMarker } from '../test/proxy-marker';
import { ColorSchemeContext } from './color-scheme';
import { RootLayout } from './root-layout';

const INFO = {
  target: 'https://cloudmanager.adobe.io',
  organisation: 'ACME0123456789@AdobeOrg',
  readOnly: false,
  auth: 'client_credentials',
};

function Page() {
  return <p>{actionsReadOnly() ? 'page, read-only' : 'page, read-write'}</p>;
}

function renderShell() {
  const router = createMemoryRouter([{ path: '/', element: <RootLayout />, children: [{ index: true, element: <Page /> }] }]);
  render(
    <QueryClientProvider client={createTestQueryClient()}>
      <ColorSchemeContext.Provider value={{ preference: 'system', scheme: 'light', setPreference: () => {} }}>
        <RouterProvider router={router} />
      </ColorSchemeContext.Provider>
    </QueryClientProvider>,
  );
}

function servedByProxy() {
  markAsServedByProxy();
  applySettingsForRequests(loadSettings());
}

describe('the local proxy banner', () => {
  const server = setupFixtureServer();
  let reads = 0;
  const answer = (info: typeof INFO) =>
    server.use(
      http.get('*/_proxy/info', async () => {
        reads += 1;
        await delay(50);
        return HttpResponse.json(info);
      }),
    );

  afterEach(() => {
    removeProxyMarker();
    applySettingsForRequests(defaultSettings);
    setActionsReadOnly(false);
    reads = 0;
  });

  it('says which organisation and which Cloud Manager, and shows the page once it knows', async () => {
    servedByProxy();
    answer(INFO);
    renderShell();
    expect(screen.queryByText(/^page/)).not.toBeInTheDocument();
    const banner = await screen.findByRole('status', { name: 'Connection' });
    expect(banner).toHaveTextContent('Connected to ACME0123456789@AdobeOrg through the local proxy (cloudmanager.adobe.io)');
    expect(banner).not.toHaveTextContent('read-only');
    expect(await screen.findByText('page, read-write')).toBeInTheDocument();
    expect(reads).toBe(1);
    // the header names the proxy's organisation and offers no simulator controls
    expect(screen.getByText('ACME0123456789@AdobeOrg', { selector: '.app-org' })).toBeInTheDocument();
    expect(screen.queryByText('Simulated Org')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Simulator controls' })).not.toBeInTheDocument();
  });

  it('says read-only when the proxy is, and the page renders read-only', async () => {
    servedByProxy();
    answer({ ...INFO, readOnly: true });
    renderShell();
    const banner = await screen.findByRole('status', { name: 'Connection' });
    expect(banner).toHaveTextContent('read-only');
    expect(await screen.findByText('page, read-only')).toBeInTheDocument();
  });

  it('shows why and offers Retry when the proxy does not answer', async () => {
    servedByProxy();
    server.use(http.get('*/_proxy/info', () => HttpResponse.error()));
    renderShell();
    expect(await screen.findByRole('heading', { name: /local proxy's connection/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'Connection' })).not.toBeInTheDocument();
  });

  it('is absent, and nothing is asked, on any other target', async () => {
    answer(INFO);
    renderShell();
    expect(await screen.findByText('page, read-write')).toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'Connection' })).not.toBeInTheDocument();
    expect(reads).toBe(0);
  });
});
