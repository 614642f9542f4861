// @vitest-environment node
/** The standalone server as a separate process: real HTTP, a data file that survives SIGKILL. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serverExit, startServerProcess, type ServerProcess } from './server-process';
import { parseServerArgs } from './server';
import { embedded, follow, href, pipelineOf, programByName, type GetJson, type Hal } from '../test-support/hal';
import { connect } from 'node:net';
import { DataFile } from './persist-file';

const servers: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.kill()));
});

async function startServer(args: string[]): Promise<ServerProcess> {
  const server = await startServerProcess(args);
  servers.push(server);
  return server;
}

const JSON_BODY = { 'content-type': 'application/json' };

/** GET over real HTTP from the server at `base`. */
const getFrom =
  (base: string): GetJson =>
  async <T = Hal>(target: string) =>
    (await (await fetch(new URL(target, base))).json()) as T;

async function productionPipeline(base: string, programName = 'WKND Sites'): Promise<Hal> {
  const get = getFrom(base);
  return pipelineOf(get, await programByName(get, programName));
}

/** Starts a passing run on the program's production pipeline and jumps the clock to its approval hold. */
async function runToApproval(base: string, programName: string): Promise<{ self: string; approval: Hal }> {
  await fetch(`${base}/_sim/outcome`, { method: 'PUT', headers: JSON_BODY, body: JSON.stringify({ outcome: 'pass' }) });
  const pipeline = await productionPipeline(base, programName);
  const started = await fetch(base + href(pipeline, 'execution'), { method: 'PUT' });
  expect(started.status).toBe(201);
  const self = href(await started.json(), 'self');
  await fetch(`${base}/_sim/clock`, { method: 'POST', headers: JSON_BODY, body: JSON.stringify({ advanceMs: 3 * 3600_000 }) });
  const execution = await getFrom(base)(self);
  const approval = embedded(execution, 'stepStates').find((s) => s.status === 'WAITING');
  expect(approval?.action).toBe('approval');
  return { self, approval: approval! };
}

