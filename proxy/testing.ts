/**
 * Helpers for the proxy's tests: a console build to serve, the proxy as a child process (as
 * `npm run proxy` runs it), and raw HTTP requests (any Host header, bytes as sent).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http, { type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeProgramArgs } from '../test-support/node-program';

export const TEST_CSP = "default-src 'self'; script-src 'self'; connect-src 'self' http: https:";

/** A folder that looks like the console's build: index.html with a CSP meta tag, a script, a worker. */
export function makeDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'cm-proxy-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${TEST_CSP}"><title>Cloud Manager</title><script type="module" crossorigin src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>`,
  );
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("console");\n');
  writeFileSync(join(dist, 'assets', 'index-abc123.css'), 'body{margin:0}\n');
  writeFileSync(join(dist, 'mockServiceWorker.js'), '/* worker */\n');
  return dist;
}

/** The environment for a proxy process: this one's without any CM_* variable, plus `env`. */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('CM_')) out[name] = value;
  return { ...out, ...env };
}

export interface ProxyProcess {
  child: ChildProcess;
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  port: number;
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
  /** SIGTERM, resolved once it has exited. */
  stop: () => Promise<void>;
}

function launch(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [...nodeProgramArgs('proxy/main.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv(env),
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Runs the proxy as `npm run proxy -- <args>` does (proxy/main.ts, bundled) and resolves once it listens. */
export function startProxyProcess(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<ProxyProcess> {
  const { child, output } = launch(args, env);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the proxy did not start within ${timeoutMs} ms: ${output()}`));
    }, timeoutMs);
    const onData = () => {
      const match = /on (http:\/\/[\w.]+:(\d+))\//.exec(output());
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve({ child, url: match[1].replace('localhost', '127.0.0.1'), port: Number(match[2]), output, stop });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the proxy exited with ${code}: ${output()}`));
    });
  });
}

/**
 * Runs the proxy expecting it to refuse to start: its exit code and what it printed. Should it
 * start after all (or hang), it is stopped and the code is null.
 */
export function proxyExit(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<{ code: number | null; output: string }> {
  const { child, output } = launch(args, env);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const onData = () => {
    if (/through the local proxy/.test(output())) child.kill('SIGKILL');
  };
  child.stdout?.on('data', onData);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output: output() });
    }),
  );
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: () => string;
  json: <T = Record<string, unknown>>() => T;
}

/** One HTTP request with exactly these headers (Host included), the answer's bytes as they came. */
export function raw(url: string, options: { method?: string; headers?: OutgoingHttpHeaders; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers =
      options.body === undefined ? options.headers : { 'content-length': Buffer.byteLength(options.body), ...options.headers };
    const req = http.request(url, { method: options.method ?? 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body,
          text: () => body.toString('utf8'),
          json: <T>() => JSON.parse(body.toString('utf8')) as T,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface FakeServer {
  /** e.g. http://127.0.0.1:40123 */
  base: string;
  port: number;
  requests: RecordedRequest[];
  close: () => Promise<void>;
}

/**
 * A tiny HTTP server for cases the simulator cannot play (a 401 for one token, a gzip file on a
 * storage host, no answer at all): `answer` decides; every request is recorded. An answer of
 * `'hang'` never responds.
 */
export async function startFakeServer(answer: (request: RecordedRequest) => FakeAnswer | 'hang'): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const out = answer(request);
      if (out === 'hang') return;
      res.writeHead(out.status ?? 200, out.headers ?? {});
      res.end(req.method === 'HEAD' ? undefined : out.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** JSON answer for a fake server. */
export function jsonAnswer(body: unknown, status = 200, headers: Record<string, string> = {}): FakeAnswer {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}
