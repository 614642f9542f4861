/**
 * The standalone simulator server for journeys that need real HTTP (to intercept or to share one
 * API between tabs), as a fixture: `standalone` is a fresh server with its own data file per test,
 * in the project's href layout and the test's `outcome` and `speed` options (default speed 30),
 * stopped and removed after it. Tests read it only by following links (test-support/hal.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { startServerProcess } from '../mocks/server-process';
import { embedded, follow, href, type GetJson, type Hal } from '../test-support/hal';
import { expect, test as base } from './fixtures';

const JSON_BODY = { 'content-type': 'application/json' };

export interface StandaloneServer {
  /** e.g. http://127.0.0.1:39123 */
  base: string;
  /** GET an href of this server as JSON. */
  get: GetJson;
  /** A request to this server (an API href or a /_sim control), answered with its Response. */
  call(method: string, path: string, body?: unknown): Promise<Response>;
  /** Makes the console in a page or a whole context use this server (Settings → standalone, stored before it loads). */
  useIn(target: Page | BrowserContext): Promise<void>;
  /** Starts a run of the first program's first pipeline through its links; returns the execution and its console path. */
  startRun(): Promise<{ execution: Hal; path: string }>;
}

function standaloneServer(base: string): StandaloneServer {
  const call = (method: string, path: string, body?: unknown) =>
    fetch(base + path, {
      method,
      headers: body === undefined ? {} : JSON_BODY,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const get: GetJson = async <T = Hal>(path: string) => {
    const response = await call('GET', path);
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    base,
    get,
    call,
    async useIn(target) {
      await target.addInitScript((standaloneUrl) => {
        localStorage.setItem('cm-console.api-settings', JSON.stringify({ target: 'standalone', standaloneUrl }));
      }, base);
    },
    async startRun() {
      const [first] = embedded(await get('/api/programs'), 'programs');
      const program = await follow(get, first, 'self');
      const [pipeline] = embedded(await follow(get, program, 'pipelines'), 'pipelines');
      const started = await call('PUT', href(pipeline, 'execution'));
      expect(started.status).toBe(201);
      const execution = (await started.json()) as Hal;
      return { execution, path: `/program/${String(program.id)}/pipeline/${String(pipeline.id)}/execution/${String(execution.id)}` };
    },
  };
}

export const test = base.extend<{ standalone: StandaloneServer }>({
  standalone: async ({ hrefLayout, outcome, speed }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cm-e2e-'));
    const serverProcess = await startServerProcess(['--speed', String(speed ?? 30), '--data', join(dataDir, 'state.json')]);
    try {
      const server = standaloneServer(serverProcess.base);
      await server.call('PUT', '/_sim/layout', { layout: hrefLayout });
      if (outcome !== undefined) await server.call('PUT', '/_sim/outcome', { outcome });
      await use(server);
    } finally {
      await serverProcess.kill();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
