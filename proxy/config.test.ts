// @vitest-environment node
/** Bad configuration stops `npm run proxy` with exit code 2 and one line naming what to fix. */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeIms, type FakeIms } from '../test-support/fake-ims';
import { DEFAULT_SCOPES } from './config';
import { makeDist, proxyExit } from './testing';

const SECRET = 'config-test-secret-77aa88bb';
let ims: FakeIms;
let dist: string;
let closedPort: number;

beforeAll(async () => {
  ims = await startFakeIms({ clientId: 'config-client', clientSecret: SECRET, scopes: DEFAULT_SCOPES });
  dist = makeDist();
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => {
  await ims?.close();
});

const good = () => ({ CM_CLIENT_ID: 'config-client', CM_CLIENT_SECRET: SECRET, CM_ORG_ID: 'CONFIG@AdobeOrg', CM_IMS_TOKEN_URL: ims.url });

async function expectOneLine(args: string[], env: Record<string, string>, line: string | RegExp) {
  const { code, output } = await proxyExit(['--port', '0', ...args], env);
  expect(code, output).toBe(2);
  const lines = output.trim().split('\n');
  expect(lines, output).toHaveLength(1);
  if (typeof line === 'string') expect(lines[0]).toBe(line);
  else expect(lines[0]).toMatch(line);
  expect(output).not.toContain(SECRET);
}

describe('npm run proxy refuses to start, with one line and exit code 2', { timeout: 60_000 }, () => {
  it('without the credentials, naming each missing variable', async () => {
    await Promise.all([
      expectOneLine(
        ['--dist', dist],
        {},
        /^cm-proxy: CM_CLIENT_ID, CM_CLIENT_SECRET, CM_ORG_ID are not set: set them from the OAuth Server-to-Server credential .*, or pass --access-token$/,
      ),
      expectOneLine(
        ['--dist', dist],
        { ...good(), CM_CLIENT_SECRET: '' },
        /^cm-proxy: CM_CLIENT_SECRET is not set: set it from .*, or pass --access-token$/,
      ),
      expectOneLine(['--dist', dist, '--access-token', 'some-token-123456789'], { CM_CLIENT_ID: 'x' }, /^cm-proxy: CM_ORG_ID is not set: /),
    ]);
  });

  it('when IMS refuses the credentials at start, or does not answer', async () => {
    const calls = ims.calls;
    await Promise.all([
      expectOneLine(
        ['--dist', dist],
        { ...good(), CM_CLIENT_SECRET: 'wrong-secret-00000000' },
        'cm-proxy: IMS refused the client credentials (invalid_client): check CM_CLIENT_ID and CM_CLIENT_SECRET',
      ),
      expectOneLine(
        ['--dist', dist],
        { ...good(), CM_IMS_TOKEN_URL: `http://127.0.0.1:${closedPort}/ims/token/v3` },
        `cm-proxy: Adobe IMS at http://127.0.0.1:${closedPort}/ims/token/v3 did not answer (ECONNREFUSED): check CM_IMS_TOKEN_URL and the network`,
      ),
      expectOneLine(
        ['--dist', dist],
        { ...good(), CM_SCOPES: 'openid,not_a_scope' },
        /^cm-proxy: IMS refused the scopes \(invalid_scope\)/,
      ),
    ]);
    expect(ims.calls - calls).toBe(2); // one request per refused start, no retries
  });

  it('with a --target that is not an http(s) URL, a missing build, or flags it does not know', async () => {
    await Promise.all([
      expectOneLine(
        ['--dist', dist, '--target', 'ftp://cloudmanager.adobe.io'],
        good(),
        'cm-proxy: --target must be an http(s) URL such as https://cloudmanager.adobe.io, not "ftp://cloudmanager.adobe.io"',
      ),
      expectOneLine(['--dist', dist, '--target', 'cloudmanager.adobe.io'], good(), /^cm-proxy: --target must be an http\(s\) URL/),
      expectOneLine(
        ['--dist', '/nonexistent/console-build'],
        good(),
        'cm-proxy: the console build was not found (no /nonexistent/console-build/index.html): run npm run build first, or pass --dist <folder>',
      ),
    ]);
    await Promise.all([
      expectOneLine(['--dist', dist, '--client-secret', 'x'], good(), /^cm-proxy: Unknown option '--client-secret'/),
      expectOneLine(['--dist', dist, '--port', 'eighty'], good(), 'cm-proxy: --port must be a port number (0-65535), not "eighty"'),
    ]);
  });

  it('when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const { code, output } = await proxyExit(['--dist', dist, '--port', String(port), '--access-token', 'some-token-123456789'], good());
      expect(code).toBe(2);
      expect(output.trim()).toBe(`cm-proxy: port ${port} on 127.0.0.1 is in use: stop what uses it, or pass --port <another>`);
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });
});
