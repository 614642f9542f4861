// @vitest-environment node
/**
 * Fuzzing the simulated API (issue #6): random and malformed requests get 4xx answers in the
 * right shape (or 2xx when valid), never a 5xx (but the embedded simulator's 501 for webhooks), and
 * a refused request changes nothing — a permission refusal (403) included.
 */
import fc from 'fast-check';
import { request as httpRequest, Agent } from 'node:http';
import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../node';
import { isActiveExecution } from '../sim/engine';
import { MAX_BODY_BYTES } from './app';
import { fuzzRequests, knownPaths, toRequest, type FuzzRequest } from './fuzz-requests';
import { startServerProcess, type ServerProcess } from '../server-process';

const ORIGIN = 'http://localhost:8787';
const WALL = Date.UTC(2026, 10, 28, 9, 0, 0);

/** Checks one answer; returns a description of what is wrong, or undefined. */
async function badAnswer(request: FuzzRequest, response: Response, gateway: boolean): Promise<string | undefined> {
  const where = `${request.method} ${request.target.slice(0, 120)} → ${response.status}`;
  const webhooks = /^\/_sim\/webhooks(\/|\?|$)/.test(request.target);
  if (response.status >= 500 && !(response.status === 501 && webhooks)) return `${where}: server error ${await response.text()}`;
  if (response.status < 400) return undefined;
  const type = response.headers.get('content-type');
  const body = await response.json().catch(() => undefined);
  // The gateway's own 401/403 (missing headers, an unknown token) has its own shape; a refusal of
  // the service itself (an unknown x-sim-user, a permission the user lacks) is problem+json.
  if (gateway && (response.status === 401 || response.status === 403) && type === 'application/json') {
    const shaped = request.method === 'HEAD' || (typeof body?.error_code === 'string' && typeof body?.message === 'string');
    return shaped ? undefined : `${where}: not a gateway error body`;
  }
  if (type !== 'application/problem+json') return `${where}: content-type ${type}`;
  if (request.method === 'HEAD') return undefined; // no body over HTTP
  if (
    body?.status !== response.status ||
    typeof body.title !== 'string' ||
    typeof body.detail !== 'string' ||
    typeof body.type !== 'string'
  ) {
    return `${where}: not a problem body ${JSON.stringify(body)}`;
  }
  return undefined;
}

function setup(requireAuth = false) {
  const api = createSimulator({ seed: 1, wallClock: () => WALL, requireAuth });
  return { api, paths: knownPaths(api.simulator.state) };
}

