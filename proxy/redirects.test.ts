// @vitest-environment node
/**
 * Downloads through the proxy: Cloud Manager's `{"redirect": url}` and 307 answers become links to
 * `/_proxy/file`, which fetches the storage URL without Cloud Manager credentials and passes bytes,
 * ranges and encodings back untouched; it fetches nothing else (no open proxy).
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeIms, type FakeIms } from '../test-support/fake-ims';
import { createFileLinks } from './file-links';
import { startProxy, type RunningProxy } from './proxy';
import { jsonAnswer, makeDist, raw, startFakeServer, type FakeAnswer, type FakeServer, type RecordedRequest } from './testing';

const LOG_GZ = gzipSync(Buffer.from(Array.from({ length: 2000 }, (_, i) => `2026-01-01 10:00:${i % 60} INFO line ${i}\n`).join('')));
const SIGNATURE = 'sv=2024&sig=storage-signature-abc';

let ims: FakeIms;
let storage: FakeServer;
let api: FakeServer;
let proxy: RunningProxy;
let now = Date.now();

/** A storage host: byte ranges like Azure/S3; the gz log is stored with Content-Encoding: gzip. */
function storageAnswer(request: RecordedRequest): FakeAnswer {
  if (!request.url.startsWith('/logs/env.log.gz')) return { status: 404, headers: { 'content-type': 'application/xml' }, body: '<Error/>' };
  const headers = { 'content-type': 'text/plain', 'content-encoding': 'gzip', 'accept-ranges': 'bytes', etag: '"v1"' };
  const range = /^bytes=(\d+)-$/.exec(String(request.headers.range ?? ''));
  if (!range) return { status: 200, headers: { ...headers, 'content-length': String(LOG_GZ.length) }, body: LOG_GZ };
  const start = Number(range[1]);
  if (start >= LOG_GZ.length) return { status: 416, headers: { 'content-range': `bytes */${LOG_GZ.length}` } };
  const part = LOG_GZ.subarray(start);
  return {
    status: 206,
    headers: { ...headers, 'content-length': String(part.length), 'content-range': `bytes ${start}-${LOG_GZ.length - 1}/${LOG_GZ.length}` },
    body: part,
  };
}

beforeAll(async () => {
  ims = await startFakeIms({ clientId: 'redirect-client', clientSecret: 'redirect-secret-11223344' });
  storage = await startFakeServer(storageAnswer);
  const file = `${storage.base}/logs/env.log.gz?${SIGNATURE}`;
  api = await startFakeServer((request) => {
    if (request.url.startsWith('/api/program/1/environment/2/logs/download')) return jsonAnswer({ redirect: file });
    if (request.url === '/api/program/1/pipeline/2/execution/3/phase/4/step/5/artifact/6')
      return { status: 307, headers: { location: file } };
    if (request.url === '/api/relative') return jsonAnswer({ redirect: '/files/relative.log' });
    if (request.url === '/api/gzipped')
      return {
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(JSON.stringify({ redirect: file })),
      };
    if (request.url === '/api/self-link') return jsonAnswer({ _links: { self: { href: `${api.base}/api/self-link` } } });
    if (request.url === '/api/moved') return { status: 302, headers: { location: `${api.base}/api/self-link` } };
    return jsonAnswer({ status: 404 }, 404);
  });
  proxy = await startProxy({
    target: api.base,
    port: 0,
    dist: makeDist(),
    env: {
      CM_CLIENT_ID: 'redirect-client',
      CM_CLIENT_SECRET: 'redirect-secret-11223344',
      CM_ORG_ID: 'R@AdobeOrg',
      CM_IMS_TOKEN_URL: ims.url,
    },
    fileLinkTtlMs: 60_000,
    now: () => now,
    log: { info: () => {}, error: () => {} },
  });
});

afterAll(async () => {
  await Promise.all([proxy?.close(), api?.close(), storage?.close(), ims?.close()]);
});

async function redirectOf(path: string): Promise<string> {
  const answer = await raw(proxy.url + path, { headers: { host: `127.0.0.1:${proxy.port}`, accept: 'application/json' } });
  expect(answer.status).toBe(200);
  return answer.json<{ redirect: string }>().redirect;
}

