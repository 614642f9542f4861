// @vitest-environment node
/**
 * The proxy as `npm run proxy` runs it, in front of the standalone simulator in --require-auth
 * mode (which answers 401/403 like Adobe's gateway without the three headers), with a fake IMS:
 * a whole deploy journey through the proxy, a step log through the rewritten redirect, one token
 * for all of it, and no credential in any answer or printed line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../mocks/server-process';
import { startFakeIms, type FakeIms } from '../test-support/fake-ims';
import { embedded, href, pipelineOf, programByName, type Hal } from '../test-support/hal';
import { makeDist, startProxyProcess, type ProxyProcess } from './testing';

const CLIENT_ID = 'journey-client-id';
const CLIENT_SECRET = 'journey-client-secret-5f3a9c';
const ORG = 'JOURNEY0123456789@AdobeOrg';

let ims: FakeIms;
let sim: ServerProcess;
let proxy: ProxyProcess;
/** Every answer the browser side got: status line, headers and body, to look for credentials in. */
const seen: string[] = [];

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(path.startsWith('http') ? path : proxy.url + path, init);
  const copy = response.clone();
  const body = Buffer.from(await copy.arrayBuffer()).toString('latin1');
  seen.push(`${response.status} ${JSON.stringify([...response.headers])} ${body}`);
  return response;
}

async function get<T = Hal>(path: string): Promise<T> {
  const response = await call(path, { headers: { accept: 'application/json' } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** Simulator controls go straight to the simulator: they are not part of Cloud Manager. */
async function control(method: string, path: string, body: unknown) {
  const response = await fetch(sim.base + path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, path).toBe(200);
}

beforeAll(async () => {
  ims = await startFakeIms({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, expiresIn: 3600 });
  sim = await startServerProcess(['--require-auth']);
  proxy = await startProxyProcess(['--target', sim.base, '--port', '0', '--dist', makeDist()], {
    CM_CLIENT_ID: CLIENT_ID,
    CM_CLIENT_SECRET: CLIENT_SECRET,
    CM_ORG_ID: ORG,
    CM_SCOPES: 'openid,AdobeID,read_organizations,additional_info.projectedProductContext,read_pc.dma_aem_ams',
    CM_IMS_TOKEN_URL: ims.url,
  });
}, 90_000);

afterAll(async () => {
  await Promise.all([proxy?.stop(), sim?.kill(), ims?.close()]);
});

describe('npm run proxy in front of the simulator (--require-auth)', () => {
  it('refuses callers without the headers, so the proxy is what makes the calls work', async () => {
    expect((await fetch(`${sim.base}/api/programs`)).status).toBe(403);
  });

  it('lists the programs, starts a run, follows it and approves it, all through the proxy', { timeout: 60_000 }, async () => {
    const programs = await get('/api/programs');
    expect(embedded(programs, 'programs').map((p) => p.name)).toContain('WKND Sites');

    await control('PUT', '/_sim/outcome', { outcome: 'pass' });
    const program = await programByName(get, 'WKND Sites');
    const pipeline = await pipelineOf(get, program);
    const started = await call(href(pipeline, 'execution'), { method: 'PUT' });
    expect(started.status).toBe(201);
    // The new execution's address is on the proxy, not on the API's host.
    expect(started.headers.get('location')).toMatch(new RegExp(`^${proxy.url}/api/program/`));
    const execution = (await started.json()) as Hal;
    const self = href(execution, 'self');
    expect((await get(self)).status).toBe('RUNNING');

    await control('POST', '/_sim/clock', { advanceMs: 3600_000 });
    const held = await get(self);
    const approval = embedded(held, 'stepStates').find((s) => s.status === 'WAITING');
    expect(approval?.action).toBe('approval');
    const advanced = await call(href(approval, 'pipeline/advance'), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ approved: true }),
    });
    expect(advanced.status).toBe(202);
    const after = await get(self);
    expect(embedded(after, 'stepStates').find((s) => s.action === 'approval')?.status).toBe('FINISHED');

    // A step's log, through the redirect the proxy rewrote to its own file endpoint.
    const build = embedded(after, 'stepStates').find((s) => s.action === 'build' && s.status === 'FINISHED');
    const logs = href(build, 'pipeline/logs');
    const redirect = (await get<{ redirect: string }>(logs)).redirect;
    expect(redirect).toMatch(new RegExp(`^${proxy.url}/_proxy/file\\?u=`));
    expect(redirect).not.toContain(sim.base);
    const direct = await fetch(sim.base + logs, {
      headers: { accept: 'application/json', 'x-api-key': 'k', 'x-gw-ims-org-id': 'o', authorization: 'Bearer t' },
    });
    const expected = await (await fetch(((await direct.json()) as { redirect: string }).redirect)).text();
    expect(expected.length).toBeGreaterThan(1000);

    const whole = await call(redirect);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await whole.text()).toBe(expected);

    // Tailing: Range passes through, 206 with the rest; past the end 416 with the length.
    const bytes = Buffer.from(expected);
    const offset = bytes.length - 200;
    const rest = await call(redirect, { headers: { range: `bytes=${offset}-` } });
    expect(rest.status).toBe(206);
    expect(rest.headers.get('content-range')).toBe(`bytes ${offset}-${bytes.length - 1}/${bytes.length}`);
    expect(Buffer.from(await rest.arrayBuffer()).equals(bytes.subarray(offset))).toBe(true);
    const nothingNew = await call(redirect, { headers: { range: `bytes=${bytes.length}-` } });
    expect(nothingNew.status).toBe(416);
    expect(nothingNew.headers.get('content-range')).toBe(`bytes */${bytes.length}`);

    // Without Accept: application/json the API answers 307; its Location is rewritten the same way.
    const moved = await call(logs, { redirect: 'manual' });
    expect(moved.status).toBe(307);
    expect(moved.headers.get('location')).toMatch(new RegExp(`^${proxy.url}/_proxy/file\\?u=`));
    expect(await (await call(logs)).text()).toBe(expected);
  });

  it('gets one token from IMS for many requests, concurrent ones included', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => call('/api/programs')));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(ims.calls).toBe(1);
    const form = ims.forms[0];
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_id')).toBe(CLIENT_ID);
    expect(form.get('client_secret')).toBe(CLIENT_SECRET);
    expect(form.get('scope')).toBe('openid,AdobeID,read_organizations,additional_info.projectedProductContext,read_pc.dma_aem_ams');
  });

  it('tells the console where it is connected, and nothing more', async () => {
    const info = await get<Record<string, unknown>>('/_proxy/info');
    expect(info).toEqual({ target: sim.base, organisation: ORG, readOnly: false, auth: 'client_credentials' });
  });

  it('never shows the secret or the token: not in an answer, a header, or a printed line', async () => {
    const index = await call('/');
    expect(index.status).toBe(200);
    const forbidden = [CLIENT_SECRET, ...ims.tokens];
    expect(ims.tokens.length).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(30);
    for (const secret of forbidden) {
      for (const answer of seen) expect(answer.includes(secret)).toBe(false);
      expect(proxy.output().includes(secret)).toBe(false);
    }
    expect(proxy.output()).toContain('Got an access token from Adobe IMS');
  });
});