describe('fuzzing the API function (createApi(...).handle)', () => {
  it('answers 1,200 random and malformed requests with 2xx or 4xx problem+json, and refused ones change nothing', async () => {
    const { api, paths } = setup();
    // A run waiting for its approval, so advance/cancel/logs have live targets too.
    await api.handle(toRequest(ORIGIN, { method: 'PUT', target: '/_sim/outcome', headers: {}, body: '{"outcome": "pass"}' }));
    await api.handle(toRequest(ORIGIN, { method: 'PUT', target: '/api/program/1/pipeline/101/execution', headers: {} }));
    await api.handle(toRequest(ORIGIN, { method: 'POST', target: '/_sim/clock', headers: {}, body: '{"advanceMs": 10800000}' }));
    expect(api.simulator.state.executions.at(-1)!.steps.find((s) => s.status === 'WAITING')?.action).toBe('approval');
    let sent = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fuzzRequests([...paths, ...knownPaths(api.simulator.state)], api.simulator.state), async (request) => {
        const before = JSON.stringify(api.simulator.state);
        const response = await api.handle(toRequest(ORIGIN, request));
        sent += 1;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const problem = await badAnswer(request, response, false);
        if (problem) throw new Error(problem);
        const readOnly = response.status >= 400 || request.method === 'GET' || request.method === 'HEAD';
        if (readOnly && JSON.stringify(api.simulator.state) !== before)
          throw new Error(`${request.method} ${request.target} → ${response.status} changed the state`);
      }),
      { numRuns: 1200, seed: 20261128 },
    );
    expect(sent).toBeGreaterThanOrEqual(1200);
    // Both kinds of answers were exercised, not just refusals.
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    expect([...statuses.keys()].filter((s) => s >= 400).length).toBeGreaterThanOrEqual(5);
    // Permission refusals (a seeded Developer) and the embedded simulator's webhooks were exercised.
    expect(statuses.get(403) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(501) ?? 0).toBeGreaterThan(0);
    // Still sound afterwards: at most one active execution per pipeline, and it still answers.
    const active = api.simulator.state.executions.filter(isActiveExecution).map((e) => e.pipelineId);
    expect(new Set(active).size).toBe(active.length);
    expect((await api.handle(new Request(`${ORIGIN}/api/programs`))).status).toBe(200);
  }, 120_000);

  it('answers 300 more with --require-auth: gateway errors without the headers, the same guarantees with them', async () => {
    const { api, paths } = setup(true);
    const auth = { 'x-api-key': 'fuzz', 'x-gw-ims-org-id': 'ORG@AdobeOrg', authorization: 'Bearer fuzz-token' };
    let gatewayAnswers = 0;
    await fc.assert(
      fc.asyncProperty(fuzzRequests(paths, api.simulator.state), fc.subarray(Object.keys(auth)), async (request, present) => {
        const headers = { ...request.headers, ...Object.fromEntries(present.map((k) => [k, auth[k as keyof typeof auth]])) };
        const before = JSON.stringify(api.simulator.state);
        const response = await api.handle(toRequest(ORIGIN, { ...request, headers }));
        if (response.headers.get('content-type') === 'application/json' && (response.status === 401 || response.status === 403))
          gatewayAnswers += 1;
        const problem = await badAnswer(request, response, true);
        if (problem) throw new Error(problem);
        const readOnly = response.status >= 400 || request.method === 'GET' || request.method === 'HEAD';
        if (readOnly && JSON.stringify(api.simulator.state) !== before)
          throw new Error(`${request.method} ${request.target} changed the state`);
      }),
      { numRuns: 300, seed: 6 },
    );
    expect(gatewayAnswers).toBeGreaterThan(20);
  }, 60_000);

  it('caps bodies at 64 KB (counted in bytes) with 413, before parsing', async () => {
    const { api } = setup();
    const before = JSON.stringify(api.simulator.state);
    const put = (body: string) => api.handle(new Request(`${ORIGIN}/_sim/speed`, { method: 'PUT', body }));
    const padded = (size: number) => {
      const head = '{"speed": 40, "pad": "';
      return `${head}${'x'.repeat(size - head.length - 2)}"}`;
    };
    expect(padded(MAX_BODY_BYTES).length).toBe(MAX_BODY_BYTES);
    const over = await put(padded(MAX_BODY_BYTES + 1));
    expect(over.status).toBe(413);
    expect(over.headers.get('content-type')).toBe('application/problem+json');
    expect(await over.json()).toMatchObject({ status: 413, title: 'Request body too large' });
    // 30,000 three-byte characters: under the cap in characters, over it in bytes.
    expect((await put(`{"speed": 40, "pad": "${'€'.repeat(30_000)}"}`)).status).toBe(413);
    expect(JSON.stringify(api.simulator.state)).toBe(before);
    // exactly at the cap is accepted
    expect((await put(padded(MAX_BODY_BYTES))).status).toBe(200);
  });

  it('answers a malformed percent-escape in a path with 404, not a crash', async () => {
    const { api } = setup();
    for (const path of ['/api/program/%', '/api/program/1/pipeline/%E0%A4%A', '/files/execution/%zz/step/1/log/main.log']) {
      const response = await api.handle(new Request(`${ORIGIN}${path}`));
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});

/** One request over a real socket (node:http: any method, any path, any body). */
function send(base: string, r: FuzzRequest, agent: Agent): Promise<Response> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const headers = r.body === undefined ? r.headers : { ...r.headers, 'content-length': String(Buffer.byteLength(r.body)) };
    const target = new URL(base + r.target); // escapes what a client would escape
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: r.method, path: target.pathname + target.search, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
          const status = res.statusCode ?? 0;
          resolve(
            new Response([101, 204, 205, 304].includes(status) || r.method === 'HEAD' ? null : Buffer.concat(chunks), { status, headers }),
          );
        });
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}

describe('fuzzing the standalone server over HTTP', () => {
  let server: ServerProcess | undefined;
  afterAll(() => server?.kill());

  it('answers 300 random and malformed requests with 2xx or 4xx problem+json; refused ones change nothing', async () => {
    // A nearly frozen clock, so only requests can change what the server answers.
    server = await startServerProcess(['--speed', '0.000001']);
    const { base } = server;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    // The wall clock (wallNow) moves on; everything else must not.
    const get = async (path: string) => (await fetch(base + path)).text().then((t) => t.replace(/"wallNow":"[^"]*"/, ''));
    const fingerprint = async () =>
      (
        await Promise.all(
          ['/_sim/state', '/api/programs', '/api/program/1/pipelines', '/api/program/1/pipeline/101/executions?limit=3'].map(get),
        )
      ).join('\n');
    const local = createSimulator({ seed: 1 });
    const paths = knownPaths(local.simulator.state);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fuzzRequests(paths, local.simulator.state), async (request) => {
        const before = await fingerprint();
        const response = await send(base, request, agent);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const problem = await badAnswer(request, response, false);
        if (problem) throw new Error(problem);
        if (response.status >= 400 && (await fingerprint()) !== before)
          throw new Error(`${request.method} ${request.target} → ${response.status} changed the state`);
      }),
      { numRuns: 300, seed: 1128 },
    );
    agent.destroy();
    // Not even HTTP, or headers over Node's limit: problem+json as well.
    const raw = (bytes: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(Number(new URL(base).port), '127.0.0.1', () => socket.end(bytes));
        let text = '';
        socket.on('data', (c: Buffer) => (text += c.toString()));
        socket.on('error', () => resolve(text));
        socket.on('close', () => resolve(text));
      });
    for (const [bytes, status, title] of [
      ['BREW /coffee HTCPCP/1.0\r\n\r\n', 400, 'Malformed HTTP request'],
      [`GET /api/programs HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'Request headers too large'],
    ] as const) {
      const answer = await raw(bytes);
      expect(answer).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
      expect(answer).toContain('content-type: application/problem+json');
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status, title });
    }
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(300);
    expect(statuses.get(413) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    expect((await fetch(`${base}/api/programs`)).status).toBe(200);
  }, 120_000);
});
