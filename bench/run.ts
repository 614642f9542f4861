/**
 * `npm run bench` (issue #5): builds the console once into dist-bench/, serves it with `vite
 * preview` (embedded simulator on), runs every bench module in turn and prints one table of all
 * rows with a "n of m budgets met" summary; writes bench-results/bench.json.
 *
 * A missed budget is a result, not a failure: the exit code is 0 unless the bench itself crashes.
 * A module that throws (or is missing) is reported as a NOT MET row.
 *
 *   npm run bench                          every module
 *   npm run bench -- first-load lighthouse only these modules (by file name under bench/)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../scripts/find-chromium.mjs';
import { formatTable, meets, type Bench, type BenchContext, type BenchRow } from './report';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = 'dist-bench';
const vite = join(root, 'node_modules/vite/bin/vite.js');

/** The bench modules, in the order they run: [file under bench/, exported function]. */
const MODULES: Array<[string, string]> = [
  ['first-load', 'benchFirstLoad'],
  ['engine', 'benchEngine'],
  ['lighthouse', 'benchLighthouse'],
  ['deep-link', 'benchDeepLink'],
  ['server', 'benchServer'],
  ['environment-logs', 'benchEnvironmentLogs'],
  ['log-viewer', 'benchLogViewer'],
  ['polling', 'benchPolling'],
  ['scale', 'benchScale'],
  ['sandboxes', 'benchSandboxes'],
];

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms`);
}

function failedRow(name: string, message: string): BenchRow {
  // A row that can never meet its budget: the module did not measure.
  return { figure: `${name}: did not run`, value: 0, unit: '', budget: { min: 1 }, note: message.split('\n')[0].slice(0, 160) };
}

async function loadModule(file: string, exportName: string): Promise<Bench | string> {
  try {
    const module = (await import(`./${file}.ts`)) as Record<string, unknown>;
    const bench = module[exportName];
    return typeof bench === 'function' ? (bench as Bench) : `bench/${file}.ts has no export ${exportName}`;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(`${file}.ts`)) return `bench/${file}.ts is missing`;
    return `bench/${file}.ts did not load: ${(error as Error).message}`;
  }
}

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !MODULES.some(([file]) => file === name));
  if (unknown.length)
    throw new Error(`Unknown bench module(s): ${unknown.join(', ')} (known: ${MODULES.map(([file]) => file).join(', ')})`);
  console.log(`Building into ${DIST}/ …`);
  const build = spawnSync(process.execPath, [vite, 'build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status})`);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const preview = spawn(
    process.execPath,
    [vite, 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1', '--outDir', DIST],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const stop = () => {
    if (preview.exitCode === null && preview.pid) preview.kill('SIGTERM');
  };
  process.once('SIGINT', () => {
    stop();
    process.exit(130);
  });

  const results: Array<{ module: string; rows: BenchRow[]; error?: string; ms: number }> = [];
  try {
    await waitForServer(baseUrl, preview);
    const chromium = findChromium();
    const ctx: BenchContext = {
      baseUrl,
      chromiumPath: chromium?.kind === 'playwright' ? undefined : chromium?.path,
      distDir: join(root, DIST),
    };
    for (const [file, exportName] of MODULES.filter(([name]) => only.length === 0 || only.includes(name))) {
      const started = Date.now();
      const bench = await loadModule(file, exportName);
      if (typeof bench === 'string') {
        console.log(`✗ ${file}: ${bench}`);
        results.push({ module: file, rows: [failedRow(file, bench)], error: bench, ms: 0 });
        continue;
      }
      console.log(`… ${file}`);
      try {
        const rows = await bench(ctx);
        results.push({ module: file, rows, ms: Date.now() - started });
        console.log(`✓ ${file} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.log(`✗ ${file}: ${message}`);
        results.push({ module: file, rows: [failedRow(file, message)], error: message, ms: Date.now() - started });
      }
    }
  } finally {
    stop();
  }

  const rows = results.flatMap((r) => r.rows);
  const met = rows.filter(meets).length;
  console.log('\n' + formatTable(rows));
  console.log(`\n${met} of ${rows.length} budgets met`);
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(
    join(root, 'bench-results/bench.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        met,
        total: rows.length,
        modules: results.map((r) => ({ ...r, rows: r.rows.map((row) => ({ ...row, met: meets(row) })) })),
      },
      null,
      2,
    ) + '\n',
  );
  console.log('Written bench-results/bench.json');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
