/** Which headers cross the proxy, in each direction. */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** Hop-by-hop headers (RFC 9110 §7.6.1) and what the connection itself sets. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'host',
  'content-length',
]);

/** Credentials a browser might send (the proxy adds its own) and what says where the browser is. */
const BROWSER_ONLY = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'x-gw-ims-org-id',
  'cookie',
  'origin',
  'referer',
  'forwarded',
  'x-real-ip',
  'upgrade-insecure-requests',
  'accept-encoding',
]);

function connectionTokens(headers: IncomingHttpHeaders): Set<string> {
  const value = headers.connection;
  return new Set(
    (Array.isArray(value) ? value.join(',') : (value ?? ''))
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** The browser's headers to send on to Cloud Manager: no credentials, no cookies, nothing hop-by-hop. */
export function apiRequestHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = connectionTokens(headers);
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || BROWSER_ONLY.has(name) || named.has(name)) continue;
    if (name.startsWith('sec-') || name.startsWith('x-forwarded-') || name.startsWith('proxy-')) continue;
    out[name] = value;
  }
  return out;
}

/** Headers a storage host may see: what a download needs, nothing that identifies the user or the API. */
const FILE_REQUEST_HEADERS = ['range', 'if-range', 'if-none-match', 'if-modified-since', 'accept', 'accept-encoding'];

export function fileRequestHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const name of FILE_REQUEST_HEADERS) if (headers[name] !== undefined) out[name] = headers[name];
  return out;
}

/** Headers of an answer that never go back to the browser. */
const RESPONSE_DROPPED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'trailer',
  'upgrade',
  'set-cookie',
  'strict-transport-security',
  'alt-svc',
  'public-key-pins',
]);

/** Cloud Manager's answer headers for the browser (its CORS headers are meaningless on the proxy's own origin). */
export function apiResponseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = connectionTokens(headers);
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || RESPONSE_DROPPED.has(name) || named.has(name) || name.startsWith('access-control-')) continue;
    out[name] = value;
  }
  return out;
}

/** A storage host's answer headers that matter to a download (byte ranges, encoding, caching). */
const FILE_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-range',
  'content-encoding',
  'content-disposition',
  'accept-ranges',
  'etag',
  'last-modified',
  'cache-control',
  'expires',
];

export function fileResponseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const name of FILE_RESPONSE_HEADERS) if (headers[name] !== undefined) out[name] = headers[name];
  return out;
}

/** For answers that are data, not pages: nothing in them may run, even if a host labels them text/html. */
export const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";
