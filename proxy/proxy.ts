/**
 * The local proxy that lets the console work on a real Cloud Manager: it serves the console's
 * build and forwards `/api/...` to Cloud Manager with server-to-server credentials that never
 * reach the browser. `startProxy(options)` is the whole program; `main.ts` only reads the flags.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createApiForwarder, imsProblem } from './api-forward';
import { ConfigError, resolveConfig, type ProxyConfig, type ProxyOptions } from './config';
import { FILE_PATH, createFileLinks } from './file-links';
import { createFileProxy } from './file-proxy';
import { createGuard, type Guard } from './guard';
import { ImsError, fixedTokenSource, imsTokenSource, type AuthKind, type TokenSource } from './ims';
import { createLogger, type Logger } from './log';
import { BASE_HEADERS, PROBLEM, ProblemError, problem, sendProblem } from './problem';
import { createStaticFiles } from './static-files';
import { createUpstream } from './upstream';

export { ConfigError, type ProxyOptions } from './config';

/** `GET /_proxy/info`: what the console shows about the connection (never a credential). */
export interface ProxyInfo {
  target: string;
  organisation: string;
  readOnly: boolean;
  auth: AuthKind;
}

export interface RunningProxy {
  /** e.g. http://127.0.0.1:8788 (no trailing slash). */
  url: string;
  host: string;
  port: number;
  info: ProxyInfo;
  server: Server;
  /** Stops listening, ends open connections and upstream keep-alives. */
  close: () => Promise<void>;
}

function tokenSourceFor(config: ProxyConfig, log: Logger): TokenSource {
  const { credentials } = config;
  if (credentials.kind === 'access_token') {
    log.addSecret(credentials.accessToken);
    return fixedTokenSource(credentials.accessToken);
  }
  log.addSecret(credentials.clientSecret);
  return imsTokenSource(
    {
      tokenUrl: credentials.imsTokenUrl,
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      scopes: credentials.scopes,
    },
    {
      timeoutMs: Math.min(config.timeoutMs, 30_000),
      now: config.now,
      onToken: (token, expiresIn) => {
        log.addToken(token);
        log.info(`Got an access token from Adobe IMS (valid for ${formatSeconds(expiresIn)})`);
      },
      onKeptToken: (error) => log.error(`Could not renew the access token yet (${error.message}); the current one is still valid`),
    },
  );
}

