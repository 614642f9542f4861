// @vitest-environment node
/**
 * The example notifier as a user runs it (`node examples/notifier/notifier.mjs`): registered as a
 * webhook of the standalone simulator, it prints one line per event of a short run, and refuses a
 * delivery whose signature is wrong (401) without printing it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { signBody } from '../../mocks/events/signature';
import { startServer } from '../../mocks/server';
import { listenForTest } from '../../test-support/listen';

const NOTIFIER = fileURLToPath(new URL('./notifier.mjs', import.meta.url));
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Starts the notifier on a free port; resolves with its webhook URL and what it printed so far. */
function startNotifier(secret: string): Promise<{ url: string; stdout: () => string; stderr: () => string; child: ChildProcess }> {
  const child = spawn(process.execPath, [NOTIFIER, '--port', '0', '--secret', secret], { stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(() => void child.kill('SIGKILL'));
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the notifier exited with ${code}: ${stderr}`)));
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) resolve({ url, stdout: () => stdout, stderr: () => stderr, child });
    });
  });
}

async function until(predicate: () => boolean, what: () => string, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the example notifier', () => {
  it('answers the challenge, prints a line per event of a short run, and refuses a badly signed delivery', async () => {
    const notifier = await startNotifier('s3cret');
    const { server } = startServer({ port: 0, host: '127.0.0.1', seed: 1, requireAuth: false, speed: 0.001, delivery: { tickMs: 20 } });
    const base = await listenForTest(server, cleanups);
    const call = (method: string, path: string, body?: unknown) =>
      fetch(base + path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    expect((await call('POST', '/_sim/webhooks', { url: notifier.url, secret: 's3cret' })).status).toBe(201);
    await call('PUT', '/_sim/outcome', { outcome: 'pass' });
    const started = await call('PUT', '/api/program/1/pipeline/103/execution'); // WKND Sites' Code Quality pipeline
    expect(started.status).toBe(201);
    const { id } = await started.json();
    await call('POST', '/_sim/clock', { advanceMs: 3600_000 });
    await until(
      () => notifier.stdout().includes(`execution ${id} finished`),
      () => notifier.stdout(),
    );
    const run = `${base}/api/program/1/pipeline/103/execution/${id}`;
    const lines = notifier.stdout().trim().split('\n').slice(1);
    expect(lines).toEqual([
      `▶️ WKND Sites · Code Quality · execution ${id} started by Simulated User — ${run}`,
      `🔄 WKND Sites · Code Quality · execution ${id} · Validation started — ${run}`,
      `✔️ WKND Sites · Code Quality · execution ${id} · Validation finished — ${run}`,
      `🔄 WKND Sites · Code Quality · execution ${id} · Build & Unit Testing started — ${run}`,
      `✔️ WKND Sites · Code Quality · execution ${id} · Build & Unit Testing finished — ${run}`,
      `✔️ WKND Sites · Code Quality · execution ${id} · Code Scanning finished — ${run}`,
      `✅ WKND Sites · Code Quality · execution ${id} finished — ${run}`,
    ]);

    // A delivery signed with another secret, or not at all: 401, nothing printed.
    const body = JSON.stringify({ event_id: 'forged', event: {} });
    for (const signature of [signBody(body, 'not the secret'), undefined]) {
      const forged = await fetch(notifier.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-adobe-event-code': 'pipeline_execution_end',
          ...(signature ? { 'x-adobe-signature': signature } : {}),
        },
        body,
      });
      expect(forged.status).toBe(401);
    }
    expect(notifier.stdout().trim().split('\n')).toHaveLength(lines.length + 1);
    expect(notifier.stderr()).toContain('refused a delivery with a missing or bad signature');
    // The challenge, as the simulator sends it.
    const challenge = await fetch(`${notifier.url}?challenge=abc123`);
    expect(await challenge.json()).toEqual({ challenge: 'abc123' });
  }, 60_000);

  it('will not start without the secret', async () => {
    const child = spawn(process.execPath, [NOTIFIER, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, EVENTS_SECRET: '' },
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--secret');
  });
});
