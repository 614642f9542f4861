/**
 * Error answers, all made here: application/problem+json for the service (HttpError from the API
 * layer, DomainError from the engine, mapped by its code), the gateway's own shape for 401/403.
 */
import { DomainError, type DomainErrorCode } from '../sim/errors';

export const PROBLEM_TYPE = 'http://ns.adobe.com/adobecloud/error';

/** The spec's `BadRequestError` members: query parameters that are missing or invalid. */
export interface ParamProblems {
  missingParams?: { name: string; type: string }[];
  invalidParams?: { name: string; reason: string }[];
}

/**
 * A problem+json answer; `errors` lists each problem when there are several (a refused pipeline or
 * variables); `params` names the query parameters at fault (the spec's BadRequestError).
 */
export function problem(status: number, title: string, detail: string, errors?: string[], params?: ParamProblems): Response {
  const body = { type: PROBLEM_TYPE, title, status, detail, ...(errors ? { errors } : {}), ...params };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });
}

/** The Adobe I/O gateway's error body (used when the Cloud Manager headers are missing). */
export function gatewayError(status: 401 | 403, errorCode: string, message: string): Response {
  return new Response(JSON.stringify({ error_code: errorCode, message }), { status, headers: { 'content-type': 'application/json' } });
}

/** A refusal of the API layer itself (paths, methods, bodies, query parameters). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
    readonly errors?: string[],
    readonly params?: ParamProblems,
  ) {
    super(message);
  }
}

/**
 * How each domain refusal is answered: its status, and a title where the API words it its own
 * way (the engine's "Invalid decision" is a bad advance or cancel body to a client).
 */
export const DOMAIN_ANSWERS: Record<DomainErrorCode, { status: number; title?: string }> = {
  not_found: { status: 404 },
  busy: { status: 412 },
  not_waiting: { status: 409 },
  already_decided: { status: 409 },
  not_cancellable: { status: 409 },
  environment_busy: { status: 409 },
  invalid: { status: 400, title: 'Invalid request body' },
  not_allowed: { status: 400 },
  forbidden: { status: 403 },
};

export function problemFrom(error: unknown): Response {
  if (error instanceof DomainError) {
    const answer = DOMAIN_ANSWERS[error.code];
    return problem(answer.status, answer.title ?? error.title, error.message, error.errors);
  }
  if (error instanceof HttpError) return problem(error.status, error.title, error.message, error.errors, error.params);
  // A bug in the simulator: still an answer, never a crash.
  console.error('[simulator] unexpected error', error);
  return problem(500, 'Internal simulator error', error instanceof Error ? error.message : String(error));
}
