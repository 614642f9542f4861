// @vitest-environment node
/**
 * Safe by default: only requests addressed to the proxy itself (DNS rebinding), only from the
 * console it serves (cross-origin), read-only mode, and the console's files served as built.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, type RunningProxy } from './proxy';
import { PROXY_MARKER, withProxyMarker } from './static-files';
import { TEST_CSP, jsonAnswer, makeDist, raw, startFakeServer, type FakeServer } from './testing';

let api: FakeServer;
let proxy: RunningProxy;
let readOnly: RunningProxy;
let dist: string;

const start = (options: Parameters<typeof startProxy>[0]) =>
  startProxy({
    target: api.base,
    port: 0,
    dist,
    accessToken: 'guard-access-token-123456',
    env: { CM_CLIENT_ID: 'guard-client', CM_ORG_ID: 'GUARD@AdobeOrg' },
    log: { info: () => {}, error: () => {} },
    ...options,
  });

beforeAll(async () => {
  dist = makeDist();
  api = await startFakeServer((request) => jsonAnswer({ method: request.method }));
  proxy = await start({ allowedOrigins: ['http://localhost:5173'] });
  readOnly = await start({ readOnly: true });
});

afterAll(async () => {
  await Promise.all([proxy?.close(), readOnly?.close(), api?.close()]);
});

function expectProblem(answer: Awaited<ReturnType<typeof raw>>, status: number, title: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toBe('application/problem+json');
  const body = answer.json();
  expect(Object.keys(body).sort()).toEqual(['detail', 'status', 'title', 'type']);
  expect(body).toMatchObject({ status, title });
  return body as { detail: string };
}

describe('Host header (DNS rebinding)', () => {
  it('answers its own addresses', async () => {
    for (const host of [`127.0.0.1:${proxy.port}`, `localhost:${proxy.port}`, `LOCALHOST:${proxy.port}`])
      expect((await raw(`${proxy.url}/api/programs`, { headers: { host } })).status, host).toBe(200);
  });

  it('refuses any other name with a clear 403, before anything reaches Cloud Manager', async () => {
    const before = api.requests.length;
    for (const host of [
      `evil.example:${proxy.port}`,
      'evil.example',
      `127.0.0.1:${proxy.port + 1}`,
      `localhost.evil.example:${proxy.port}`,
    ]) {
      const body = expectProblem(await raw(`${proxy.url}/api/programs`, { headers: { host } }), 403, 'Foreign Host header');
      expect(body.detail).toContain('open the console at the proxy');
    }
    expectProblem(await raw(`${proxy.url}/`, { headers: { host: 'evil.example' } }), 403, 'Foreign Host header');
    expectProblem(await raw(`${proxy.url}/_proxy/info`, { headers: { host: 'evil.example' } }), 403, 'Foreign Host header');
    expect(api.requests.length).toBe(before);
  });
});

describe('Origin (cross-origin requests)', () => {
  it('lets the console it serves call the API', async () => {
    const answer = await raw(`${proxy.url}/api/programs`, {
      method: 'PUT',
      headers: { origin: `http://localhost:${proxy.port}`, 'sec-fetch-site': 'same-origin' },
    });
    expect(answer.status).toBe(200);
  });

  it('lets a dev server allowed with --allow-origin call it, whether or not it forwards with its own Host', async () => {
    const fromDev = { origin: 'http://localhost:5173', 'sec-fetch-site': 'same-site' };
    expect((await raw(`${proxy.url}/api/programs`, { headers: fromDev })).status).toBe(200);
    expect((await raw(`${proxy.url}/api/programs`, { headers: { ...fromDev, host: 'localhost:5173' } })).status).toBe(200);
    expectProblem(await raw(`${proxy.url}/api/programs`, { headers: { host: 'localhost:5174' } }), 403, 'Foreign Host header');
  });

  it('refuses a page from elsewhere, whatever the method or path', async () => {
    const before = api.requests.length;
    for (const [method, path, origin] of [
      ['GET', '/api/programs', 'http://evil.example'],
      ['PUT', '/api/program/1/pipeline/2/execution', 'https://evil.example'],
      ['GET', '/_proxy/info', 'null'],
      ['GET', '/api/programs', `http://localhost:${proxy.port + 1}`],
    ])
      expectProblem(await raw(proxy.url + path, { method, headers: { origin } }), 403, 'Cross-origin request refused');
    expect(api.requests.length).toBe(before);
  });

  it('refuses API calls a browser marks as cross-site even without Origin, but lets a link open the console', async () => {
    expectProblem(
      await raw(`${proxy.url}/api/programs`, { headers: { 'sec-fetch-site': 'cross-site' } }),
      403,
      'Cross-site request refused',
    );
    expect(
      (await raw(`${proxy.url}/program/1`, { headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' } })).status,
    ).toBe(200);
  });
});

describe('--read-only', () => {
  it('refuses every method but GET and HEAD on the API with 405', async () => {
    const before = api.requests.length;
    for (const method of ['PUT', 'POST', 'PATCH', 'DELETE']) {
      const answer = await raw(`${readOnly.url}/api/program/1/pipeline/2/execution`, { method, body: '{}' });
      const body = expectProblem(answer, 405, 'The proxy is read-only');
      expect(answer.headers.allow).toBe('GET, HEAD');
      expect(body.detail).toContain('--read-only');
    }
    expect(api.requests.length).toBe(before);
    expect((await raw(`${readOnly.url}/api/programs`)).json()).toEqual({ method: 'GET' });
    expect((await raw(`${readOnly.url}/api/programs`, { method: 'HEAD' })).status).toBe(200);
  });

  it('says so in /_proxy/info', async () => {
    expect((await raw(`${readOnly.url}/_proxy/info`)).json()).toEqual({
      target: api.base,
      organisation: 'GUARD@AdobeOrg',
      readOnly: true,
      auth: 'access_token',
    });
    expect((await raw(`${proxy.url}/_proxy/info`)).json()).toMatchObject({ readOnly: false });
  });
});

describe("the console's files", () => {
  it('serves index.html with its CSP kept, and the same policy as a header with frame-ancestors', async () => {
    const index = await raw(`${proxy.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    // The build's page as it is, plus the proxy's marker first in its head (no script: the policy stays).
    const built = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(index.text()).toBe(built.replace('<head>', `<head>${PROXY_MARKER}`));
    expect(index.text()).toContain('<meta name="cm-console-proxy" content="/_proxy/info">');
    expect(Number(index.headers['content-length'])).toBe(Buffer.byteLength(index.text()));
    expect(index.headers['content-security-policy']).toBe(`${TEST_CSP}; frame-ancestors 'none'`);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
  });

  it('puts the marker first in the head, whatever the head tag looks like', () => {
    expect(withProxyMarker('<!doctype html><HTML><HEAD data-x="1"><title>t</title></HEAD></HTML>')).toBe(
      `<!doctype html><HTML><HEAD data-x="1">${PROXY_MARKER}<title>t</title></HEAD></HTML>`,
    );
    expect(withProxyMarker('<div id="root"></div>')).toBe(`${PROXY_MARKER}<div id="root"></div>`);
    expect(withProxyMarker('<header></header>')).toBe(`${PROXY_MARKER}<header></header>`);
  });

  it('serves files with their content types, and index.html for the console routes', async () => {
    const script = await raw(`${proxy.url}/assets/index-abc123.js`);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toContain('immutable');
    expect(script.text()).toBe('console.log("console");\n');
    expect((await raw(`${proxy.url}/assets/index-abc123.css`)).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await raw(`${proxy.url}/mockServiceWorker.js`)).headers['content-type']).toBe('text/javascript; charset=utf-8');
    for (const route of ['/program/1/pipeline/2/execution/3', '/programs?x=1']) {
      const page = await raw(proxy.url + route);
      expect(page.status, route).toBe(200);
      expect(page.text()).toContain('<div id="root">');
      expect(page.text()).toContain(PROXY_MARKER);
    }
  });

  it('answers 404 for a missing file, stays inside its folder, and 405 for writes', async () => {
    expectProblem(await raw(`${proxy.url}/assets/missing-123.js`), 404, 'Not found');
    for (const path of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd']) {
      const answer = await raw(proxy.url + path);
      expect(answer.text(), path).not.toContain('root:');
    }
    expectProblem(await raw(`${proxy.url}/`, { method: 'POST' }), 405, 'Method not allowed');
  });

  it('forwards nothing but /api: simulator controls and unknown proxy paths are 404', async () => {
    const before = api.requests.length;
    expectProblem(await raw(`${proxy.url}/_sim/reset`, { method: 'POST' }), 404, 'Not found');
    expectProblem(await raw(`${proxy.url}/_proxy/anything`), 404, 'Not found');
    // Absolute-form targets ("GET http://elsewhere/ HTTP/1.1"): the proxy is no forward proxy.
    const absolute = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: proxy.port, path: `${api.base}/api/programs`, headers: { host: `127.0.0.1:${proxy.port}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(absolute).toBe(400);
    expect(api.requests.length).toBe(before);
  });
});