function formatSeconds(seconds: number): string {
  if (seconds >= 3600) return `${Math.round((seconds / 3600) * 10) / 10} h`;
  if (seconds >= 60) return `${Math.round(seconds / 60)} min`;
  return `${seconds} s`;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        reject(new ConfigError(`port ${port} on ${host} is in use: stop what uses it, or pass --port <another>`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        reject(new ConfigError(`cannot listen on ${host}: --host must be an address of this machine (e.g. 127.0.0.1)`));
      else if (error.code === 'EACCES') reject(new ConfigError(`not allowed to listen on port ${port}: pass --port above 1023`));
      else reject(error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * Checks the configuration, gets a first token from IMS (unless a token was given), listens, and
 * resolves once requests are answered. Rejects with ConfigError (message: one line naming what to
 * fix) when it cannot start.
 */
export async function startProxy(options: ProxyOptions = {}): Promise<RunningProxy> {
  const config = resolveConfig(options);
  const log = createLogger({ ...options.log, verbose: config.verbose });
  const tokens = tokenSourceFor(config, log);
  if (tokens.kind === 'client_credentials') {
    try {
      await tokens.token();
    } catch (error) {
      if (error instanceof ImsError) throw new ConfigError(error.message);
      throw error;
    }
  }

  const upstream = createUpstream();
  const links = createFileLinks({ ttlMs: config.fileLinkTtlMs, now: config.now });
  const forwardApi = createApiForwarder({ config, tokens, upstream, links, log });
  const serveFile = createFileProxy({ links, upstream, timeoutMs: config.timeoutMs });
  const serveStatic = createStaticFiles(config.dist);
  const info: ProxyInfo = {
    target: `${config.target.origin}${config.target.pathname.replace(/\/+$/, '')}`,
    organisation: config.credentials.orgId,
    readOnly: config.readOnly,
    auth: tokens.kind,
  };
  /** Set once listening (the port is known then). */
  const ready: { guard?: Guard } = {};

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const refused = ready.guard
      ? ready.guard.check(req, url.pathname)
      : problem(PROBLEM.internal, 503, 'Starting', 'The proxy is starting.');
    if (refused) throw new ProblemError(refused);
    const path = url.pathname;
    if (path === '/api' || path.startsWith('/api/')) return forwardApi(req, res, url, `http://${req.headers.host}`);
    if (path === FILE_PATH) return serveFile(req, res, url);
    if (path === '/_proxy/info') {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        throw new ProblemError(problem(PROBLEM.methodNotAllowed, 405, 'Method not allowed', 'Read it with GET.'), { allow: 'GET, HEAD' });
      const body = JSON.stringify(info);
      res.writeHead(200, {
        ...BASE_HEADERS,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    if (path === '/_proxy' || path.startsWith('/_proxy/') || path === '/_sim' || path.startsWith('/_sim/'))
      throw new ProblemError(problem(PROBLEM.notFound, 404, 'Not found', `The proxy has nothing at ${path.slice(0, 200)}.`));
    return serveStatic(req, res, path);
  }

  const server = createServer((req, res) => {
    const started = Date.now();
    const raw = req.url ?? '/';
    // Only origin-form targets ("/path?query"): the proxy is not a forward proxy.
    const url = raw.startsWith('/') && !raw.startsWith('//') ? new URL(raw, 'http://proxy.invalid') : undefined;
    const shown = url ? (url.pathname === FILE_PATH ? FILE_PATH : `${url.pathname}${url.search}`.slice(0, 300)) : '(malformed)';
    res.once('finish', () => log.request(`${req.method} ${shown} ${res.statusCode} ${Date.now() - started} ms`));
    const handled = url
      ? route(req, res, url)
      : Promise.reject(
          new ProblemError(problem(PROBLEM.badRequest, 400, 'Bad request target', 'Requests go to a path such as /api/programs.')),
        );
    handled.catch((error: unknown) => {
      if (error instanceof ProblemError) {
        if (error.problem.status >= 500) log.error(`${req.method} ${shown}: ${error.problem.detail}`);
        sendProblem(res, { ...error.problem, detail: log.redact(error.problem.detail) }, error.headers);
        return;
      }
      if (error instanceof ImsError) {
        sendProblem(res, imsProblem(error));
        return;
      }
      log.error(`${req.method} ${shown}: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
      sendProblem(res, problem(PROBLEM.internal, 500, 'Proxy error', 'The proxy failed to handle this request; see its output.'));
    });
  });
  server.on('clientError', (_error, socket) => {
    if (!socket.writable) return socket.destroy();
    const body = JSON.stringify(problem(PROBLEM.badRequest, 400, 'Malformed HTTP request', 'The request could not be parsed as HTTP/1.1.'));
    socket.end(
      `HTTP/1.1 400 Bad Request\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  server.keepAliveTimeout = 30_000;

  let port: number;
  try {
    port = await listen(server, config.port, config.host);
  } catch (error) {
    upstream.close();
    throw error;
  }
  ready.guard = createGuard({ host: config.host, port, allowedOrigins: config.allowedOrigins });
  const shownHost = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${shownHost}:${port}`;
  log.info(
    `Cloud Manager console on ${url}/ through the local proxy to ${info.target} (organisation ${info.organisation}, ${
      tokens.kind === 'access_token' ? 'the given access token' : 'client credentials'
    }${config.readOnly ? ', read-only' : ''})`,
  );
  if (['0.0.0.0', '::'].includes(config.host))
    log.info(`Listening on every network interface: anyone who can reach this machine can act in Cloud Manager with these credentials`);

  return {
    url,
    host: config.host,
    port,
    info,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        upstream.close();
      }),
  };
}
