// @vitest-environment node
/** The standalone server as a separate process: real HTTP, a data file that survives SIGKILL. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// node itself with tsx's loader: one process, so killing it stops the server (the tsx CLI leaves a child).
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function startServer(args: string[]): Promise<{ child: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'mocks/server.ts', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /on (http:\/\/[\d.]+:\d+)\/api\/programs/.exec(output);
      if (match) resolve({ child, base: match[1] });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

function exitOf(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'mocks/server.ts', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const REL = 'http://ns.adobe.com/adobecloud/rel/';

async function productionPipeline(base: string) {
  const programs = await (await fetch(`${base}/api/programs`)).json();
  const program = await (await fetch(base + programs._embedded.programs[0]._links.self.href)).json();
  const pipelines = await (await fetch(base + program._links[`${REL}pipelines`].href)).json();
  return pipelines._embedded.pipelines[0];
}

describe('npm run api (standalone server)', () => {
  it('keeps every execution across a SIGKILL and carries the run on after restart', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'cm-sim-')), 'state.json');
    const first = await startServer(['--data', data, '--speed', '30']);
    const pipeline = await productionPipeline(first.base);
    const started = await fetch(first.base + pipeline._links[`${REL}execution`].href, { method: 'PUT' });
    expect(started.status).toBe(201);
    const execution = await started.json();
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await startServer(['--data', data]);
    const again = await (await fetch(second.base + execution._links.self.href)).json();
    expect(again.id).toBe(execution.id);
    expect(again.status).toBe('RUNNING');
    const current = await fetch(second.base + pipeline._links[`${REL}execution`].href);
    expect(current.status).toBe(200);
    expect((await current.json()).id).toBe(execution.id);
    // the clock carries on: jump and see progress
    await fetch(`${second.base}/_sim/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 10 * 60_000 }), headers: { 'content-type': 'application/json' } });
    const later = await (await fetch(second.base + execution._links.self.href)).json();
    expect(later._embedded.stepStates.filter((s: { status: string }) => s.status === 'FINISHED').length).toBeGreaterThan(1);
  }, 60_000);

  it('reports a corrupt data file with its path and leaves it untouched', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'cm-sim-')), 'state.json');
    writeFileSync(data, '{"version": 1, "programs": [');
    const { code, output } = await exitOf(['--data', data]);
    expect(code).not.toBe(0);
    expect(output).toContain(data);
    expect(readFileSync(data, 'utf8')).toBe('{"version": 1, "programs": [');
  }, 30_000);

  it('answers CORS preflights so a console on another origin can use it', async () => {
    const { base } = await startServer([]);
    const preflight = await fetch(`${base}/api/programs`, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'PUT' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-api-key');
  }, 30_000);
});
