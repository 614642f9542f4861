/**
 * What the proxy needs to run, checked once at start. Credentials come only from the environment
 * (or, for a token obtained elsewhere, `accessToken`); a mistake stops the proxy with a
 * `ConfigError` whose message is the one line to print.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const DEFAULT_TARGET = 'https://cloudmanager.adobe.io';
export const DEFAULT_PORT = 8788;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DIST = 'dist';
export const DEFAULT_IMS_TOKEN_URL = 'https://ims-na1.adobelogin.com/ims/token/v3';
/** The scopes the Developer Console lists for a Cloud Manager OAuth Server-to-Server credential. */
export const DEFAULT_SCOPES = ['openid', 'AdobeID', 'read_organizations', 'additional_info.projectedProductContext', 'read_pc.dma_aem_ams'];

/** A configuration the proxy cannot start with; `message` is one line naming what to fix. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface ProxyOptions {
  /** Base URL of the Cloud Manager API (default https://cloudmanager.adobe.io). */
  target?: string;
  /** Port to listen on (default 8788; 0 picks a free one). */
  port?: number;
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** Refuse every method but GET and HEAD on /api/... (default false). */
  readOnly?: boolean;
  /** The console's production build to serve (default `dist`, relative to the working directory). */
  dist?: string;
  /** A token obtained elsewhere: skips IMS (then CM_CLIENT_SECRET is not needed). Also CM_ACCESS_TOKEN. */
  accessToken?: string;
  /** Where CM_CLIENT_ID, CM_CLIENT_SECRET, CM_ORG_ID, CM_SCOPES, CM_IMS_TOKEN_URL, CM_ACCESS_TOKEN are read (default process.env). */
  env?: Record<string, string | undefined>;
  /** Further origins allowed to call the proxy (e.g. a dev server that forwards /api to it); exact `scheme://host:port`. */
  allowedOrigins?: string[];
  /** How long an answer from Cloud Manager, IMS or a storage host may take to start (default 60 s). */
  timeoutMs?: number;
  /** How long a rewritten file link stays valid (default 6 hours). */
  fileLinkTtlMs?: number;
  /** One line per request as well (default false: only start-up, token renewals and failures). */
  verbose?: boolean;
  /** Where lines go (default console.log / console.error); every line is redacted first. */
  log?: { info?: (line: string) => void; error?: (line: string) => void };
  /** The clock (tests). */
  now?: () => number;
}

export type Credentials =
  | { kind: 'client_credentials'; clientId: string; clientSecret: string; orgId: string; scopes: string[]; imsTokenUrl: URL }
  | { kind: 'access_token'; clientId: string; orgId: string; accessToken: string };

export interface ProxyConfig {
  target: URL;
  port: number;
  host: string;
  readOnly: boolean;
  dist: string;
  credentials: Credentials;
  allowedOrigins: string[];
  timeoutMs: number;
  fileLinkTtlMs: number;
  verbose: boolean;
  now: () => number;
}

function httpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function readTarget(value: string): URL {
  const url = httpUrl(value);
  if (!url || url.username || url.password || url.search || url.hash)
    throw new ConfigError(`--target must be an http(s) URL such as ${DEFAULT_TARGET}, not "${value.slice(0, 200)}"`);
  return url;
}

function readCredentials(env: Record<string, string | undefined>, accessToken: string | undefined): Credentials {
  const value = (name: string) => env[name]?.trim() || undefined;
  const clientId = value('CM_CLIENT_ID');
  const clientSecret = value('CM_CLIENT_SECRET');
  const orgId = value('CM_ORG_ID');
  const token = accessToken?.trim() || value('CM_ACCESS_TOKEN');
  const missing = [
    clientId ? undefined : 'CM_CLIENT_ID',
    clientSecret || token ? undefined : 'CM_CLIENT_SECRET',
    orgId ? undefined : 'CM_ORG_ID',
  ].filter((name): name is string => name !== undefined);
  if (missing.length)
    throw new ConfigError(
      `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set: set ${missing.length === 1 ? 'it' : 'them'} from the OAuth Server-to-Server credential of your Adobe Developer Console project (CM_ORG_ID is the organisation ID, …@AdobeOrg)${missing.includes('CM_CLIENT_SECRET') ? ', or pass --access-token' : ''}`,
    );
  if (token) return { kind: 'access_token', clientId: clientId!, orgId: orgId!, accessToken: token };
  const imsRaw = value('CM_IMS_TOKEN_URL') ?? DEFAULT_IMS_TOKEN_URL;
  const imsTokenUrl = httpUrl(imsRaw);
  if (!imsTokenUrl)
    throw new ConfigError(`CM_IMS_TOKEN_URL must be an http(s) URL such as ${DEFAULT_IMS_TOKEN_URL}, not "${imsRaw.slice(0, 200)}"`);
  const scopesRaw = value('CM_SCOPES');
  const scopes = scopesRaw
    ? scopesRaw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : DEFAULT_SCOPES;
  if (!scopes.length)
    throw new ConfigError('CM_SCOPES lists no scope: leave it unset or copy the scopes of your credential, comma-separated');
  return { kind: 'client_credentials', clientId: clientId!, clientSecret: clientSecret!, orgId: orgId!, scopes, imsTokenUrl };
}

function readDist(value: string): string {
  const dist = resolve(value);
  if (!existsSync(join(dist, 'index.html')) || !statSync(dist).isDirectory())
    throw new ConfigError(
      `the console build was not found (no ${join(value, 'index.html')}): run npm run build first, or pass --dist <folder>`,
    );
  return dist;
}

/** The checked configuration (throws ConfigError). Nothing is contacted yet. */
export function resolveConfig(options: ProxyOptions = {}): ProxyConfig {
  const target = readTarget(options.target ?? DEFAULT_TARGET);
  const port = options.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port must be a port number (0-65535), not "${port}"`);
  const host = options.host?.trim() || DEFAULT_HOST;
  const allowedOrigins = (options.allowedOrigins ?? []).map((origin) => {
    const url = httpUrl(origin);
    if (!url || url.origin !== origin.replace(/\/$/, ''))
      throw new ConfigError(`--allow-origin must be an origin such as http://localhost:5173, not "${origin.slice(0, 200)}"`);
    return url.origin;
  });
  const credentials = readCredentials(options.env ?? process.env, options.accessToken);
  const dist = readDist(options.dist ?? DEFAULT_DIST);
  return {
    target,
    port,
    host,
    readOnly: options.readOnly ?? false,
    dist,
    credentials,
    allowedOrigins,
    timeoutMs: options.timeoutMs ?? 60_000,
    fileLinkTtlMs: options.fileLinkTtlMs ?? 6 * 3600_000,
    verbose: options.verbose ?? false,
    now: options.now ?? Date.now,
  };
}
