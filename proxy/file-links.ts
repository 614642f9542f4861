/**
 * Links to files (step logs, environment logs, artifacts) that the proxy fetches on the browser's
 * behalf. Cloud Manager answers such a download with `{"redirect": "<storage URL>"}` or a 307; the
 * proxy replaces that URL by `/_proxy/file?u=<token>`, where the token carries the storage URL
 * and an expiry, signed with HMAC-SHA256 under a key made at start and never shown. Only URLs the
 * API gave out can be fetched this way (no open proxy), and a restart invalidates old links.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const FILE_PATH = '/_proxy/file';

export type FileLinkCheck = { ok: true; url: URL } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

export interface FileLinks {
  /** The proxy path (with query) for `url`, valid for the configured time. */
  sign: (url: URL) => string;
  /** The storage URL behind the `u` parameter, when the proxy signed it and it has not expired. */
  verify: (token: string | null) => FileLinkCheck;
}

export function createFileLinks(options: { ttlMs: number; now: () => number; key?: Buffer }): FileLinks {
  const key = options.key ?? randomBytes(32);
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

  return {
    sign(url) {
      const payload = Buffer.from(JSON.stringify([url.href, Math.ceil((options.now() + options.ttlMs) / 1000)])).toString('base64url');
      return `${FILE_PATH}?u=${payload}.${mac(payload)}`;
    },
    verify(token) {
      const match = token === null ? null : /^([A-Za-z0-9_-]{1,16384})\.([A-Za-z0-9_-]{43})$/.exec(token);
      if (!match) return { ok: false, reason: 'malformed' };
      const [, payload, signature] = match;
      const expected = Buffer.from(mac(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      if (!Array.isArray(decoded) || typeof decoded[0] !== 'string' || typeof decoded[1] !== 'number')
        return { ok: false, reason: 'malformed' };
      if (decoded[1] * 1000 < options.now()) return { ok: false, reason: 'expired' };
      return { ok: true, url: new URL(decoded[0]) };
    },
  };
}
