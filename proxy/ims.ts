/**
 * Access tokens for the Cloud Manager API: from Adobe IMS with the OAuth Server-to-Server
 * credential (client_credentials), cached for `expires_in` and renewed shortly before it ends or
 * when the API refuses the token; or one fixed token given at start (`--access-token`).
 */

export type AuthKind = 'client_credentials' | 'access_token';

export interface TokenSource {
  readonly kind: AuthKind;
  /** A token that is valid now (concurrent callers share one request to IMS). */
  token: () => Promise<string>;
  /** After the API refused `rejected` (401): a new token, or undefined when no other token can be had. */
  renew: (rejected: string) => Promise<string | undefined>;
}

/** Why IMS gave no token. `message` is one line safe to print (no secret, no token). */
export class ImsError extends Error {
  override name = 'ImsError';
  constructor(
    /** refused: IMS said no to the credential (4xx); unreachable: no answer; failed: 5xx or an answer without a token. */
    readonly reason: 'refused' | 'unreachable' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

export interface ImsCredential {
  tokenUrl: URL;
  clientId: string;
  clientSecret: string;
  scopes: string[];
}

export interface ImsOptions {
  timeoutMs: number;
  now: () => number;
  /** Called with every token obtained (to redact it) and its lifetime in seconds. */
  onToken: (token: string, expiresInSeconds: number) => void;
  /** Called when a renewal failed but the current token is still valid and kept in use. */
  onKeptToken?: (error: ImsError) => void;
}

/** Renew this long before the token ends: 10% of its life, at most a minute. */
export function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(60_000, lifetimeMs * 0.1);
}

function networkCode(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'no answer in time';
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message.slice(0, 100);
  return error instanceof Error ? error.message.slice(0, 100) : 'network error';
}

/** One POST to IMS: grant_type=client_credentials with client_id, client_secret and scope, form-encoded. */
export async function requestImsToken(credential: ImsCredential, timeoutMs: number): Promise<{ token: string; expiresInSeconds: number }> {
  const where = `${credential.tokenUrl.origin}${credential.tokenUrl.pathname}`;
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: credential.clientId,
    client_secret: credential.clientSecret,
    scope: credential.scopes.join(','),
  });
  let response: Response;
  try {
    response = await fetch(credential.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new ImsError(
      'unreachable',
      `Adobe IMS at ${where} did not answer (${networkCode(error)}): check CM_IMS_TOKEN_URL and the network`,
    );
  }
  let json: Record<string, unknown> | undefined;
  try {
    json = (await response.json()) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  const text = (value: unknown) => (typeof value === 'string' ? value.replace(/[\r\n]+/g, ' ').slice(0, 200) : undefined);
  if (response.status >= 400 && response.status < 500) {
    const code = text(json?.error) ?? `HTTP ${response.status}`;
    if (code === 'invalid_scope')
      throw new ImsError('refused', `IMS refused the scopes (invalid_scope): check CM_SCOPES against the scopes of the credential`);
    if (code === 'invalid_client' || code === 'unauthorized_client' || response.status === 401)
      throw new ImsError('refused', `IMS refused the client credentials (${code}): check CM_CLIENT_ID and CM_CLIENT_SECRET`);
    const description = text(json?.error_description);
    throw new ImsError(
      'refused',
      `IMS refused the token request (${code}${description ? `: ${description}` : ''}): check CM_CLIENT_ID, CM_CLIENT_SECRET and CM_SCOPES`,
    );
  }
  if (!response.ok) throw new ImsError('failed', `Adobe IMS at ${where} answered ${response.status}: try again later`);
  const token = json?.access_token;
  const expiresIn = Number(json?.expires_in);
  if (typeof token !== 'string' || !token || !(expiresIn > 0))
    throw new ImsError('failed', `Adobe IMS at ${where} answered without an access_token and expires_in: check CM_IMS_TOKEN_URL`);
  return { token, expiresInSeconds: expiresIn };
}

interface Cached {
  value: string;
  refreshAt: number;
  expiresAt: number;
}

/** Tokens from IMS, cached and renewed; one request to IMS at a time. */
export function imsTokenSource(credential: ImsCredential, options: ImsOptions): TokenSource {
  let current: Cached | undefined;
  let inFlight: Promise<string> | undefined;

  function fetchToken(): Promise<string> {
    inFlight ??= (async () => {
      try {
        const started = options.now();
        const { token, expiresInSeconds } = await requestImsToken(credential, options.timeoutMs);
        options.onToken(token, expiresInSeconds);
        const lifetime = expiresInSeconds * 1000;
        current = { value: token, expiresAt: started + lifetime, refreshAt: started + lifetime - refreshMarginMs(lifetime) };
        return token;
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  }

  return {
    kind: 'client_credentials',
    async token() {
      const now = options.now();
      if (current && now < current.refreshAt) return current.value;
      if (current && now < current.expiresAt) {
        // Due for renewal but still valid: a failed renewal keeps the current token until it ends.
        const kept = current.value;
        try {
          return await fetchToken();
        } catch (error) {
          if (!(error instanceof ImsError)) throw error;
          options.onKeptToken?.(error);
          return kept;
        }
      }
      current = undefined;
      return fetchToken();
    },
    async renew(rejected) {
      if (current && current.value !== rejected && options.now() < current.expiresAt) return current.value;
      if (current?.value === rejected) current = undefined;
      return fetchToken();
    },
  };
}

/** A token given at start: never renewed (a 401 is answered as it is). */
export function fixedTokenSource(token: string): TokenSource {
  return { kind: 'access_token', token: () => Promise.resolve(token), renew: () => Promise.resolve(undefined) };
}
