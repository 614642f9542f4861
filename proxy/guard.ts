/**
 * Who may use the proxy. It holds Cloud Manager credentials, so a web page elsewhere must not be
 * able to use it through the browser:
 * - DNS rebinding: a request whose `Host` is not the proxy's own address is refused;
 * - cross-origin calls: a request with an `Origin` other than the console it serves is refused,
 *   and so is an API or file request a browser marks as coming from another site.
 */
import type { IncomingMessage } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { PROBLEM, problem, type Problem } from './problem';

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

function hostPart(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '');
  return bare.includes(':') ? `[${bare.toLowerCase()}]` : bare.toLowerCase();
}

/** The `Host` values the proxy answers to when listening on `host`:`port`. */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '[::1]']);
  if (WILDCARDS.has(host)) {
    // Listening everywhere: every address of this machine, and its name.
    for (const list of Object.values(networkInterfaces())) for (const info of list ?? []) names.add(hostPart(info.address));
    names.add(hostname().toLowerCase());
  } else names.add(hostPart(host));
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${port}`);
    if (port === 80) hosts.add(name);
  }
  return hosts;
}

export interface Guard {
  /** A problem when the request must be refused; undefined when it may go on. */
  check: (req: IncomingMessage, path: string) => Problem | undefined;
}

export function createGuard(options: { host: string; port: number; allowedOrigins: string[] }): Guard {
  const ownHosts = allowedHosts(options.host, options.port);
  const extraOrigins = new Set(options.allowedOrigins.map((origin) => origin.toLowerCase()));
  const origins = new Set([...[...ownHosts].map((h) => `http://${h}`), ...extraOrigins]);
  // A dev server allowed with --allow-origin that forwards /api and /_proxy here keeps its own Host.
  const hosts = new Set([...ownHosts, ...[...extraOrigins].map((origin) => new URL(origin).host)]);
  const own = `http://${options.host === '127.0.0.1' || WILDCARDS.has(options.host) ? 'localhost' : hostPart(options.host)}:${options.port}`;

  return {
    check(req, path) {
      const host = req.headers.host?.toLowerCase();
      if (!host || !hosts.has(host))
        return problem(
          PROBLEM.foreignHost,
          403,
          'Foreign Host header',
          `The proxy answers only requests addressed to itself (e.g. ${own}), not to "${(host ?? '').slice(0, 100)}": open the console at the proxy's own address.`,
        );
      const origin = req.headers.origin;
      if (origin !== undefined && !origins.has(origin.toLowerCase()))
        return problem(
          PROBLEM.foreignOrigin,
          403,
          'Cross-origin request refused',
          `Only the console the proxy serves may call it; a page from "${origin.slice(0, 100)}" may not.`,
        );
      const site = req.headers['sec-fetch-site'];
      const guarded = path.startsWith('/api/') || path === '/api' || path.startsWith('/_proxy/');
      if (guarded && (site === 'cross-site' || site === 'same-site') && !(origin && extraOrigins.has(origin.toLowerCase())))
        return problem(
          PROBLEM.foreignOrigin,
          403,
          'Cross-site request refused',
          'Only the console the proxy serves may call its API; this request came from another site.',
        );
      return undefined;
    },
  };
}
