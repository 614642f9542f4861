/**
 * `/api/...` → `<target>/api/...` with the Cloud Manager headers (x-api-key, x-gw-ims-org-id,
 * Authorization: Bearer) added by the proxy. A 401 renews the token once and tries once more.
 * Downloads (`{"redirect": url}` or a 3xx `Location`) come back as links to the proxy's own
 * file endpoint; an absolute URL of the API itself comes back on the proxy's origin.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { ProxyConfig } from './config';
import type { FileLinks } from './file-links';
import { DATA_POLICY, apiRequestHeaders, apiResponseHeaders } from './headers';
import { ImsError, type TokenSource } from './ims';
import type { Logger } from './log';
import { BASE_HEADERS, PROBLEM, ProblemError, problem } from './problem';
import { UpstreamError, pipeAnswer, readAll, type Upstream } from './upstream';

/** Cloud Manager's request bodies are small JSON documents. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

const READ_METHODS = new Set(['GET', 'HEAD']);

/** Encodings the proxy can undo to read a JSON answer (it asks for identity; a gateway may compress anyway). */
const MAX_JSON_BYTES = 64 * 1024 * 1024;
const DECODERS: Record<string, (bytes: Buffer) => Buffer> = {
  identity: (bytes) => bytes,
  gzip: (bytes) => gunzipSync(bytes, { maxOutputLength: MAX_JSON_BYTES }),
  'x-gzip': (bytes) => gunzipSync(bytes, { maxOutputLength: MAX_JSON_BYTES }),
  deflate: (bytes) => inflateSync(bytes, { maxOutputLength: MAX_JSON_BYTES }),
  br: (bytes) => brotliDecompressSync(bytes, { maxOutputLength: MAX_JSON_BYTES }),
};
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface ApiForwarderDeps {
  config: ProxyConfig;
  tokens: TokenSource;
  upstream: Upstream;
  links: FileLinks;
  log: Logger;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    let ended = false;
    req.once('close', () => {
      if (!ended) reject(new Error('the browser closed the request before its body ended'));
    });
    req.once('end', () => {
      ended = true;
      if (size > MAX_REQUEST_BYTES)
        reject(
          new ProblemError(problem(PROBLEM.tooLarge, 413, 'Request body too large', `Bodies are limited to ${MAX_REQUEST_BYTES} bytes.`)),
        );
      else resolve(Buffer.concat(chunks));
    });
    req.once('error', reject);
  });
}

/** The problem for a token that could not be had from IMS. */
export function imsProblem(error: ImsError) {
  return error.reason === 'refused'
    ? problem(PROBLEM.imsRefused, 502, 'Adobe IMS refused the credentials', error.message)
    : problem(PROBLEM.imsUnavailable, 503, 'Adobe IMS did not answer', `${error.message}. The proxy asks again on the next request.`);
}

