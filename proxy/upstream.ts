/**
 * Requests to Cloud Manager and to storage hosts with node:http(s): the body arrives as the bytes
 * that were sent (fetch would decompress a gzip-encoded body, and environment logs must reach the
 * browser as they are), streamed, over kept-alive connections.
 */
import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import https from 'node:https';

/** No answer from the upstream: nothing listening, a reset, a name that does not resolve, or too slow. */
export class UpstreamError extends Error {
  override name = 'UpstreamError';
  constructor(
    readonly reason: 'unreachable' | 'timeout',
    /** e.g. ECONNREFUSED, ENOTFOUND; or the timeout in words. */
    readonly code: string,
  ) {
    super(reason === 'timeout' ? `no answer within ${code}` : code);
  }
}

export interface UpstreamRequest {
  method: string;
  headers: OutgoingHttpHeaders;
  body?: Buffer;
  timeoutMs: number;
}

export interface Upstream {
  /** Sends the request; resolves with the response (its body still to be read) or rejects with UpstreamError. */
  request: (url: URL, request: UpstreamRequest) => Promise<IncomingMessage>;
  /** Closes the kept-alive connections. */
  close: () => void;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createUpstream(): Upstream {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 32 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 32 }),
  };

  function once(url: URL, request: UpstreamRequest): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const secure = url.protocol === 'https:';
      const client = secure ? https : http;
      const req = client.request(url, { method: request.method, headers: request.headers, agent: agents[secure ? 'https:' : 'http:'] });
      req.setTimeout(request.timeoutMs, () => req.destroy(new UpstreamError('timeout', `${Math.round(request.timeoutMs / 1000)} s`)));
      req.once('response', resolve);
      req.once('error', (error: NodeJS.ErrnoException) => {
        if (error instanceof UpstreamError) return reject(error);
        const retryable = req.reusedSocket && error.code === 'ECONNRESET';
        reject(Object.assign(new UpstreamError('unreachable', error.code ?? 'connection failed'), { retryable }));
      });
      req.end(request.body);
    });
  }

  return {
    async request(url, request) {
      try {
        return await once(url, request);
      } catch (error) {
        // A kept-alive connection the server had already closed (e.g. it restarted): one more try on a fresh one.
        if ((error as { retryable?: boolean }).retryable && IDEMPOTENT.has(request.method)) return once(url, request);
        throw error;
      }
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

/** Reads a whole response body (for JSON that is rewritten). */
export function readAll(stream: IncomingMessage, limit = 64 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) stream.destroy(new Error(`the answer is larger than ${limit} bytes`));
      else chunks.push(chunk);
    });
    let ended = false;
    stream.once('end', () => {
      ended = true;
      resolve(Buffer.concat(chunks));
    });
    stream.once('error', reject);
    stream.once('close', () => {
      if (!ended) reject(new UpstreamError('unreachable', 'ECONNRESET'));
    });
  });
}

/** Streams an upstream answer to the browser; either side going away ends both (resolves, never rejects). */
export function pipeAnswer(answer: IncomingMessage, res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    answer.once('error', () => {
      res.destroy();
      resolve();
    });
    res.once('close', () => {
      answer.destroy();
      resolve();
    });
    answer.pipe(res);
  });
}
