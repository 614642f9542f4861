/**
 * `GET /_proxy/file?u=<token>`: fetches a file the API pointed at (a signed storage URL) without
 * any Cloud Manager credential, as Adobe's SDKs do, and streams it back as it came: byte ranges
 * (`Range` → 206 / 416 with `content-range`), `content-encoding` and `content-length` untouched, so
 * a gzip environment log stays gzip and a running step's log can be tailed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FileLinks } from './file-links';
import { DATA_POLICY, fileRequestHeaders, fileResponseHeaders } from './headers';
import { BASE_HEADERS, PROBLEM, ProblemError, problem } from './problem';
import { UpstreamError, pipeAnswer, type Upstream } from './upstream';

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function createFileProxy(deps: { links: FileLinks; upstream: Upstream; timeoutMs: number }) {
  const { links, upstream, timeoutMs } = deps;

  async function fetchFollowing(start: URL, method: string, headers: ReturnType<typeof fileRequestHeaders>): Promise<IncomingMessage> {
    let url = start;
    for (let hop = 0; ; hop += 1) {
      const answer = await upstream.request(url, { method, headers, timeoutMs });
      const location = answer.headers.location;
      if (!REDIRECTS.has(answer.statusCode ?? 0) || typeof location !== 'string' || hop === MAX_REDIRECTS) return answer;
      const next = new URL(location, url);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') return answer;
      answer.resume();
      url = next;
    }
  }

  return async function serveFile(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD')
      throw new ProblemError(problem(PROBLEM.methodNotAllowed, 405, 'Method not allowed', 'File links are read with GET or HEAD.'), {
        allow: 'GET, HEAD',
      });
    const check = links.verify(url.searchParams.get('u'));
    if (!check.ok)
      throw new ProblemError(
        check.reason === 'expired'
          ? problem(
              PROBLEM.expiredFileLink,
              410,
              'File link expired',
              'This download link has expired: open the log or artifact again from Cloud Manager.',
            )
          : problem(
              PROBLEM.badFileLink,
              403,
              'Not a file link of this proxy',
              'The proxy fetches only files that Cloud Manager pointed at through it (links it signed since it started).',
            ),
      );
    let answer: IncomingMessage;
    try {
      answer = await fetchFollowing(check.url, method, fileRequestHeaders(req.headers));
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      // The host only: a storage URL's query is its signature.
      const host = check.url.host;
      throw new ProblemError(
        error.reason === 'timeout'
          ? problem(
              PROBLEM.upstreamTimeout,
              504,
              'The file storage did not answer in time',
              `${host} gave no answer within ${Math.round(timeoutMs / 1000)} s.`,
            )
          : problem(PROBLEM.upstreamUnreachable, 502, 'The file storage did not answer', `${host} could not be reached (${error.code}).`),
      );
    }
    res.writeHead(answer.statusCode ?? 502, {
      ...fileResponseHeaders(answer.headers),
      ...BASE_HEADERS,
      'content-security-policy': DATA_POLICY,
    });
    if (method === 'HEAD') {
      answer.resume();
      res.end();
      return;
    }
    await pipeAnswer(answer, res);
  };
}
