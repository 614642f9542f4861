/**
 * The command line: `npm run proxy -- --target <API base URL> --port <port> [--read-only]
 * [--access-token <token>] [--host 127.0.0.1] [--dist <dir>] [--allow-origin <origin>] [--verbose]`.
 * Credentials come from the environment (CM_CLIENT_ID, CM_CLIENT_SECRET, CM_ORG_ID, CM_SCOPES,
 * CM_IMS_TOKEN_URL, CM_ACCESS_TOKEN), never from flags, except a token obtained elsewhere.
 */
import { parseArgs } from 'node:util';
import { ConfigError, DEFAULT_DIST, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TARGET, type ProxyOptions } from './config';
import { startProxy } from './proxy';

/** The flags `npm run proxy` (and the packaged `cloud-manager-simulator proxy`) accepts; `--help` lists them. */
export const PROXY_FLAGS = {
  target: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  dist: { type: 'string' },
  'read-only': { type: 'boolean', default: false },
  'access-token': { type: 'string' },
  'allow-origin': { type: 'string', multiple: true },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** What `--help` prints: every flag of PROXY_FLAGS with its default, and the environment it reads. */
export function proxyUsage(command = 'npm run proxy --', dist = DEFAULT_DIST): string {
  return `Usage: ${command} [flags]
Serves the console's build and forwards /api/... to a Cloud Manager API with server-to-server
credentials that never reach the browser.

  --target <url>            the API to forward to (default ${DEFAULT_TARGET})
  --port <n>                port to listen on; 0 picks a free one (default ${DEFAULT_PORT})
  --host <address>          address to listen on (default ${DEFAULT_HOST})
  --dist <folder>           the console build to serve (default ${dist})
  --read-only               only GET and HEAD reach the API; anything else is answered 405
  --access-token <token>    use this token instead of asking Adobe IMS (it is not renewed)
  --allow-origin <origin>   also accept calls from this origin (repeatable)
  --verbose                 one line per request
  -h, --help                print this and exit

Environment: CM_CLIENT_ID, CM_CLIENT_SECRET, CM_ORG_ID, CM_SCOPES (comma-separated), CM_IMS_TOKEN_URL, CM_ACCESS_TOKEN`;
}

export const USAGE = proxyUsage();

/** Flags → options (throws ConfigError on a flag it does not know or a malformed value); `help` when asked. */
export function parseProxyArgs(argv: string[]): ProxyOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: PROXY_FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new ConfigError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  if (values.help) return 'help';
  let port: number | undefined;
  if (values.port !== undefined) {
    port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
    if (!(port >= 0 && port <= 65535)) throw new ConfigError(`--port must be a port number (0-65535), not "${values.port.slice(0, 40)}"`);
  }
  return {
    target: values.target,
    port,
    host: values.host,
    dist: values.dist,
    readOnly: values['read-only'],
    accessToken: values['access-token'],
    allowedOrigins: values['allow-origin'],
    verbose: values.verbose,
  };
}

/**
 * The whole command: `--help` prints the flags; otherwise the proxy starts and stops on SIGINT or
 * SIGTERM, and a configuration it cannot start with exits 2 with one line. `command` and `dist`
 * are what the help shows and the folder served without `--dist` (the packaged bin passes its own
 * name and the console build shipped beside it).
 */
export async function runProxyCli(argv: string[], defaults: { command?: string; dist?: string } = {}): Promise<void> {
  try {
    const options = parseProxyArgs(argv);
    if (options === 'help') console.log(proxyUsage(defaults.command, defaults.dist));
    else {
      const proxy = await startProxy({ ...options, dist: options.dist ?? defaults.dist });
      const stop = () => void proxy.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }
  } catch (error) {
    console.error(error instanceof ConfigError ? `cm-proxy: ${error.message}` : `cm-proxy: could not start: ${(error as Error).message}`);
    process.exit(2);
  }
}