export function createApiForwarder({ config, tokens, upstream, links, log }: ApiForwarderDeps) {
  const { target, credentials } = config;
  const basePath = target.pathname.replace(/\/+$/, '');
  /** The API's own absolute URLs start with this (e.g. https://cloudmanager.adobe.io/api/). */
  const apiPrefix = `${target.origin}${basePath}/api/`;

  /** A URL the API handed out, as the browser should see it. */
  function rewriteUrl(value: string, publicOrigin: string, asDownload: boolean): string {
    let url: URL;
    try {
      url = new URL(value, target);
    } catch {
      return value;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return value;
    // The API itself (a Location of a new execution, a redirect to another API path): through the proxy's /api.
    if (url.href.startsWith(apiPrefix)) return publicOrigin + url.href.slice(target.origin.length + basePath.length);
    // Anywhere else (a storage host, or the API host outside /api): fetched by the proxy without credentials.
    return asDownload ? publicOrigin + links.sign(url) : value;
  }

  function rewriteJson(text: string, publicOrigin: string): string {
    let out = text;
    if (out.includes('"redirect"')) {
      try {
        const body = JSON.parse(out) as unknown;
        if (body && typeof body === 'object' && !Array.isArray(body) && typeof (body as { redirect?: unknown }).redirect === 'string') {
          const redirect = (body as { redirect: string }).redirect;
          out = JSON.stringify({ ...body, redirect: rewriteUrl(redirect, publicOrigin, true) });
        }
      } catch {
        // Not JSON after all: passed on as it is.
      }
    }
    // Absolute hrefs of the API itself (Adobe's are paths, but a gateway may add its origin).
    const escaped = (text: string) => text.replace(/\//g, '\\/');
    const ownPrefix = `${publicOrigin}/api/`;
    if (out.includes(apiPrefix)) out = out.split(apiPrefix).join(ownPrefix);
    if (out.includes(escaped(apiPrefix))) out = out.split(escaped(apiPrefix)).join(escaped(ownPrefix));
    return out;
  }

  function send(path: string, req: IncomingMessage, body: Buffer | undefined, token: string) {
    const headers = {
      ...apiRequestHeaders(req.headers),
      'accept-encoding': 'identity',
      'x-api-key': credentials.clientId,
      'x-gw-ims-org-id': credentials.orgId,
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-length': String(body.length) } : {}),
    };
    return upstream.request(new URL(`${target.origin}${basePath}${path}`), {
      method: req.method ?? 'GET',
      headers,
      body,
      timeoutMs: config.timeoutMs,
    });
  }

  return async function forwardApi(req: IncomingMessage, res: ServerResponse, url: URL, publicOrigin: string): Promise<void> {
    const method = req.method ?? 'GET';
    if (config.readOnly && !READ_METHODS.has(method))
      throw new ProblemError(
        problem(
          PROBLEM.readOnly,
          405,
          'The proxy is read-only',
          `The proxy was started with --read-only: it forwards only GET and HEAD to Cloud Manager, not ${method.slice(0, 20)}.`,
        ),
        { allow: 'GET, HEAD' },
      );
    const body = READ_METHODS.has(method) ? undefined : await readBody(req);
    const path = url.pathname + url.search;
    try {
      let token = await tokens.token();
      let answer = await send(path, req, body, token);
      if (answer.statusCode === 401) {
        const renewed = await tokens.renew(token);
        if (renewed !== undefined) {
          answer.resume();
          log.info('Cloud Manager refused the access token (401): got a new one from IMS and tried once more');
          token = renewed;
          answer = await send(path, req, body, token);
        }
      }
      const status = answer.statusCode ?? 502;
      const headers = { ...apiResponseHeaders(answer.headers), ...BASE_HEADERS, 'content-security-policy': DATA_POLICY };
      const location = answer.headers.location;
      if (typeof location === 'string') headers.location = rewriteUrl(location, publicOrigin, REDIRECTS.has(status));
      const type = String(answer.headers['content-type'] ?? '');
      const encoding = String(answer.headers['content-encoding'] ?? 'identity').toLowerCase();
      if (method !== 'HEAD' && /[/+]json\b/i.test(type) && encoding in DECODERS) {
        // JSON is read whole (to rewrite download links), decoded if the API compressed it anyway.
        const text = rewriteJson(DECODERS[encoding](await readAll(answer, MAX_JSON_BYTES)).toString('utf8'), publicOrigin);
        delete headers['content-encoding'];
        headers['content-length'] = String(Buffer.byteLength(text));
        res.writeHead(status, headers);
        res.end(text);
        return;
      }
      res.writeHead(status, headers);
      await pipeAnswer(answer, res);
    } catch (error) {
      if (error instanceof ImsError) throw new ProblemError(imsProblem(error));
      if (error instanceof UpstreamError) {
        throw new ProblemError(
          error.reason === 'timeout'
            ? problem(
                PROBLEM.upstreamTimeout,
                504,
                'Cloud Manager did not answer in time',
                `Cloud Manager did not answer in time: ${target.origin} gave no answer within ${Math.round(config.timeoutMs / 1000)} s.`,
              )
            : problem(
                PROBLEM.upstreamUnreachable,
                502,
                'Cloud Manager did not answer',
                `Cloud Manager did not answer: ${target.origin} could not be reached (${error.code}). The proxy tries again on the next request.`,
              ),
        );
      }
      throw error;
    }
  };
}
