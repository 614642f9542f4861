/**
 * Issue 13: the largest environment log download — 14 days of publish `aemaccess` of a production
 * environment — from the standalone server, while the simulator keeps answering. A client follows
 * links from /api/programs to the environment's `logs`, then downloads the 14 days (each a
 * `{redirect}` to its `.log.gz`) first one after another (cold: every day generated and compressed),
 * then all at once (warm: finished days come from the cache). Meanwhile another client polls a
 * running execution (`GET <execution>`) every 25 ms; the p95 of those polls shows whether making
 * the logs held the simulator up.
 *
 *   npm run bench -- environment-logs      or      npx tsx bench/environment-logs.ts
 */
import { gunzipSync } from 'node:zlib';
import { startServerProcess } from '../mocks/server-process';
import { embedded, href, pipelineOf, programByName, type GetJson, type Hal } from '../test-support/hal';
import { runWhenMain, type Bench, type BenchRow } from './report';

const POLL_EVERY_MS = 25;
const MB = 1024 * 1024;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
};
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export const benchEnvironmentLogs: Bench = async () => {
  const server = await startServerProcess(['--speed', '30']);
  const { base } = server;
  const get: GetJson = async <T = Hal>(target: string) => {
    const response = await fetch(new URL(target, base), { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${target} → ${response.status}: ${(await response.text()).slice(0, 200)}`);
    return (await response.json()) as T;
  };
  try {
    // A running execution to poll, as the console does while a run is on.
    const program = await programByName(get, 'WKND Sites');
    const pipeline = await pipelineOf(get, program);
    const started = await fetch(new URL(href(pipeline, 'execution'), base), { method: 'PUT' });
    if (started.status !== 201) throw new Error(`could not start a run: ${started.status}`);
    const execution = href((await started.json()) as Hal, 'self');

    const environments = embedded(await get(href(program, 'environments')), 'environments');
    const prod = await get(
      href(
        environments.find((e) => e.type === 'prod'),
        'self',
      ),
    );
    const logs = await get(href(prod, 'logs', { service: 'publish', name: 'aemaccess', days: 14 }));
    const downloads = embedded(logs, 'downloads');
    if (downloads.length !== 14) throw new Error(`expected 14 days of logs, got ${downloads.length}`);

    const download = async (entry: Hal) => {
      const { redirect } = await get<{ redirect: string }>(href(entry, 'logs/download'));
      const response = await fetch(redirect);
      if (response.status !== 200) throw new Error(`${redirect} → ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    };

    const latencies: number[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const startedAt = performance.now();
        const response = await fetch(new URL(execution, base));
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`GET execution → ${response.status}`);
        latencies.push(performance.now() - startedAt);
        await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
      }
    })();

    let t0 = performance.now();
    const files: Uint8Array[] = [];
    for (const entry of downloads) files.push(await download(entry));
    const coldMs = performance.now() - t0;
    t0 = performance.now();
    const again = await Promise.all(downloads.map(download));
    const warmMs = performance.now() - t0;
    polling = false;
    await poller;

    const gz = files.reduce((sum, f) => sum + f.length, 0);
    const raw = files.reduce((sum, f) => sum + gunzipSync(f).length, 0);
    if (again.some((f, i) => i > 0 && f.length !== files[i].length)) throw new Error('a finished day changed between two downloads');
    const what = `14 days of publish aemaccess, prod (${downloads[13].date} … ${downloads[0].date})`;
    const rows: BenchRow[] = [
      {
        figure: 'Environment logs: 14-day aemaccess download, gzip',
        value: round(gz / MB),
        unit: 'MB',
        budget: { max: 40 },
        note: `${round(raw / MB)} MB raw; ${what}`,
      },
      {
        figure: 'Environment logs: 14 days produced and served, one after another (cold)',
        value: Math.round(coldMs),
        unit: 'ms',
        budget: { max: 30_000 },
        note: `${round(coldMs / 14, 0)} ms a day: generated an hour at a time, gzip, cached`,
      },
      {
        figure: 'Environment logs: the 14 days again, all at once (finished days cached)',
        value: Math.round(warmMs),
        unit: 'ms',
        budget: { max: 3_000 },
        note: 'today’s day grows: it is extended and compressed again',
      },
      {
        figure: 'GET <execution> p95 while the logs are made and served',
        value: round(percentile(latencies, 0.95)),
        unit: 'ms',
        budget: { max: 200 },
        note: `${latencies.length} polls every ${POLL_EVERY_MS} ms; p50 ${round(percentile(latencies, 0.5))} ms, max ${round(Math.max(...latencies))} ms`,
      },
    ];
    return rows;
  } finally {
    await server.kill();
  }
};

runWhenMain(import.meta.url, benchEnvironmentLogs);
