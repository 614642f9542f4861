// @vitest-environment node
/**
 * The package as someone installs it. `npm pack` runs for real (its prepack builds dist-bin/ and
 * the console's dist/ in this working tree, as a release would; both are build output, git-ignored,
 * and take a few seconds), the tarball is installed with `--offline` into an empty folder outside
 * the repository (it has no dependencies, so nothing is fetched and nothing from this repository's
 * node_modules can be reached), and its bin runs as a program with plain Node:
 * the simulated API drives a production run through its three holds over HTTP, keeps its data
 * file, asks for the gateway's headers and adds scale data like `npm run api`, `--help` lists every
 * flag, `--scenario` starts from a scenario shipped in the package, the `proxy` subcommand serves
 * the console shipped in the package, and the README's CI
 * example works as written.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_FLAGS } from '../mocks/server';
import { PROXY_FLAGS } from '../proxy/cli';
import { withProxyMarker } from '../proxy/static-files';
import { embedded, href, pipelineOf, programByName, type GetJson, type Hal } from '../test-support/hal';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = 'cloud-manager-simulator';
const run = promisify(execFile);

/**
 * The environment for npm and the installed bin: without what npm and vitest set for this run
 * (npm_config_local_prefix would point npm back at this repository; NODE_ENV=test would make
 * vite build a development console).
 */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env))
    if (!/^(npm_|INIT_CWD$|NODE_ENV$|NODE_OPTIONS$|NODE_PATH$|VITEST|TEST$)/i.test(name)) env[name] = value;
  return { ...env, NO_UPDATE_NOTIFIER: '1', npm_config_update_notifier: 'false', ...extra };
}

