/**
 * Issue #16, "Scale of one server": `--sandbox-per-key` with many sandboxes.
 *
 * - Memory per sandbox: sandboxes made in this process (the server's own code, with a data
 *   directory, as the command runs it), heap after a full GC before and after, divided by their count.
 * - GET throughput with 100 active sandboxes: the server as its own process, 100 keys each having
 *   made its sandbox, then autocannon cycling through the 100 keys (GET one execution) for 5 s;
 *   and that process's resident memory before and after making the 100.
 *
 *   npm run bench -- sandboxes
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startServerProcess } from '../mocks/server-process';
import { startServer } from '../mocks/server';
import { embedded, href, pipelineOf, programByName, type GetJson, type Hal } from '../test-support/hal';
import { runWhenMain, type Bench, type BenchRow } from './report';
import { autocannon } from './server';

/** Sandboxes made in process for the memory figure. */
const MEMORY_SANDBOXES = 200;
/** Active sandboxes under load. */
const ACTIVE = 100;
const LOAD_SECONDS = 5;

/** A full garbage collection (node's --expose-gc, switched on from here). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const keyOf = (i: number) => `bench-sandbox-key-${String(i).padStart(4, '0')}`;
const request = (path: string, key: string) => new Request(`http://127.0.0.1${path}`, { headers: { 'x-api-key': key } });

async function memoryPerSandbox(): Promise<{ bytes: number; createMs: number }> {
  const gc = collector();
  const dir = mkdtempSync(join(tmpdir(), 'cm-bench-sandboxes-'));
  try {
    const { sandboxes } = startServer({ port: 0, host: '127.0.0.1', seed: 1, requireAuth: false, sandboxPerKey: true, data: dir });
    const pool = sandboxes!;
    await pool.handle(request('/api/programs', 'warm-up')); // code paths and caches shared by all
    gc();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    for (let i = 0; i < MEMORY_SANDBOXES; i += 1) {
      const response = await pool.handle(request('/api/programs', keyOf(i)));
      if (response.status !== 200) throw new Error(`sandbox ${i}: GET /api/programs → ${response.status}`);
    }
    const createMs = (performance.now() - started) / MEMORY_SANDBOXES;
    gc();
    const bytes = (process.memoryUsage().heapUsed - before) / MEMORY_SANDBOXES;
    if (pool.counts.inMemory !== MEMORY_SANDBOXES + 1) throw new Error(`expected ${MEMORY_SANDBOXES + 1} sandboxes in memory`);
    return { bytes, createMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Resident memory of a process (Linux), in bytes; undefined elsewhere. */
function residentBytes(pid: number | undefined): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

async function throughput(): Promise<{ rps: number; p99: number; total: number; rssBefore?: number; rssAfter?: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'cm-bench-sandboxes-'));
  const server = await startServerProcess(['--sandbox-per-key', '--data', dir, '--speed', '1']);
  try {
    const { base } = server;
    const get =
      (key: string): GetJson =>
      async <T = Hal>(path: string) => {
        const response = await fetch(base + path, { headers: { 'x-api-key': key } });
        if (!response.ok) throw new Error(`GET ${path} → ${response.status}`);
        return (await response.json()) as T;
      };
    // The first key finds an execution by following links; every sandbox has it (the same seed).
    const first = get(keyOf(0));
    const pipeline = await pipelineOf(first, await programByName(first, 'WKND Sites'));
    const execution = href(embedded(await first(href(pipeline, 'executions')), 'executions')[0], 'self');
    const rssBefore = residentBytes(server.child.pid);
    for (let i = 1; i < ACTIVE; i += 1) await get(keyOf(i))(execution);
    const rssAfter = residentBytes(server.child.pid);
    const requests = Array.from({ length: ACTIVE }, (_, i) => ({ method: 'GET', path: execution, headers: { 'x-api-key': keyOf(i) } }));
    await autocannon({ url: base, connections: 10, duration: 1, requests }); // warm-up
    const load = await autocannon({ url: base, connections: 10, duration: LOAD_SECONDS, requests });
    if (load.errors || load.timeouts || load.non2xx)
      throw new Error(`GET under load: ${load.errors} errors, ${load.timeouts} timeouts, ${load.non2xx} non-2xx`);
    const listed = (await (await fetch(`${base}/_sim/sandboxes`)).json()) as { sandboxes: { inMemory: boolean }[] };
    if (listed.sandboxes.filter((s) => s.inMemory).length !== ACTIVE) throw new Error(`expected ${ACTIVE} sandboxes in memory`);
    return { rps: load.requests.average, p99: load.latency.p99, total: load.requests.total, rssBefore, rssAfter };
  } finally {
    await server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

const MB = 1024 * 1024;
const round1 = (n: number) => Math.round(n * 10) / 10;

export const benchSandboxes: Bench = async () => {
  const memory = await memoryPerSandbox();
  const load = await throughput();
  const perSandboxMb = memory.bytes / MB;
  const rows: BenchRow[] = [
    {
      figure: 'Sandboxes: created in one process',
      value: MEMORY_SANDBOXES,
      unit: '',
      budget: { min: 100 },
      note: `from the seed, with a data directory; ${round1(memory.createMs)} ms each`,
    },
    {
      figure: 'Sandboxes: heap per sandbox',
      value: Math.round(memory.bytes / 1024),
      unit: 'kB',
      budget: { max: 2048 },
      note: `heap after GC, delta / ${MEMORY_SANDBOXES}; 100 sandboxes ≈ ${Math.round(perSandboxMb * 100)} MB of heap`,
    },
    {
      figure: `Sandboxes: GET one execution, ${ACTIVE} active, throughput`,
      value: Math.round(load.rps),
      unit: 'req/s',
      budget: { min: 1500 },
      note: `autocannon, 10 connections cycling ${ACTIVE} keys, ${LOAD_SECONDS} s; p99 ${load.p99} ms, ${load.total} requests`,
    },
  ];
  if (load.rssBefore !== undefined && load.rssAfter !== undefined)
    rows.push({
      figure: `Sandboxes: server resident memory with ${ACTIVE}`,
      value: Math.round(load.rssAfter / MB),
      unit: 'MB',
      budget: { max: 1024 },
      note: `${Math.round(load.rssBefore / MB)} MB with 1 sandbox; +${round1((load.rssAfter - load.rssBefore) / MB / (ACTIVE - 1))} MB per sandbox`,
    });
  return rows;
};

runWhenMain(import.meta.url, benchSandboxes);
