/**
 * An MSW node server answering the console's requests with the HAL fixtures. Per test:
 *   const server = setupFixtureServer();            // in a describe block: listen/reset/close
 *   server.use(http.get('*\/api/programs', () => …)) // overrides
 * `executionsByPipeline` sets each pipeline's history (newest first).
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ToastQueue } from '@adobe/react-spectrum';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import type { Execution } from '../api/types';
import * as fx from './fixtures/hal';

export interface FixtureWorld {
  executionsByPipeline: Record<string, Execution[]>;
}

export const world: FixtureWorld = { executionsByPipeline: {} };

function notFound() {
  return HttpResponse.json(
    { type: 'about:blank', title: 'Not found', status: 404, detail: 'No such resource.' },
    { status: 404, headers: { 'content-type': 'application/problem+json' } },
  );
}

export const handlers = [
  http.get('*/api/programs', () => HttpResponse.json(fx.programList())),
  http.get('*/api/program/:programId', ({ params }) => {
    const program = fx.program(String(params.programId));
    return program ? HttpResponse.json(program) : notFound();
  }),
  http.get('*/api/program/:programId/pipelines', ({ params }) => HttpResponse.json(fx.pipelineList(String(params.programId)))),
  http.get('*/api/program/:programId/environments', ({ params }) => HttpResponse.json(fx.environmentList(String(params.programId)))),
  http.get('*/api/program/:programId/repositories', ({ params }) => HttpResponse.json(fx.repositoryList(String(params.programId)))),
  http.get('*/api/program/:programId/pipeline/:pipelineId/executions', ({ params, request }) => {
    const url = new URL(request.url);
    const start = Number(url.searchParams.get('start') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 20);
    const all = world.executionsByPipeline[String(params.pipelineId)] ?? [];
    return HttpResponse.json(fx.executionPage(String(params.programId), String(params.pipelineId), all, start, limit));
  }),
  http.get('*/api/program/:programId/pipeline/:pipelineId/execution', ({ params }) => {
    const current = (world.executionsByPipeline[String(params.pipelineId)] ?? []).find(
      (e) => !['FINISHED', 'FAILED', 'ERROR', 'CANCELLED'].includes(e.status),
    );
    return current ? HttpResponse.json(current) : notFound();
  }),
  http.get('*/api/program/:programId/pipeline/:pipelineId/execution/:executionId', ({ params }) => {
    const found = (world.executionsByPipeline[String(params.pipelineId)] ?? []).find((e) => e.id === String(params.executionId));
    return found ? HttpResponse.json(found) : notFound();
  }),
];

export function setupFixtureServer() {
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    world.executionsByPipeline = {};
  });
  afterAll(() => server.close());
  return server;
}

/**
 * Spectrum's toast queue is global: a toast from one test would show up in the next one. Call in
 * a describe block (or at the top of a file) to close every toast a test raised after it.
 */
export function dismissToastsAfterEach() {
  const closers: (() => void)[] = [];
  const spies: { mockRestore: () => void }[] = [];
  beforeEach(() => {
    for (const kind of ['neutral', 'positive', 'negative', 'info'] as const) {
      const original = ToastQueue[kind];
      spies.push(
        vi.spyOn(ToastQueue, kind).mockImplementation((text, options) => {
          const close = original(text, options);
          closers.push(close);
          return close;
        }),
      );
    }
  });
  afterEach(() => {
    for (const close of closers.splice(0)) close();
    for (const spy of spies.splice(0)) spy.mockRestore();
  });
}