let work: string;
let tarballPath: string;
let app: string;
let installed: string;
let binPath: string;
const running = new Set<ChildProcess>();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cm-pack-'));
  await run('npm', ['pack', '--pack-destination', work], { cwd: ROOT, env: cleanEnv(), maxBuffer: 16 * 1024 * 1024 });
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${work}`);
  tarballPath = join(work, tarball);
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-check', version: '1.0.0', private: true }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--offline', tarballPath], { cwd: app, env: cleanEnv() });
  installed = join(app, 'node_modules', 'cloud-manager-console');
  binPath = join(app, 'node_modules', '.bin', BIN);
}, 110_000);

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  /** The first URL the program printed, e.g. http://127.0.0.1:40123 */
  base: string;
  output: () => string;
  /** SIGTERM, resolved with the exit code. */
  stop: () => Promise<number | null>;
}

/** Runs the installed bin (through its symlink and shebang, as a shell would) and waits for `ready` on stdout. */
function start(args: string[], ready: RegExp, env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(binPath, args, { cwd: app, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${BIN} ${args.join(' ')} did not start: ${output}`)), 20_000);
    child.stdout.on('data', () => {
      const match = ready.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({ child, base: match[1], output: () => output, stop });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${BIN} ${args.join(' ')} exited with ${code}: ${output}`));
    });
  });
}

const SERVER_READY = /Simulated Cloud Manager API on (http:\/\/[\d.]+:\d+)\/api\/programs/;
const PROXY_READY = /Cloud Manager console on (http:\/\/[^/\s]+)\//;

/** Runs the installed bin to its end; resolves with its exit code and output. */
async function runToEnd(args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(binPath, args, { cwd: app, env: cleanEnv() });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(folder, name)).isFile())
    .map((name) => relative(folder, join(folder, name)).replace(/\\/g, '/'))
    .sort();
}

const JSON_BODY = { 'content-type': 'application/json' };

describe('the npm package (npm pack, installed offline into an empty folder)', () => {
  it('holds the bin, its two bundles, the console build, README and package.json, and needs no dependencies', () => {
    const files = filesUnder(installed);
    const unexpected = files.filter(
      (file) =>
        !/^(README\.md|package\.json|bin\/cloud-manager-simulator\.mjs|dist-bin\/(server|proxy)\.mjs|dist\/.+|scenarios\/[\w.-]+\.json)$/.test(
          file,
        ),
    );
    expect(unexpected).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['bin/cloud-manager-simulator.mjs', 'dist-bin/server.mjs', 'dist-bin/proxy.mjs']));
    expect(files).toContain('dist/index.html');
    // The example scenarios and their schema, for users to start from.
    expect(files).toEqual(expect.arrayContaining(['scenarios/green-release.json', 'scenarios/scenario.schema.json']));
    expect(files.some((file) => file.startsWith('dist/.vite/'))).toBe(false);
    const size = files.reduce((total, file) => total + statSync(join(installed, file)).size, 0);
    expect(size).toBeLessThan(6 * 1024 * 1024);

    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.bin).toEqual({ [BIN]: 'bin/cloud-manager-simulator.mjs' });
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies'])
      expect(manifest[field], field).toBeUndefined();
    // Only the package itself was installed.
    expect(readdirSync(join(app, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['cloud-manager-console']);
    // The bundles import nothing but Node's built-in modules.
    for (const bundle of ['dist-bin/server.mjs', 'dist-bin/proxy.mjs']) {
      const text = readFileSync(join(installed, bundle), 'utf8');
      const specifiers = [...text.matchAll(/^\s*import\b[^'"]*?from\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      expect(
        specifiers.filter((s) => !s.startsWith('node:')),
        bundle,
      ).toEqual([]);
    }
  });

  it('--help lists every flag of the server, and proxy --help every flag of the proxy', async () => {
    const server = await runToEnd(['--help']);
    expect(server.code).toBe(0);
    expect(server.output).toContain(`Usage: ${BIN} [flags]`);
    for (const flag of Object.keys(SERVER_FLAGS)) expect(server.output).toContain(`--${flag}`);
    expect(server.output).toMatch(/^\s+proxy \[flags\]/m);

    const proxy = await runToEnd(['proxy', '--help']);
    expect(proxy.code).toBe(0);
    expect(proxy.output).toContain(`Usage: ${BIN} proxy [flags]`);
    for (const flag of Object.keys(PROXY_FLAGS)) expect(proxy.output).toContain(`--${flag}`);
    // Without --dist the proxy serves the console inside the package.
    expect(proxy.output).toContain(`(default ${join(installed, 'dist')})`);

    const wrong = await runToEnd(['--no-such-flag']);
    expect(wrong.code).toBe(2);
    expect(wrong.output).toMatch(/no-such-flag.*\(see --help\)/);
  });

  it('answers on --port 0 and drives a production run through code scanning, approval and schedule to FINISHED', async () => {
    const server = await start(['--port', '0'], SERVER_READY);
    const { base } = server;
    const get: GetJson = async <T = Hal>(target: string) => {
      const response = await fetch(new URL(target, base));
      expect(response.status, `GET ${target}`).toBe(200);
      return (await response.json()) as T;
    };
    const send = (method: string, target: string, body?: unknown) =>
      fetch(new URL(target, base), { method, headers: JSON_BODY, body: body === undefined ? undefined : JSON.stringify(body) });
    const jump = async () => expect((await send('POST', '/_sim/clock', { advanceMs: 5 * 60_000 })).status).toBe(200);

    expect((await send('PUT', '/_sim/outcome', { outcome: 'importantQualityFailure' })).status).toBe(200);
    const pipeline = await pipelineOf(get, await programByName(get, 'WKND Sites'));
    const started = await send('PUT', href(pipeline, 'execution'));
    expect(started.status).toBe(201);
    const self = href((await started.json()) as Hal, 'self');

    /** Jumps the clock until the run holds at `action`; returns that step state. */
    const holdAt = async (action: string): Promise<Hal> => {
      for (let i = 0; i < 300; i += 1) {
        await jump();
        const execution = await get(self);
        expect(execution.status, `waiting for ${action}`).toBe('RUNNING');
        const waiting = embedded(execution, 'stepStates').find((step) => step.status === 'WAITING');
        if (waiting) {
          expect(waiting.action).toBe(action);
          return get(href(waiting, 'self'));
        }
      }
      throw new Error(`the run never held at ${action}`);
    };

    const scanning = await holdAt('codeQuality');
    const { metrics } = await get<{ metrics: { kpi: string; severity: string; passed: boolean }[] }>(href(scanning, 'pipeline/metrics'));
    const failing = metrics.filter((metric) => metric.severity === 'important' && !metric.passed);
    expect(failing.length).toBeGreaterThan(0);
    const override = { metrics: failing.map((metric) => ({ kpi: metric.kpi, override: true })) };
    expect((await send('PUT', href(scanning, 'pipeline/advance'), override)).status).toBe(202);

    const approval = await holdAt('approval');
    expect((await send('PUT', href(approval, 'pipeline/advance'), { approved: true })).status).toBe(202);
    const schedule = await holdAt('schedule');
    expect((await send('PUT', href(schedule, 'pipeline/advance'), { type: 'IMMEDIATE' })).status).toBe(202);

    let execution = await get(self);
    for (let i = 0; i < 300 && execution.status === 'RUNNING'; i += 1) {
      await jump();
      execution = await get(self);
    }
    expect(execution.status).toBe('FINISHED');
    expect(await server.stop()).toBe(0);
  }, 60_000);

  it('keeps a --data file across a SIGTERM, asks for the headers with --require-auth and adds --populate data, like npm run api', async () => {
    const data = join(work, 'state', 'sim.json');
    const first = await start(
      ['--port', '0', '--data', data, '--require-auth', '--populate', 'programs=12', '--speed', '50'],
      SERVER_READY,
    );
    expect(first.output()).toContain(`data ${data}, headers required`);
    expect((await fetch(`${first.base}/api/programs`)).status).toBe(403);
    const headers = { 'x-api-key': 'cm-console', 'x-gw-ims-org-id': 'SIMULATED@AdobeOrg', authorization: 'Bearer some-token' };
    const programs = await fetch(`${first.base}/api/programs`, { headers });
    expect(programs.status).toBe(200);
    expect(((await programs.json()) as Hal)._totalNumberOfItems).toBe(12);
    expect((await fetch(`${first.base}/_sim/speed`, { method: 'PUT', headers: JSON_BODY, body: '{"speed": 70}' })).status).toBe(200);
    expect(await first.stop()).toBe(0);

    // Started again on the same file, without the flags that shaped it: the same state.
    const second = await start(['--port', '0', '--data', data], SERVER_READY);
    expect(second.output()).toContain('(speed 70, seed 1');
    expect(((await (await fetch(`${second.base}/api/programs`)).json()) as Hal)._totalNumberOfItems).toBe(12);
    expect(await second.stop()).toBe(0);
  }, 60_000);

  it('--scenario starts from a scenario shipped in the package and plays its script; an invalid one is refused with exit 2', async () => {
    const scenario = join(installed, 'scenarios', 'green-release.json');
    const server = await start(['--port', '0', '--scenario', scenario], SERVER_READY);
    expect(server.output()).toContain('scenario green-release');
    const get: GetJson = async <T = Hal>(target: string) => (await (await fetch(new URL(target, server.base))).json()) as T;
    const pipeline = await pipelineOf(get, await programByName(get, 'Green Release'), 'Production');
    const started = await fetch(new URL(href(pipeline, 'execution'), server.base), { method: 'PUT' });
    expect(started.status).toBe(201);
    const self = href((await started.json()) as Hal, 'self');
    let execution = await get(self);
    // Nobody approves: the scenario accepts the approval 5 minutes after it is asked for.
    for (let i = 0; i < 100 && execution.status === 'RUNNING'; i += 1) {
      await fetch(new URL('/_sim/clock', server.base), { method: 'POST', headers: JSON_BODY, body: '{"advanceMs": 600000}' });
      execution = await get(self);
    }
    expect(execution.status).toBe('FINISHED');
    expect(await server.stop()).toBe(0);

    const broken = join(work, 'broken-scenario.json');
    writeFileSync(broken, JSON.stringify({ name: '', quirks: { delayMs: -1 } }));
    const refused = await runToEnd(['--scenario', broken]);
    expect(refused.code).toBe(2);
    expect(refused.output).toContain(`${broken}: $.name: expected a non-empty string`);
    expect(refused.output).toContain(`${broken}: $.quirks.delayMs: expected an integer from 0 to 60000, got -1`);
  }, 60_000);

  it('proxy serves the console shipped in the package and forwards /api to the simulator', async () => {
    const simulator = await start(['--port', '0', '--require-auth'], SERVER_READY);
    const proxy = await start(['proxy', '--port', '0', '--target', simulator.base, '--access-token', 'some-token-123456789'], PROXY_READY, {
      CM_CLIENT_ID: 'cm-console',
      CM_ORG_ID: 'SIMULATED@AdobeOrg',
    });
    const page = await fetch(`${proxy.base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    // The installed build's page, with the proxy's marker (the console then talks to the proxy).
    expect(await page.text()).toBe(withProxyMarker(readFileSync(join(installed, 'dist', 'index.html'), 'utf8')));
    const programs = await fetch(`${proxy.base}/api/programs`);
    expect(programs.status).toBe(200);
    expect(embedded((await programs.json()) as Hal, 'programs').map((p) => p.name)).toContain('WKND Sites');
    expect(await proxy.stop()).toBe(0);
    expect(await simulator.stop()).toBe(0);
  }, 60_000);

  it("runs the README's CI example as written (background start, wait for /api/programs, a check, kill and wait)", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /### Use it in CI[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const port = await freePort();
    // The tarball this test packed, and a port nothing else uses; npm stays offline.
    const script = example!.replace(/\.\/cloud-manager-console-[\w.-]+\.tgz/g, tarballPath).replace(/\b8787\b/g, String(port));
    const folder = join(work, 'ci-job');
    mkdirSync(folder);
    const { stdout } = await run('bash', ['-c', script], { cwd: folder, env: cleanEnv({ npm_config_offline: 'true' }), timeout: 60_000 });
    expect(stdout.trim().split('\n')).toContain('WKND Sites');
    expect(readFileSync(join(folder, 'simulator.log'), 'utf8')).toContain(`on http://127.0.0.1:${port}/api/programs`);
  }, 90_000);
});

/** A TCP port free right now on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
