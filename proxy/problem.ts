/** The proxy's own error answers: `application/problem+json` `{type, title, status, detail}`. */
import type { ServerResponse } from 'node:http';

/** Problem types of the proxy (Cloud Manager's own errors pass through untouched). */
export const PROBLEM = {
  foreignHost: 'urn:cm-console-proxy:foreign-host',
  foreignOrigin: 'urn:cm-console-proxy:foreign-origin',
  readOnly: 'urn:cm-console-proxy:read-only',
  methodNotAllowed: 'urn:cm-console-proxy:method-not-allowed',
  notFound: 'urn:cm-console-proxy:not-found',
  badRequest: 'urn:cm-console-proxy:bad-request',
  badFileLink: 'urn:cm-console-proxy:bad-file-link',
  expiredFileLink: 'urn:cm-console-proxy:expired-file-link',
  tooLarge: 'urn:cm-console-proxy:request-too-large',
  upstreamUnreachable: 'urn:cm-console-proxy:upstream-unreachable',
  upstreamTimeout: 'urn:cm-console-proxy:upstream-timeout',
  imsUnavailable: 'urn:cm-console-proxy:ims-unavailable',
  imsRefused: 'urn:cm-console-proxy:ims-refused',
  internal: 'urn:cm-console-proxy:internal-error',
} as const;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
}

/** Headers every answer of the proxy carries (its origin holds credentials: never framed, never sniffed). */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/** Writes `problem` (unless the answer has already started, then just ends it). */
export function sendProblem(res: ServerResponse, problem: Problem, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(problem);
  res.writeHead(problem.status, {
    ...BASE_HEADERS,
    'content-type': 'application/problem+json',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** An error that is answered as `problem` (thrown inside a handler). */
export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail);
  }
}

export function problem(type: string, status: number, title: string, detail: string): Problem {
  return { type, title, status, detail };
}
