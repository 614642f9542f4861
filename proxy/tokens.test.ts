// @vitest-environment node
/**
 * Access tokens: one request to IMS shared by concurrent callers, renewal shortly before expiry,
 * one renewal and one retry when the API answers 401, a fixed --access-token that skips IMS, and
 * the browser's own credential headers replaced by the proxy's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeIms, type FakeIms } from '../test-support/fake-ims';
import { imsTokenSource, refreshMarginMs } from './ims';
import { startProxy, type RunningProxy } from './proxy';
import { jsonAnswer, makeDist, startFakeServer, type FakeServer, type RecordedRequest } from './testing';

const CLIENT_ID = 'tokens-client';
const CLIENT_SECRET = 'tokens-secret-0c1d2e3f';
const ORG = 'TOKENS@AdobeOrg';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((stop) => stop()));
});

async function fakeIms(expiresIn = 3600): Promise<FakeIms> {
  const ims = await startFakeIms({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, expiresIn });
  cleanups.push(ims.close);
  return ims;
}

async function fakeApi(answer: (request: RecordedRequest) => ReturnType<typeof jsonAnswer>): Promise<FakeServer> {
  const api = await startFakeServer(answer);
  cleanups.push(api.close);
  return api;
}

async function proxyTo(api: FakeServer, ims: FakeIms | undefined, extra: Parameters<typeof startProxy>[0] = {}): Promise<RunningProxy> {
  const proxy = await startProxy({
    target: api.base,
    port: 0,
    dist: makeDist(),
    env: { CM_CLIENT_ID: CLIENT_ID, CM_CLIENT_SECRET: CLIENT_SECRET, CM_ORG_ID: ORG, ...(ims ? { CM_IMS_TOKEN_URL: ims.url } : {}) },
    log: { info: () => {}, error: () => {} },
    ...extra,
  });
  cleanups.push(proxy.close);
  return proxy;
}

const bearer = (request: RecordedRequest) => String(request.headers.authorization).replace(/^Bearer /, '');

describe('tokens from IMS', () => {
  it('shares one request to IMS among concurrent callers', async () => {
    const ims = await fakeIms();
    ims.setDelay(150);
    const tokens = imsTokenSource(
      { tokenUrl: new URL(ims.url), clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scopes: ['openid'] },
      { timeoutMs: 5000, now: Date.now, onToken: () => {} },
    );
    const got = await Promise.all(Array.from({ length: 10 }, () => tokens.token()));
    expect(new Set(got).size).toBe(1);
    expect(ims.calls).toBe(1);
    expect(await tokens.token()).toBe(got[0]);
    expect(ims.calls).toBe(1);
  });

  it('renews the token shortly before it expires, not before', async () => {
    const ims = await fakeIms(600);
    let now = Date.now();
    const api = await fakeApi(() => jsonAnswer({ ok: true }));
    const proxy = await proxyTo(api, ims, { now: () => now });
    expect(ims.calls).toBe(1); // checked once at start

    const margin = refreshMarginMs(600_000);
    expect(margin).toBe(60_000);
    now += 600_000 - margin - 1000;
    expect((await fetch(`${proxy.url}/api/programs`)).status).toBe(200);
    expect(ims.calls).toBe(1);
    now += 2000; // inside the last minute
    expect((await fetch(`${proxy.url}/api/programs`)).status).toBe(200);
    expect(ims.calls).toBe(2);
    now += 700_000; // long after both expired
    expect((await fetch(`${proxy.url}/api/programs`)).status).toBe(200);
    expect(ims.calls).toBe(3);
    expect(api.requests.map(bearer)).toEqual([ims.tokens[0], ims.tokens[1], ims.tokens[2]]);
  });

  it('on a 401 from the API gets a new token once and retries the request once, body included', async () => {
    const ims = await fakeIms();
    const refused = new Set<string>();
    const api = await fakeApi((request) =>
      refused.has(bearer(request))
        ? jsonAnswer({ error_code: '401013', message: 'Oauth token is not valid' }, 401)
        : jsonAnswer({ ok: true }, 202),
    );
    const proxy = await proxyTo(api, ims);
    refused.add(ims.tokens[0]); // e.g. revoked before its time

    const answer = await fetch(`${proxy.url}/api/program/1/pipeline/2/execution/3/phase/4/step/5/advance`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"approved":true}',
    });
    expect(answer.status).toBe(202);
    expect(ims.calls).toBe(2);
    expect(api.requests.map((r) => [r.method, bearer(r), r.body])).toEqual([
      ['PUT', ims.tokens[0], '{"approved":true}'],
      ['PUT', ims.tokens[1], '{"approved":true}'],
    ]);
    // The new token is kept: later requests use it without asking IMS again.
    expect((await fetch(`${proxy.url}/api/programs`)).status).toBe(202);
    expect(ims.calls).toBe(2);
  });

  it('retries only once: a second 401 is answered as the API gave it', async () => {
    const ims = await fakeIms();
    const api = await fakeApi(() => jsonAnswer({ error_code: '401013', message: 'Oauth token is not valid' }, 401));
    const proxy = await proxyTo(api, ims);
    const answer = await fetch(`${proxy.url}/api/programs`);
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual({ error_code: '401013', message: 'Oauth token is not valid' });
    expect(api.requests).toHaveLength(2);
    expect(ims.calls).toBe(2);
  });

  it('concurrent 401s for the same token lead to one renewal', async () => {
    const ims = await fakeIms();
    ims.setDelay(100);
    const refused = new Set<string>();
    const api = await fakeApi((request) =>
      refused.has(bearer(request)) ? jsonAnswer({ error_code: '401013' }, 401) : jsonAnswer({ ok: true }),
    );
    const proxy = await proxyTo(api, ims);
    refused.add(ims.tokens[0]);
    const answers = await Promise.all(Array.from({ length: 8 }, () => fetch(`${proxy.url}/api/programs`)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(ims.calls).toBe(2);
  });

  it('answers 502 problem+json while IMS refuses the credentials, and recovers by itself', async () => {
    const ims = await fakeIms(600);
    let now = Date.now();
    const api = await fakeApi(() => jsonAnswer({ ok: true }));
    const proxy = await proxyTo(api, ims, { now: () => now });
    now += 700_000;
    ims.refuse('invalid_client');
    const refused = await fetch(`${proxy.url}/api/programs`);
    expect(refused.status).toBe(502);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(await refused.json()).toMatchObject({
      status: 502,
      title: 'Adobe IMS refused the credentials',
      detail: 'IMS refused the client credentials (invalid_client): check CM_CLIENT_ID and CM_CLIENT_SECRET',
    });
    ims.refuse(undefined);
    expect((await fetch(`${proxy.url}/api/programs`)).status).toBe(200);
    expect(api.requests).toHaveLength(1);
  });

  it('answers 503 problem+json when IMS does not answer at all', async () => {
    const ims = await fakeIms(600);
    let now = Date.now();
    const api = await fakeApi(() => jsonAnswer({ ok: true }));
    const proxy = await proxyTo(api, ims, { now: () => now });
    now += 700_000;
    await ims.close();
    const answer = await fetch(`${proxy.url}/api/programs`);
    expect(answer.status).toBe(503);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    const body = (await answer.json()) as { title: string; detail: string };
    expect(body.title).toBe('Adobe IMS did not answer');
    expect(body.detail).toMatch(/^Adobe IMS at http:\/\/127\.0\.0\.1:\d+\/ims\/token\/v3 did not answer \(ECONNREFUSED\)/);
    expect(api.requests).toHaveLength(0);
  });

  it('keeps using a still valid token when a renewal fails', async () => {
    const ims = await fakeIms(600);
    let now = Date.now();
    const api = await fakeApi(() => jsonAnswer({ ok: true }));
    const proxy = await proxyTo(api, ims, { now: () => now });
    now += 590_000; // inside the renewal window, not expired
    ims.refuse('invalid_client');
    expect((await fetch(`${proxy.url}/api/programs`)).status).toBe(200);
    expect(bearer(api.requests[0])).toBe(ims.tokens[0]);
  });
});

describe('--access-token', () => {
  it('skips IMS, sends the given token, and passes a 401 on without retrying', async () => {
    const token = 'given-access-token-8a7b6c5d';
    let status = 200;
    const api = await fakeApi(() => jsonAnswer(status === 200 ? { ok: true } : { error_code: '401013' }, status));
    const proxy = await proxyTo(api, undefined, { accessToken: token, env: { CM_CLIENT_ID: CLIENT_ID, CM_ORG_ID: ORG } });
    expect((await fetch(`${proxy.url}/api/programs`)).status).toBe(200);
    expect(bearer(api.requests[0])).toBe(token);
    status = 401;
    expect((await fetch(`${proxy.url}/api/programs`)).status).toBe(401);
    expect(api.requests).toHaveLength(2);
    expect(await (await fetch(`${proxy.url}/_proxy/info`)).json()).toEqual({
      target: api.base,
      organisation: ORG,
      readOnly: false,
      auth: 'access_token',
    });
  });

  it('also comes from CM_ACCESS_TOKEN', async () => {
    const api = await fakeApi(() => jsonAnswer({ ok: true }));
    const proxy = await proxyTo(api, undefined, {
      env: { CM_CLIENT_ID: CLIENT_ID, CM_ORG_ID: ORG, CM_ACCESS_TOKEN: 'env-access-token-1234' },
    });
    await fetch(`${proxy.url}/api/programs`);
    expect(bearer(api.requests[0])).toBe('env-access-token-1234');
  });
});

describe('the headers Cloud Manager gets', () => {
  it('are the proxy credentials, whatever the browser sent, and none of its cookies or origin', async () => {
    const ims = await fakeIms();
    const api = await fakeApi(() => jsonAnswer({ ok: true }));
    const proxy = await proxyTo(api, ims);
    await fetch(`${proxy.url}/api/program/1/pipelines?start=0&limit=5`, {
      headers: {
        authorization: 'Bearer from-the-browser',
        'x-api-key': 'browser-key',
        'x-gw-ims-org-id': 'browser-org',
        cookie: 'session=abc',
        accept: 'application/json',
        origin: proxy.url,
      },
    });
    const [request] = api.requests;
    expect(request.url).toBe('/api/program/1/pipelines?start=0&limit=5');
    expect(request.headers.authorization).toBe(`Bearer ${ims.tokens[0]}`);
    expect(request.headers['x-api-key']).toBe(CLIENT_ID);
    expect(request.headers['x-gw-ims-org-id']).toBe(ORG);
    expect(request.headers.accept).toBe('application/json');
    expect(request.headers.cookie).toBeUndefined();
    expect(request.headers.origin).toBeUndefined();
  });
});
