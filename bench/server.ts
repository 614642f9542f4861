/**
 * Issue #5: the standalone simulated API under load, with 1,000 programs and 10,000 executions
 * stored (`--populate`). Throughput and p99 of GETs of one execution (autocannon), and the time of
 * a start, an advance and an executions-list GET (median of several tries). The server keeps its
 * state in a temporary --data file, as `npm run api` is used.
 *
 *   npx tsx bench/server.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../mocks/server-process';
import { embedded, follow, href, pipelineOf, programByName, type GetJson, type Hal } from '../test-support/hal';
import { runWhenMain, type Bench, type BenchRow } from './report';

/** The part of autocannon's programmatic API used here (it ships no types). */
export interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p99: number; p50: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
  /** Each connection sends these in turn, over and over. */
  requests?: { method?: string; path?: string; headers?: Record<string, string> }[];
}) => Promise<AutocannonResult>;
export const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const PROGRAMS = 1000;
const EXECUTIONS = 10_000;
const TRIES = 7;
const LOAD_SECONDS = 8;
const JSON_BODY = { 'content-type': 'application/json' };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed<T>(action: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await action();
  return { ms: performance.now() - started, value };
}

export const benchServer: Bench = async () => {
  // With a data file, as `npm run api` is used: every change is persisted before it is answered.
  const dataDir = mkdtempSync(join(tmpdir(), 'cm-bench-'));
  const server = await startServerProcess([
    '--populate',
    `programs=${PROGRAMS},executions=${EXECUTIONS}`,
    '--speed',
    '1',
    '--data',
    join(dataDir, 'state.json'),
  ]).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const { base } = server;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : JSON_BODY,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 200)}`);
    return (text ? JSON.parse(text) : undefined) as Hal;
  };
  const control = (path: string, body: unknown, method = 'POST') => call(method, `/_sim/${path}`, body);
  try {
    // Follow links from the entry point, as a client does.
    const get: GetJson = async <T = Hal>(path: string) => (await call('GET', path)) as T;
    const programs = await get('/api/programs');
    const programCount = programs._totalNumberOfItems as number;
    const pipeline = await pipelineOf(get, await programByName(get, 'WKND Sites'));
    const executionsHref = href(pipeline, 'executions');
    const history = await get(executionsHref);
    const stored = history._totalNumberOfItems as number;
    const oneExecution = href(embedded(history, 'executions')[0], 'self');

    // Throughput and latency of GETs of one execution.
    await autocannon({ url: base + oneExecution, connections: 10, duration: 1 }); // warm-up
    const load = await autocannon({ url: base + oneExecution, connections: 10, duration: LOAD_SECONDS });
    if (load.errors || load.timeouts || load.non2xx)
      throw new Error(`GET under load: ${load.errors} errors, ${load.timeouts} timeouts, ${load.non2xx} non-2xx`);

    // Start, advance, list: several tries, each a full run (start → approval → schedule → done).
    await control('outcome', { outcome: 'pass' }, 'PUT');
    const starts: number[] = [];
    const advances: number[] = [];
    const lists: number[] = [];
    const waitingStep = async (execution: Hal) =>
      embedded(await follow(get, execution, 'self'), 'stepStates').find((s) => s.status === 'WAITING');
    for (let i = 0; i < TRIES; i += 1) {
      const start = await timed(() => call('PUT', href(pipeline, 'execution')));
      starts.push(start.ms);
      await control('clock', { advanceMs: 3 * 3600_000 });
      const waiting = await waitingStep(start.value);
      if (waiting?.action !== 'approval') throw new Error(`expected an approval hold, found ${String(waiting?.action)}`);
      advances.push((await timed(() => call('PUT', href(waiting, 'pipeline/advance'), { approved: true }))).ms);
      await control('clock', { advanceMs: 60_000 });
      const schedule = await waitingStep(start.value);
      if (schedule) await call('PUT', href(schedule, 'pipeline/advance'), { type: 'IMMEDIATE' });
      await control('clock', { advanceMs: 3600_000 });
      lists.push((await timed(() => call('GET', executionsHref))).ms);
    }
    const size = `${programCount} programs, ${stored} executions stored, --data file`;
    const tries = `median of ${TRIES}: ${[...starts].map((ms) => ms.toFixed(1)).join(', ')} ms`;
    const rows: BenchRow[] = [
      {
        figure: 'API server: GET one execution, throughput',
        value: Math.round(load.requests.average),
        unit: 'req/s',
        budget: { min: 3000 },
        note: `autocannon, 10 connections, ${LOAD_SECONDS} s; ${size}`,
      },
      {
        figure: 'API server: GET one execution, p99 latency',
        value: load.latency.p99,
        unit: 'ms',
        budget: { max: 20 },
        note: `p50 ${load.latency.p50} ms, ${load.requests.total} requests`,
      },
      { figure: 'API server: start a run (PUT execution)', value: round(median(starts)), unit: 'ms', budget: { max: 50 }, note: tries },
      {
        figure: 'API server: advance (approve a waiting step)',
        value: round(median(advances)),
        unit: 'ms',
        budget: { max: 50 },
        note: `median of ${TRIES}`,
      },
      {
        figure: 'API server: executions list GET (20 newest)',
        value: round(median(lists)),
        unit: 'ms',
        budget: { max: 50 },
        note: `median of ${TRIES}; ${size}`,
      },
    ];
    return rows;
  } finally {
    await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

const round = (ms: number) => Math.round(ms * 10) / 10;

runWhenMain(import.meta.url, benchServer);
