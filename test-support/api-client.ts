/**
 * A client of the simulated API for tests: requests through any fetch-style function (the API
 * function in-process, or fetch against a server), as a given user (`x-sim-user`, or a bearer token),
 * following links (test-support/hal), with every JSON body validated against a spec definition when
 * one is named.
 */
import { embedded, href, pipelineOf, programByName, type GetJson, type Hal } from './hal';

export type Handle = (request: Request) => Promise<Response>;

export interface ApiClientOptions {
  /** Headers sent with every request (e.g. `{ 'x-sim-user': id }`). */
  headers?: Record<string, string>;
  /** Validates a body against a definition; returns violations. */
  validate?: (definition: string, body: unknown) => string[];
}

export function apiClient(handle: Handle, origin: string, options: ApiClientOptions = {}) {
  const violations: string[] = [];
  const call = (method: string, href: string, body?: unknown, headers: Record<string, string> = {}) =>
    handle(
      new Request(new URL(href, origin), {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  /** GET `href` (200 expected, else throws with the answer), validating the body against `definition`. */
  const get = (async <T = Hal>(href: string, definition?: string): Promise<T> => {
    const response = await call('GET', href);
    const text = await response.text();
    if (response.status !== 200) throw new Error(`GET ${href} → ${response.status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as T;
    if (definition && options.validate) violations.push(...options.validate(definition, body).map((v) => `GET ${href}: ${v}`));
    return body;
  }) as GetJson & (<T = Hal>(href: string, definition?: string) => Promise<T>);
  /** The same client acting as someone else. */
  const as = (headers: Record<string, string>) => apiClient(handle, origin, { ...options, headers: { ...options.headers, ...headers } });
  return { call, get, as, violations };
}

export type ApiClient = ReturnType<typeof apiClient>;

/**
 * Starts a run (outcome pass) of the pipeline `pipelineName` of WKND Sites (its production pipeline
 * by default) and drives it to its end: the clock jumps 10 minutes at a time, approvals are approved
 * and schedules set to now. Returns the ended execution.
 */
export async function runWkndToEnd(client: ApiClient, pipelineName?: string): Promise<Hal> {
  await client.call('PUT', '/_sim/outcome', { outcome: 'pass' });
  const pipeline = await pipelineOf(client.get, await programByName(client.get, 'WKND Sites'), pipelineName);
  const started = await client.call('PUT', href(pipeline, 'execution'));
  if (started.status !== 201) throw new Error(`the run did not start: ${started.status}`);
  const execution: Hal = await started.json();
  for (let i = 0; i < 100; i += 1) {
    await client.call('POST', '/_sim/clock', { advanceMs: 10 * 60_000 });
    const current = await client.get(href(execution, 'self'));
    if (current.status !== 'RUNNING') return current;
    const waiting = embedded(current, 'stepStates').find((s) => s.status === 'WAITING');
    if (waiting)
      await client.call(
        'PUT',
        href(waiting, 'pipeline/advance'),
        waiting.action === 'approval' ? { approved: true } : { type: 'IMMEDIATE' },
      );
  }
  throw new Error('the run did not end');
}
