/**
 * The standalone simulator server for journeys that need real HTTP (to intercept or to share one
 * API between tabs): a fresh server with its own data file per test, in the project's href layout,
 * stopped and removed after it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../mocks/server-process';
import { test } from './fixtures';

export const JSON_BODY = { 'content-type': 'application/json' };

/** Registers the per-test server; the returned function gives the running one. */
export function useStandaloneServer(name: string, speed: number): () => ServerProcess {
  let server: ServerProcess | undefined;
  let dataDir = '';
  test.beforeEach(async ({ hrefLayout }) => {
    dataDir = mkdtempSync(join(tmpdir(), `cm-${name}-`));
    server = await startServerProcess(['--speed', String(speed), '--data', join(dataDir, 'state.json')]);
    await fetch(`${server.base}/_sim/layout`, { method: 'PUT', headers: JSON_BODY, body: JSON.stringify({ layout: hrefLayout }) });
  });
  test.afterEach(async () => {
    await server?.kill();
    server = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!server) throw new Error('The standalone server runs only inside a test.');
    return server;
  };
}