describe('downloads through the proxy', () => {
  it('rewrites {"redirect": url} to a proxy link that hides the storage URL behind a signature', async () => {
    const redirect = await redirectOf('/api/program/1/environment/2/logs/download?service=author&name=aemerror&date=2026-01-01');
    expect(redirect).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${proxy.port}/_proxy/file\\?u=[\\w-]+\\.[\\w-]{43}$`));
  });

  it('fetches the file without Cloud Manager credentials and passes the gzip bytes on undecoded', async () => {
    const before = storage.requests.length;
    const redirect = await redirectOf('/api/program/1/environment/2/logs/download?service=author&name=aemerror&date=2026-01-01');
    const answer = await raw(redirect, { headers: { 'accept-encoding': 'gzip', cookie: 'session=1', authorization: 'Bearer browser' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers['content-length']).toBe(String(LOG_GZ.length));
    expect(answer.headers['content-security-policy']).toContain('sandbox');
    expect(answer.body.equals(LOG_GZ)).toBe(true);
    const fetched = storage.requests.slice(before);
    expect(fetched).toHaveLength(1);
    expect(fetched[0].url).toBe(`/logs/env.log.gz?${SIGNATURE}`);
    for (const name of ['authorization', 'x-api-key', 'x-gw-ims-org-id', 'cookie', 'origin', 'referer'])
      expect(fetched[0].headers[name]).toBeUndefined();
  });

  it('passes Range on and 206 / 416 with content-range and content-length back', async () => {
    const redirect = await redirectOf('/api/program/1/environment/2/logs/download?date=2026-01-01');
    const part = await raw(redirect, { headers: { range: 'bytes=100-' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-${LOG_GZ.length - 1}/${LOG_GZ.length}`);
    expect(part.headers['content-length']).toBe(String(LOG_GZ.length - 100));
    expect(part.body.equals(LOG_GZ.subarray(100))).toBe(true);
    const past = await raw(redirect, { headers: { range: `bytes=${LOG_GZ.length}-` } });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${LOG_GZ.length}`);
    const head = await raw(redirect, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(LOG_GZ.length));
    expect(head.body.length).toBe(0);
  });

  it('rewrites a 307 Location the same way; a relative redirect is resolved against the API', async () => {
    const moved = await raw(`${proxy.url}/api/program/1/pipeline/2/execution/3/phase/4/step/5/artifact/6`);
    expect(moved.status).toBe(307);
    const location = String(moved.headers.location);
    expect(location).toMatch(/\/_proxy\/file\?u=/);
    expect((await raw(location)).body.equals(LOG_GZ)).toBe(true);

    const relative = await redirectOf('/api/relative');
    const payload = new URL(relative).searchParams.get('u')!.split('.')[0];
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())[0]).toBe(`${api.base}/files/relative.log`);
  });

  it('rewrites the redirect of a JSON answer the API compressed although asked for identity', async () => {
    const answer = await raw(`${proxy.url}/api/gzipped`, { headers: { 'accept-encoding': 'gzip' } });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.json<{ redirect: string }>().redirect).toMatch(/\/_proxy\/file\?u=/);
    expect(api.requests.at(-1)?.headers['accept-encoding']).toBe('identity');
  });

  it('puts absolute URLs of the API itself on the proxy origin', async () => {
    const answer = await raw(`${proxy.url}/api/self-link`);
    expect(answer.json()).toEqual({ _links: { self: { href: `${proxy.url}/api/self-link` } } });
    // A redirect to another API path stays an API call (credentials added), not a file link.
    const moved = await raw(`${proxy.url}/api/moved`);
    expect(moved.status).toBe(302);
    expect(moved.headers.location).toBe(`${proxy.url}/api/self-link`);
  });

  it('is no open proxy: forged, tampered, missing and expired links are refused without contacting anyone', async () => {
    const before = storage.requests.length;
    const forger = createFileLinks({ ttlMs: 60_000, now: () => now }); // another key
    const forged = forger.sign(new URL(`${storage.base}/logs/env.log.gz?${SIGNATURE}`));
    const genuine = new URL(await redirectOf('/api/program/1/environment/2/logs/download?date=2026-01-01'));
    const [payload, signature] = genuine.searchParams.get('u')!.split('.');
    const other = Buffer.from(JSON.stringify([`${storage.base}/anything-else`, Math.ceil(now / 1000) + 60])).toString('base64url');
    for (const path of [
      forged,
      `/_proxy/file?u=${other}.${signature}`,
      `/_proxy/file?u=${payload}x.${signature}`,
      '/_proxy/file',
      '/_proxy/file?u=http://example.com/',
    ]) {
      const answer = await raw(proxy.url + path);
      expect(answer.status, path).toBe(403);
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect(answer.json()).toMatchObject({ status: 403, title: 'Not a file link of this proxy' });
    }
    now += 61_000;
    const expired = await raw(genuine.href);
    expect(expired.status).toBe(410);
    expect(expired.json()).toMatchObject({ status: 410, title: 'File link expired' });
    expect(storage.requests.length).toBe(before);
    expect((await raw(genuine.href, { method: 'POST' })).status).toBe(405);
  });

  it('answers 502 problem+json naming only the storage host when storage is down', async () => {
    const down = await startFakeServer(() => ({ status: 200 }));
    await down.close();
    // A link the proxy itself signed, for a host that is gone: an API that points there.
    const gone = await startFakeServer(() => jsonAnswer({ redirect: `${down.base}/file.log?sig=secret-signature` }));
    const second = await startProxy({
      target: gone.base,
      port: 0,
      dist: makeDist(),
      accessToken: 'an-access-token-for-this-test',
      env: { CM_CLIENT_ID: 'c', CM_ORG_ID: 'o' },
      log: { info: () => {}, error: () => {} },
    });
    try {
      const redirect = (await raw(`${second.url}/api/x`)).json<{ redirect: string }>().redirect;
      const answer = await raw(redirect);
      expect(answer.status).toBe(502);
      expect(answer.json()).toMatchObject({ status: 502, title: 'The file storage did not answer' });
      expect(answer.text()).toContain(`127.0.0.1:${down.port}`);
      expect(answer.text()).not.toContain('secret-signature');
    } finally {
      await Promise.all([second.close(), gone.close()]);
    }
  });
});