describe('npm run api (standalone server)', () => {
  it('keeps every execution across a SIGKILL and carries the run on after restart', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'cm-sim-')), 'state.json');
    const first = await startServer(['--data', data, '--speed', '30']);
    const pipeline = await productionPipeline(first.base);
    const started = await fetch(first.base + href(pipeline, 'execution'), { method: 'PUT' });
    expect(started.status).toBe(201);
    const execution: Hal = await started.json();
    await first.kill();

    const second = await startServer(['--data', data]);
    const get = getFrom(second.base);
    const again = await get(href(execution, 'self'));
    expect(again.id).toBe(execution.id);
    expect(again.status).toBe('RUNNING');
    const current = await fetch(second.base + href(pipeline, 'execution'));
    expect(current.status).toBe(200);
    expect((await current.json()).id).toBe(execution.id);
    // the clock carries on: jump and see progress
    await fetch(`${second.base}/_sim/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 10 * 60_000 }), headers: JSON_BODY });
    const later = await get(href(execution, 'self'));
    expect(embedded(later, 'stepStates').filter((s) => s.status === 'FINISHED').length).toBeGreaterThan(1);
  }, 60_000);

  it('reports a corrupt data file with its path and leaves it untouched', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'cm-sim-')), 'state.json');
    writeFileSync(data, '{"version": 1, "programs": [');
    const { code, output } = await serverExit(['--data', data]);
    expect(code).not.toBe(0);
    expect(output).toContain(data);
    expect(readFileSync(data, 'utf8')).toBe('{"version": 1, "programs": [');
  }, 30_000);

  it('exits 2 with one line when its port is in use', async () => {
    const first = await startServer([]);
    const { code, output } = await serverExit(['--port', new URL(first.base).port]);
    expect(code).toBe(2);
    expect(output.trim()).toBe(`cannot start the simulator: port ${new URL(first.base).port} is in use`);
  });

  it('reports an unreadable data file with its path and leaves it untouched', async () => {
    // A directory where the file should be: unreadable as a file even for root (chmod 000 is not).
    const data = join(mkdtempSync(join(tmpdir(), 'cm-sim-')), 'state.json');
    mkdirSync(data);
    writeFileSync(join(data, 'keep.txt'), 'mine');
    const { code, output } = await serverExit(['--data', data]);
    expect(code).toBe(2);
    expect(output).toContain(`Cannot read the data file ${data}`);
    expect(output).toContain('left untouched');
    expect(readdirSync(data)).toEqual(['keep.txt']);
    expect(readFileSync(join(data, 'keep.txt'), 'utf8')).toBe('mine');
  }, 30_000);

  it('answers CORS preflights so a console on another origin can use it', async () => {
    const { base } = await startServer([]);
    const preflight = await fetch(`${base}/api/programs`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'PUT' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-api-key');
  }, 30_000);

  it('lets one of two concurrent decisions on a waiting step win; the other gets 409 "Step already decided"', async () => {
    const { base } = await startServer(['--speed', '1']);
    const decide = (step: Hal, action: 'advance' | 'cancel', body: unknown) =>
      fetch(base + href(step, `pipeline/${action}`), { method: 'PUT', headers: JSON_BODY, body: JSON.stringify(body) });

    // Two approvals of WKND's approval hold, sent at the same time.
    const wknd = await runToApproval(base, 'WKND Sites');
    const approvals = await Promise.all([
      decide(wknd.approval, 'advance', { approved: true }),
      decide(wknd.approval, 'advance', { approved: true }),
    ]);
    expect(approvals.map((r) => r.status).sort()).toEqual([202, 409]);
    const lost = approvals.find((r) => r.status === 409)!;
    expect(lost.headers.get('content-type')).toBe('application/problem+json');
    expect(await lost.json()).toMatchObject({
      status: 409,
      title: 'Step already decided',
      detail: expect.stringMatching(/already decided \(approved, now FINISHED\)/),
    });

    // Approve and reject of Acme's approval hold at the same time: exactly one applies.
    const acme = await runToApproval(base, 'Acme Intranet');
    const [approve, reject] = await Promise.all([
      decide(acme.approval, 'advance', { approved: true }),
      decide(acme.approval, 'cancel', { approved: false }),
    ]);
    expect([approve.status, reject.status].sort()).toEqual([202, 409]);
    const loser = approve.status === 409 ? approve : reject;
    const problem = await loser.json();
    expect(problem.title).toBe('Step already decided');
    const after = await getFrom(base)(acme.self);
    const step = embedded(after, 'stepStates').find((s) => s.action === 'approval')!;
    if (approve.status === 202) {
      expect(step.status).toBe('FINISHED');
      expect(problem.detail).toMatch(/approved, now FINISHED/);
    } else {
      expect([step.status, after.status]).toEqual(['CANCELLED', 'CANCELLED']);
      expect(problem.detail).toMatch(/rejected, now CANCELLED/);
    }
  }, 60_000);

  it('with --require-auth answers like Adobe’s gateway without the three headers, keeps /_sim and CORS open, and never logs the token', async () => {
    const server = await startServer(['--require-auth']);
    const { base } = server;
    const token = 'eyJhbGciOiJSUzI1NiJ9.secret-token-do-not-log';
    const all = { 'x-api-key': 'cm-console', 'x-gw-ims-org-id': 'SIMULATED@AdobeOrg', authorization: `Bearer ${token}` };
    const without = (name: keyof typeof all) => Object.fromEntries(Object.entries(all).filter(([k]) => k !== name));
    const cases: [Record<string, string>, number, string][] = [
      [{}, 403, '403003'],
      [without('x-api-key'), 403, '403003'],
      [without('authorization'), 401, '401013'],
      [{ ...all, authorization: token }, 401, '401013'],
      [without('x-gw-ims-org-id'), 403, '403025'],
    ];
    for (const [headers, status, code] of cases) {
      const response = await fetch(`${base}/api/programs`, { headers });
      expect(response.status, JSON.stringify(Object.keys(headers))).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const body = await response.json();
      expect(body).toEqual({ error_code: code, message: expect.any(String) });
    }
    // Refused before anything changes: a start without headers does not start a run.
    const pipelineHref = '/api/program/1/pipeline/101/execution';
    expect((await fetch(base + pipelineHref, { method: 'PUT' })).status).toBe(403);
    expect((await fetch(base + pipelineHref, { headers: all })).status).toBe(404);

    expect((await fetch(`${base}/api/programs`, { headers: all })).status).toBe(200);
    expect((await fetch(base + pipelineHref, { method: 'PUT', headers: all })).status).toBe(201);
    expect((await fetch(`${base}/api/program/1/pipeline/999`, { headers: all })).status).toBe(404);
    expect((await fetch(`${base}/_sim/state`)).status).toBe(200);
    const preflight = await fetch(`${base}/api/programs`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization, x-api-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(server.output()).toContain('headers required');
    expect(server.output()).not.toContain('secret-token');
  }, 30_000);
});

describe('stopping the standalone server', () => {
  it('exits promptly on SIGTERM with a connection open that never sent a request, saving the state first', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'cm-sim-')), 'state.json');
    const server = await startServer(['--data', data, '--speed', '30']);
    const { base, child } = server;
    expect((await fetch(`${base}/_sim/speed`, { method: 'PUT', headers: JSON_BODY, body: JSON.stringify({ speed: 50 }) })).status).toBe(
      200,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const shown = Date.parse((await (await fetch(`${base}/_sim/state`)).json()).now);
    // Like a browser's pre-opened connection (keep-alive, no request yet), and an idle keep-alive one.
    const idle = connect(Number(new URL(base).port), '127.0.0.1');
    const silent = connect(Number(new URL(base).port), '127.0.0.1');
    await Promise.all([idle, silent].map((socket) => new Promise((resolve) => socket.once('connect', resolve))));
    idle.write('GET /api/programs HTTP/1.1\r\nhost: localhost\r\nconnection: keep-alive\r\n\r\n');
    await new Promise((resolve) => idle.once('data', resolve));
    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const stillRunning = new Promise<string>((resolve) => setTimeout(() => resolve('still running after 5 s'), 5000));
    expect(await Promise.race([exited, stillRunning])).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    idle.destroy();
    silent.destroy();
    const saved = new DataFile(data).read()!;
    expect(saved.settings.speed).toBe(50);
    expect(saved.now).toBeGreaterThanOrEqual(shown);
  }, 30_000);
});

describe('a client that follows the spec, over HTTP', () => {
  it('edits, reads and sets the variables of, invalidates the cache of, and deletes a pipeline, following links from /api/programs', async () => {
    const { base } = await startServer([]);
    const call = async (method: string, target: string, body?: unknown) => {
      const response = await fetch(new URL(target, base), {
        method,
        headers: { accept: 'application/json', ...(body === undefined ? {} : JSON_BODY) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    };
    const get = getFrom(base);
    const program = await programByName(get, 'WKND Sites');
    const pipeline = await pipelineOf(get, program, 'Dev Deployment');
    const build = (pipeline.phases as { type: string; repositoryId: string; branch: string }[]).find((p) => p.type === 'BUILD')!;
    const repositories = await follow(get, program, 'repositories');
    const repository = embedded(repositories, 'repositories').find((r) => r.id === build.repositoryId)!;
    const branches = embedded(await follow(get, repository, 'branches'), 'branches').map((b) => String(b.name));
    const other = branches.find((b) => b !== build.branch)!;

    // PATCH self with a PipelineUpdate: the branch changes, the rest stays.
    const patched = await call('PATCH', href(pipeline, 'self'), { phases: [{ type: 'BUILD', branch: other }] });
    expect(patched.status).toBe(200);
    const read = await get(href(pipeline, 'self'));
    expect((read.phases as { type: string; branch: string }[]).find((p) => p.type === 'BUILD')!.branch).toBe(other);
    expect(read.name).toBe(pipeline.name);
    expect(read).toEqual(patched.body);

    // Variables: PATCH a list of PipelineVariableUpdate, read them back (a secret without its value), delete one.
    const variables = href(read, 'variables');
    expect(
      (
        await call('PATCH', variables, [
          { name: 'DEPLOY_REGION', value: 'eu', type: 'string' },
          { name: 'API_TOKEN', value: 'never-shown', type: 'secretString' },
        ])
      ).status,
    ).toBe(204);
    const listed = await get(variables);
    expect(embedded(listed, 'variables').map((v) => [v.name, v.type, v.value])).toEqual([
      ['DEPLOY_REGION', 'string', 'eu'],
      ['API_TOKEN', 'secretString', undefined],
    ]);
    expect(JSON.stringify(listed)).not.toContain('never-shown');
    expect((await call('PATCH', variables, [{ name: 'DEPLOY_REGION', value: '' }])).status).toBe(204);
    expect(embedded(await get(variables), 'variables').map((v) => v.name)).toEqual(['API_TOKEN']);

    // Invalidate the build cache, then delete the pipeline: later reads are 404.
    expect((await call('DELETE', href(read, 'cache'))).status).toBe(204);
    expect((await call('DELETE', href(read, 'self'))).status).toBe(204);
    expect((await call('GET', href(read, 'self'))).status).toBe(404);
    const remaining = embedded(await follow(get, program, 'pipelines'), 'pipelines').map((p) => p.name);
    expect(remaining).not.toContain(pipeline.name);
  }, 30_000);
});

describe('parseServerArgs', () => {
  it('refuses a speed the simulator does not run at', () => {
    expect(parseServerArgs(['--speed', '60']).speed).toBe(60);
    for (const speed of ['0', '-1', 'fast', '1e9']) expect(() => parseServerArgs(['--speed', speed])).toThrow(/--speed/);
  });
});
