/** Error answers: application/problem+json for the service, the gateway's own shape for 401/403. */
import { SimError } from '../sim/model';

export const PROBLEM_TYPE = 'http://ns.adobe.com/adobecloud/error';

export function problem(status: number, title: string, detail: string, errors?: string[]): Response {
  const body: Record<string, unknown> = { type: PROBLEM_TYPE, title, status, detail };
  if (errors?.length) body.errors = errors;
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });
}

/** The Adobe I/O gateway's error body (used when the Cloud Manager headers are missing). */
export function gatewayError(status: 401 | 403, errorCode: string, message: string): Response {
  return new Response(JSON.stringify({ error_code: errorCode, message }), { status, headers: { 'content-type': 'application/json' } });
}

export function problemFrom(error: unknown): Response {
  if (error instanceof SimError) return problem(error.status, error.title, error.message, error.errors);
  if (error instanceof HttpError) return problem(error.status, error.title, error.message);
  // A bug in the simulator: still an answer, never a crash.
  console.error('[simulator] unexpected error', error);
  return problem(500, 'Internal simulator error', error instanceof Error ? error.message : String(error));
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}
