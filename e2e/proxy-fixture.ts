/**
 * The console as `npm run proxy` serves it: the local proxy (proxy/proxy.ts `startProxy`, in this
 * process) serving the e2e build, in front of the standalone simulator in --require-auth mode
 * (which answers 401/403 like Adobe's gateway without the three headers), with a fake Adobe IMS
 * issuing its tokens. Everything listens on a port of its own (port 0): nothing depends on the
 * other specs' preview server. Each test gets a fresh set, stopped after it.
 *
 * Options, per describe block with `test.use({ ... })`:
 *   proxyReadOnly   the proxy's --read-only
 *   tokenLifetime   the `expires_in` (seconds) of the fake IMS's tokens, default 3600
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { startServerProcess, type ServerProcess } from '../mocks/server-process';
import { startProxy, type RunningProxy } from '../proxy/proxy';
import { startFakeIms, type FakeIms } from '../test-support/fake-ims';
import type { GetJson, Hal } from '../test-support/hal';
import { expect, test as base } from './fixtures';

export const CLIENT_ID = 'e2e-proxy-client-id';
export const CLIENT_SECRET = 'e2e-proxy-client-secret-7c1d0b9e';
export const ORGANISATION = 'E2EPROXY0123456789@AdobeOrg';

/** The build Playwright serves (playwright.config.ts): `vite build --outDir <E2E_DIST>`. */
const DIST = resolve(process.env.E2E_DIST ?? 'dist');

/** What the browser received and said, to look for a credential in. */
export interface PageRecord {
  /** Every answer the page got: URL, status, headers and body. */
  responses: string[];
  /** Every console message and page error. */
  console: string[];
  /** The request headers the page sent to the proxy. */
  requestHeaders: Record<string, string>[];
  /** Waits for the bodies still being read. */
  settle: () => Promise<void>;
}

export interface ProxyWorld {
  /** The proxy, e.g. http://127.0.0.1:40123: the console's address. */
  url: string;
  proxy: RunningProxy;
  ims: FakeIms;
  /** The simulator's own address (the browser never uses it). */
  simulatorBase: () => string;
  /** A simulation control, sent to the simulator itself: the proxy forwards nothing but /api. */
  control: (method: 'PUT' | 'POST', path: string, body: unknown) => Promise<void>;
  /** GET an API href straight from the simulator (placeholder credentials): what the console should show. */
  get: GetJson;
  /** GET a file (a log) straight from the simulator. */
  text: (href: string) => Promise<string>;
  /** Stops the simulator (the API is down), resolving once it has exited. */
  stopSimulator: () => Promise<void>;
  /** Starts it again on the same port with the same data: the API is back. */
  startSimulator: () => Promise<void>;
  /** Every line the proxy printed. */
  printed: string[];
  /** What must never reach the browser: the client secret and every token IMS issued. */
  secrets: () => string[];
  /** Starts recording what `page` receives, sends and prints. */
  record: (page: Page) => PageRecord;
}

/** Headers the simulator's --require-auth wants; any values do. */
const PLACEHOLDER_CREDENTIALS = { 'x-api-key': 'e2e', 'x-gw-ims-org-id': 'E2E@AdobeOrg', authorization: 'Bearer e2e' };

function record(page: Page, proxyUrl: string): PageRecord {
  const responses: string[] = [];
  const messages: string[] = [];
  const requestHeaders: Record<string, string>[] = [];
  const pending: Promise<unknown>[] = [];
  // Only a closed page leaves a request or response unreadable: the test's checks have all run by then.
  const unreadable = (error: unknown) => {
    if (!/has been closed/.test(String(error))) throw error;
  };
  page.on('console', (message) => messages.push(message.text()));
  page.on('pageerror', (error) => messages.push(String(error)));
  page.on('request', (request) => {
    // Handled at once (not only in settle()): a page closed while a read is under way must not
    // leave an unhandled rejection behind (it fails the test after its last step).
    if (request.url().startsWith(proxyUrl)) pending.push(request.allHeaders().then((headers) => requestHeaders.push(headers), unreadable));
  });
  page.on('response', (response) => {
    pending.push(
      (async () => {
        const headers = JSON.stringify(await response.allHeaders());
        const body = await response.body().then(
          (bytes) => bytes.toString('latin1'),
          () => '',
        );
        responses.push(`${response.url()} ${response.status()} ${headers} ${body}`);
      })().catch(unreadable),
    );
  });
  return {
    responses,
    console: messages,
    requestHeaders,
    settle: async () => {
      await Promise.allSettled(pending);
    },
  };
}

export const test = base.extend<{ proxyReadOnly: boolean; tokenLifetime: number; cm: ProxyWorld }>({
  proxyReadOnly: [false, { option: true }],
  tokenLifetime: [3600, { option: true }],
  cm: async ({ proxyReadOnly, tokenLifetime }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cm-e2e-proxy-'));
    const data = join(dataDir, 'state.json');
    const ims = await startFakeIms({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, expiresIn: tokenLifetime });
    let simulator: ServerProcess | undefined;
    let proxy: RunningProxy | undefined;
    try {
      simulator = await startServerProcess(['--require-auth', '--data', data]);
      const port = new URL(simulator.base).port;
      const printed: string[] = [];
      proxy = await startProxy({
        target: simulator.base,
        port: 0,
        dist: DIST,
        readOnly: proxyReadOnly,
        env: { CM_CLIENT_ID: CLIENT_ID, CM_CLIENT_SECRET: CLIENT_SECRET, CM_ORG_ID: ORGANISATION, CM_IMS_TOKEN_URL: ims.url },
        log: { info: (line) => printed.push(line), error: (line) => printed.push(line) },
      });
      const simulatorBase = () => simulator!.base;
      const fromSimulator = (href: string, accept: string) =>
        fetch(new URL(href, simulatorBase()), { headers: { accept, ...PLACEHOLDER_CREDENTIALS } }).then(async (response) => {
          expect(response.ok, `GET ${href}`).toBe(true);
          return response;
        });
      const url = proxy.url;
      await use({
        url,
        proxy,
        ims,
        simulatorBase,
        async control(method, path, body) {
          const response = await fetch(`${simulatorBase()}/_sim/${path}`, {
            method,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
          expect(response.status, `${method} /_sim/${path}`).toBe(200);
        },
        get: async <T = Hal>(href: string) => (await (await fromSimulator(href, 'application/json')).json()) as T,
        text: async (href) => (await fromSimulator(href, 'text/plain')).text(),
        stopSimulator: () => simulator!.kill(),
        async startSimulator() {
          simulator = await startServerProcess(['--require-auth', '--data', data, '--port', port]);
        },
        printed,
        secrets: () => [CLIENT_SECRET, ...ims.tokens],
        record: (page) => record(page, url),
      });
    } finally {
      await proxy?.close();
      await simulator?.kill();
      await ims.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
