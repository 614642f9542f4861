/**
 * A stand-in for Adobe IMS's token endpoint (`POST /ims/token/v3`, OAuth client_credentials) for
 * tests: it checks the form body like IMS, counts the calls, issues random tokens with a chosen
 * `expires_in`, and can be told to refuse or to be slow.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeImsOptions {
  clientId: string;
  clientSecret: string;
  /** The scopes it insists on (comma-separated, in any order); any when omitted. */
  scopes?: string[];
  /** Lifetime of the tokens it issues, in seconds (default 3600). */
  expiresIn?: number;
}

export interface FakeIms {
  /** The token endpoint, e.g. http://127.0.0.1:40123/ims/token/v3 */
  url: string;
  /** Token requests received (refused ones included). */
  readonly calls: number;
  /** Tokens issued, oldest first. */
  readonly tokens: string[];
  /** The form bodies received. */
  readonly forms: URLSearchParams[];
  /** From now on: refuse every request with this OAuth error (400/401 like IMS), or stop refusing (undefined). */
  refuse: (error: 'invalid_client' | 'invalid_scope' | undefined) => void;
  /** From now on: issue tokens with this lifetime (seconds). */
  setExpiresIn: (seconds: number) => void;
  /** From now on: answer after this many ms. */
  setDelay: (ms: number) => void;
  close: () => Promise<void>;
}

export async function startFakeIms(options: FakeImsOptions): Promise<FakeIms> {
  let calls = 0;
  let refusing: 'invalid_client' | 'invalid_scope' | undefined;
  let expiresIn = options.expiresIn ?? 3600;
  let delay = 0;
  const tokens: string[] = [];
  const forms: URLSearchParams[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const answer = (status: number, body: object) => {
        const text = JSON.stringify(body);
        setTimeout(() => res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' }).end(text), delay);
      };
      if (req.method !== 'POST' || req.url !== '/ims/token/v3') return answer(404, { error: 'not_found' });
      calls += 1;
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      forms.push(form);
      if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
        return answer(400, { error: 'invalid_request', error_description: 'form body expected' });
      if (form.get('grant_type') !== 'client_credentials') return answer(400, { error: 'unsupported_grant_type' });
      if (refusing === 'invalid_scope') return answer(400, { error: 'invalid_scope', error_description: 'invalid scope' });
      if (refusing || form.get('client_id') !== options.clientId)
        return answer(400, { error: 'invalid_client', error_description: 'invalid client_id parameter' });
      if (form.get('client_secret') !== options.clientSecret)
        return answer(401, { error: 'invalid_client', error_description: 'invalid client_secret parameter' });
      if (options.scopes) {
        const asked = (form.get('scope') ?? '').split(',').sort().join(',');
        if (asked !== [...options.scopes].sort().join(','))
          return answer(400, { error: 'invalid_scope', error_description: 'invalid scope' });
      }
      const token = `fake-ims-${tokens.length + 1}-${randomBytes(24).toString('hex')}`;
      tokens.push(token);
      answer(200, { access_token: token, token_type: 'bearer', expires_in: expiresIn });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/ims/token/v3`,
    get calls() {
      return calls;
    },
    tokens,
    forms,
    refuse: (error) => {
      refusing = error;
    },
    setExpiresIn: (seconds) => {
      expiresIn = seconds;
    },
    setDelay: (ms) => {
      delay = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
