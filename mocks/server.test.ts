// @vitest-environment node
/** The standalone server as a separate process: real HTTP, a data file that survives SIGKILL. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serverExit, startServerProcess, type ServerProcess } from './server-process';

const servers: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.kill()));
});

async function startServer(args: string[]): Promise<ServerProcess> {
  const server = await startServerProcess(args);
  servers.push(server);
  return server;
}

const REL = 'http://ns.adobe.com/adobecloud/rel/';
const JSON_BODY = { 'content-type': 'application/json' };

async function productionPipeline(base: string, programIndex = 0) {
  const programs = await (await fetch(`${base}/api/programs`)).json();
  const program = await (await fetch(base + programs._embedded.programs[programIndex]._links.self.href)).json();
  const pipelines = await (await fetch(base + program._links[`${REL}pipelines`].href)).json();
  return pipelines._embedded.pipelines[0];
}

type StepJson = { action: string; status: string; _links: Record<string, { href: string }> };

/** Starts a passing run on the program's production pipeline and jumps the clock to its approval hold. */
async function runToApproval(base: string, programIndex: number): Promise<{ self: string; approval: StepJson }> {
  await fetch(`${base}/_sim/outcome`, { method: 'PUT', headers: JSON_BODY, body: JSON.stringify({ outcome: 'pass' }) });
  const pipeline = await productionPipeline(base, programIndex);
  const started = await fetch(base + pipeline._links[`${REL}execution`].href, { method: 'PUT' });
  expect(started.status).toBe(201);
  const self = (await started.json())._links.self.href;
  await fetch(`${base}/_sim/clock`, { method: 'POST', headers: JSON_BODY, body: JSON.stringify({ advanceMs: 3 * 3600_000 }) });
  const execution = await (await fetch(base + self)).json();
  const approval = execution._embedded.stepStates.find((s: StepJson) => s.status === 'WAITING');
  expect(approval?.action).toBe('approval');
  return { self, approval };
}

describe('npm run api (standalone server)', () => {
  it('keeps every execution across a SIGKILL and carries the run on after restart', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'cm-sim-')), 'state.json');
    const first = await startServer(['--data', data, '--speed', '30']);
    const pipeline = await productionPipeline(first.base);
    const started = await fetch(first.base + pipeline._links[`${REL}execution`].href, { method: 'PUT' });
    expect(started.status).toBe(201);
    const execution = await started.json();
    await first.kill();

    const second = await startServer(['--data', data]);
    const again = await (await fetch(second.base + execution._links.self.href)).json();
    expect(again.id).toBe(execution.id);
    expect(again.status).toBe('RUNNING');
    const current = await fetch(second.base + pipeline._links[`${REL}execution`].href);
    expect(current.status).toBe(200);
    expect((await current.json()).id).toBe(execution.id);
    // the clock carries on: jump and see progress
    await fetch(`${second.base}/_sim/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 10 * 60_000 }), headers: JSON_BODY });
    const later = await (await fetch(second.base + execution._links.self.href)).json();
    expect(later._embedded.stepStates.filter((s: { status: string }) => s.status === 'FINISHED').length).toBeGreaterThan(1);
  }, 60_000);

  it('reports a corrupt data file with its path and leaves it untouched', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'cm-sim-')), 'state.json');
    writeFileSync(data, '{"version": 1, "programs": [');
    const { code, output } = await serverExit(['--data', data]);
    expect(code).not.toBe(0);
    expect(output).toContain(data);
    expect(readFileSync(data, 'utf8')).toBe('{"version": 1, "programs": [');
  }, 30_000);

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
    const decide = (step: StepJson, action: 'advance' | 'cancel', body: unknown) =>
      fetch(base + step._links[`${REL}pipeline/${action}`].href, { method: 'PUT', headers: JSON_BODY, body: JSON.stringify(body) });

    // Two approvals of WKND's approval hold, sent at the same time.
    const wknd = await runToApproval(base, 0);
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
    const acme = await runToApproval(base, 2);
    const [approve, reject] = await Promise.all([
      decide(acme.approval, 'advance', { approved: true }),
      decide(acme.approval, 'cancel', { approved: false }),
    ]);
    expect([approve.status, reject.status].sort()).toEqual([202, 409]);
    const loser = approve.status === 409 ? approve : reject;
    const problem = await loser.json();
    expect(problem.title).toBe('Step already decided');
    const after = await (await fetch(base + acme.self)).json();
    const step = after._embedded.stepStates.find((s: StepJson) => s.action === 'approval');
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
