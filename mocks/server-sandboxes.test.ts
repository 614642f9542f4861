// @vitest-environment node
/**
 * `--sandbox-per-key`: each API key (or bearer token) its own world, kept in the data directory
 * across restarts and evictions, listed, reset and removed through /_sim/sandboxes.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../test-support/api-client';
import { listenForTest } from '../test-support/listen';
import { embedded, href, pipelineOf, programByName, type Hal } from '../test-support/hal';
import { sandboxId, type SandboxView } from './sandboxes';
import { parseServerArgs, startServer } from './server';
import { serverExit, startServerProcess, type ServerProcess } from './server-process';

const KEY_A = 'team-a-key-0123456789';
const KEY_B = 'team-b-key-9876543210';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function processServer(args: string[]): Promise<ServerProcess> {
  const server = await startServerProcess(args);
  closers.push(server.kill);
  return server;
}

/** A client of the server at `base` sending `key` as x-api-key. */
const clientOf = (base: string, key: string) => apiClient((request) => fetch(request), base, { headers: { 'x-api-key': key } });

/** Starts a run of the production pipeline of `programName`; returns the execution. */
async function startRun(client: ApiClient, programName: string): Promise<Hal> {
  const pipeline = await pipelineOf(client.get, await programByName(client.get, programName));
  const started = await client.call('PUT', href(pipeline, 'execution'));
  expect(started.status).toBe(201);
  return (await started.json()) as Hal;
}

/** The executions of the production pipeline of `programName`. */
async function executionsOf(client: ApiClient, programName: string): Promise<Hal[]> {
  const pipeline = await pipelineOf(client.get, await programByName(client.get, programName));
  return embedded(await client.get(href(pipeline, 'executions')), 'executions');
}

const programCount = async (client: ApiClient) => embedded(await client.get('/api/programs'), 'programs').length;

