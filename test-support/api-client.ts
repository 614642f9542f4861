/**
 * A client of the simulated API for tests: requests through any fetch-style function (the API
 * function in-process, or fetch against a server), as a given user (`x-sim-user`, or a bearer token),
 * following links (test-support/hal), with every JSON body validated against a spec definition when
 * one is named.
 */
import type { GetJson, Hal } from './hal';

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
