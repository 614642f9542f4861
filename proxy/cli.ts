/**
 * The command line: `npm run proxy -- --target <API base URL> --port <port> [--read-only]
 * [--access-token <token>] [--host 127.0.0.1] [--dist <dir>] [--allow-origin <origin>] [--verbose]`.
 * Credentials come from the environment (CM_CLIENT_ID, CM_CLIENT_SECRET, CM_ORG_ID, CM_SCOPES,
 * CM_IMS_TOKEN_URL, CM_ACCESS_TOKEN), never from flags, except a token obtained elsewhere.
 */
import { parseArgs } from 'node:util';
import { ConfigError, DEFAULT_DIST, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TARGET, type ProxyOptions } from './config';

export const USAGE = `Usage: npm run proxy -- [--target ${DEFAULT_TARGET}] [--port ${DEFAULT_PORT}] [--host ${DEFAULT_HOST}] [--dist ${DEFAULT_DIST}]
                         [--read-only] [--access-token <token>] [--allow-origin <origin>]... [--verbose]
Environment: CM_CLIENT_ID, CM_CLIENT_SECRET, CM_ORG_ID, CM_SCOPES (comma-separated), CM_IMS_TOKEN_URL, CM_ACCESS_TOKEN`;

/** Flags → options (throws ConfigError on a flag it does not know or a malformed value); `help` when asked. */
export function parseProxyArgs(argv: string[]): ProxyOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        target: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        dist: { type: 'string' },
        'read-only': { type: 'boolean', default: false },
        'access-token': { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
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