describe('--sandbox-per-key', () => {
  it('gives two keys their own worlds, concurrently, kept across a restart; a reset and a removal touch one only', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'cm-sandboxes-')), 'sandboxes');
    const first = await processServer(['--sandbox-per-key', '--data', dir, '--speed', '1']);
    const a = clientOf(first.base, KEY_A);
    const b = clientOf(first.base, KEY_B);
    const before = { wknd: (await executionsOf(a, 'WKND Sites')).length, weRetail: (await executionsOf(a, 'We.Retail Global')).length };

    // Both at once: A starts WKND's production run and adds programs; B starts We.Retail's.
    const [runA, runB] = await Promise.all([startRun(a, 'WKND Sites'), startRun(b, 'We.Retail Global')]);
    expect((await a.call('POST', '/_sim/populate', { programs: 12 })).status).toBe(200);
    expect(await programCount(a)).toBeGreaterThan(await programCount(b));
    expect((await executionsOf(a, 'WKND Sites')).map((e) => e.id)).toContain(runA.id);
    expect(await executionsOf(a, 'We.Retail Global')).toHaveLength(before.weRetail);
    expect(await executionsOf(b, 'WKND Sites')).toHaveLength(before.wknd);
    expect((await executionsOf(b, 'We.Retail Global')).map((e) => e.id)).toContain(runB.id);

    // Without a key: a clear 401 problem.
    const anonymous = await fetch(`${first.base}/api/programs`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json');
    expect((await anonymous.json()).detail).toMatch(/x-api-key/);

    // The files are named by a hash of the key, never the key.
    const files = readdirSync(dir);
    expect(files).toContain(`sandbox-${sandboxId(KEY_A)}.json`);
    expect(files.join(' ')).not.toContain(KEY_A);
    expect(readFileSync(join(dir, 'sandboxes.json'), 'utf8')).not.toContain(KEY_A);

    // A restart (after SIGKILL) keeps both.
    await first.kill();
    const second = await processServer(['--sandbox-per-key', '--data', dir]);
    const a2 = clientOf(second.base, KEY_A);
    const b2 = clientOf(second.base, KEY_B);
    const listed = (await (await fetch(`${second.base}/_sim/sandboxes`, { headers: { 'x-api-key': KEY_B } })).json()) as {
      sandboxes: SandboxView[];
      yours: string;
    };
    expect(listed.sandboxes.map((s) => s.id).sort()).toEqual([sandboxId(KEY_A), sandboxId(KEY_B)].sort());
    expect(listed.sandboxes.every((s) => !s.inMemory)).toBe(true);
    expect(listed.yours).toBe(sandboxId(KEY_B));
    expect(JSON.stringify(listed)).not.toContain(KEY_A);
    expect((await a2.get(href(runA, 'self'))).id).toBe(runA.id);
    expect((await b2.get(href(runB, 'self'))).id).toBe(runB.id);
    expect((await a2.call('GET', href(runB, 'self'))).status).toBe(404);

    // Reset A: back to the seed; B untouched.
    const reset = await fetch(`${second.base}/_sim/sandboxes/${sandboxId(KEY_A)}/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect((await a2.call('GET', href(runA, 'self'))).status).toBe(404);
    expect(await programCount(a2)).toBe(await programCount(b2));
    expect((await b2.get(href(runB, 'self'))).status).toBe('RUNNING');

    // Remove B: gone from the list and the disk; its key starts afresh.
    expect((await fetch(`${second.base}/_sim/sandboxes/${sandboxId(KEY_B)}`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${second.base}/_sim/sandboxes/${sandboxId(KEY_B)}`, { method: 'DELETE' })).status).toBe(404);
    expect(readdirSync(dir).some((name) => name.includes(sandboxId(KEY_B)))).toBe(false);
    const { sandboxes } = (await (await fetch(`${second.base}/_sim/sandboxes`)).json()) as { sandboxes: SandboxView[] };
    expect(sandboxes.map((s) => s.id)).toEqual([sandboxId(KEY_A)]);
    expect((await b2.call('GET', href(runB, 'self'))).status).toBe(404);
  }, 90_000);

  it('starts each new sandbox from --scenario; one read back from its file carries on where it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-sandboxes-'));
    const scenario = new URL('../scenarios/green-release.json', import.meta.url).pathname;
    const options = { port: 0, host: '127.0.0.1', seed: 1, requireAuth: false, data: dir, sandboxPerKey: true, scenario };
    const first = startServer(options);
    const a = clientOf(await listenForTest(first.server, closers), KEY_A);
    const names = async (client: ApiClient) => embedded(await client.get('/api/programs'), 'programs').map((p) => p.name);
    expect(await names(a)).toEqual(['Green Release']);
    const run = await startRun(a, 'Green Release');
    first.flush();

    const second = startServer(options);
    const base = await listenForTest(second.server, closers);
    const a2 = clientOf(base, KEY_A);
    expect((await a2.get(href(run, 'self'))).id).toBe(run.id);
    expect(await names(clientOf(base, KEY_B))).toEqual(['Green Release']);
    expect(await executionsOf(clientOf(base, KEY_B), 'Green Release')).toEqual([]);
  });

  it('takes the bearer token as the key when there is no x-api-key', async () => {
    const { server, sandboxes } = startServer({ port: 0, host: '127.0.0.1', seed: 1, requireAuth: false, sandboxPerKey: true });
    const base = await listenForTest(server, closers);
    const token = apiClient((request) => fetch(request), base, { headers: { authorization: 'Bearer token-one' } });
    const other = apiClient((request) => fetch(request), base, { headers: { authorization: 'Bearer token-two' } });
    const run = await startRun(token, 'WKND Sites');
    expect((await token.get(href(run, 'self'))).id).toBe(run.id);
    expect((await other.call('GET', href(run, 'self'))).status).toBe(404);
    expect(sandboxes?.list().map((s) => s.id)).toEqual([sandboxId('token-one'), sandboxId('token-two')]);
  });

  it('evicts an idle sandbox from memory and reads it back on its next request, state intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-sandboxes-'));
    const { server, sandboxes } = startServer({
      port: 0,
      host: '127.0.0.1',
      seed: 1,
      requireAuth: false,
      speed: 1,
      data: dir,
      sandboxPerKey: true,
      sandboxIdleSeconds: 60,
    });
    const base = await listenForTest(server, closers);
    const a = clientOf(base, KEY_A);
    const run = await startRun(a, 'WKND Sites');
    expect(sandboxes!.evictIdle(Date.now())).toBe(0); // not idle yet
    expect(sandboxes!.evictIdle(Date.now() + 61_000)).toBe(1);
    expect(sandboxes!.list()).toEqual([expect.objectContaining({ id: sandboxId(KEY_A), inMemory: false })]);
    expect(sandboxes!.counts).toEqual({ total: 1, inMemory: 0 });
    const again = await a.get(href(run, 'self'));
    expect(again.id).toBe(run.id);
    expect(again.status).toBe('RUNNING');
    expect(sandboxes!.counts).toEqual({ total: 1, inMemory: 1 });
  });

  it('refuses flags that do not go together, without starting', async () => {
    expect(() => parseServerArgs(['--sandbox-idle', '30'])).toThrow(/--sandbox-per-key/);
    expect(() => parseServerArgs(['--sandbox-per-key', '--sandbox-idle', '0'])).toThrow(/positive/);
    expect(() => parseServerArgs(['--sandbox-per-key', '--events-webhook', 'http://127.0.0.1:1/h', '--events-secret', 's'])).toThrow(
      /POST \/_sim\/webhooks/,
    );
    const file = join(mkdtempSync(join(tmpdir(), 'cm-sandboxes-')), 'state.json');
    writeFileSync(file, '{}');
    expect(() => parseServerArgs(['--sandbox-per-key', '--data', file])).toThrow(/names a directory/);
    const { code, output } = await serverExit(['--sandbox-per-key', '--data', file]);
    expect(code).toBe(2);
    expect(output).toMatch(/names a directory/);
    expect(parseServerArgs(['--sandbox-per-key', '--sandbox-idle', '90'])).toMatchObject({ sandboxPerKey: true, sandboxIdleSeconds: 90 });
  });
});
