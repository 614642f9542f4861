import type { HalLink } from './types';
import { apiBaseUrl, loadSettings, targetsSimulator, type ApiSettings } from './settings';

/** What went wrong talking to the API, in words a user can act on. */
export class ApiError extends Error {
  constructor(
    /** HTTP status, or 0 when the request never got an answer. */
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly kind: 'network' | 'http' | 'parse' | 'link',
    readonly errors: string[] = [],
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }

  /** The gateway refused the request's credentials (401/403): the fix is in Settings. */
  get isAuth(): boolean {
    return this.kind === 'http' && (this.status === 401 || this.status === 403) && !this.isPermission;
  }

  /**
   * 403 naming the permission the signed-in user lacks (the simulator's problem+json, `errors: [key]`):
   * the credentials are fine, another user (role) may do it.
   */
  get isPermission(): boolean {
    return this.kind === 'http' && this.status === 403 && this.errors.length > 0;
  }

  /** 409 on a decision: the step was already decided (in another session, or by a timeout). */
  get isAlreadyDecided(): boolean {
    return this.kind === 'http' && this.status === 409;
  }
}

export const CHECK_SETTINGS = 'Check the API key, organisation and access token in Settings.';
/** The same advice through the local proxy: the credentials are the proxy's, not the console's. */
export const CHECK_PROXY_CREDENTIALS =
  "The local proxy's credentials were refused: check CM_CLIENT_ID and CM_ORG_ID, and the product profile of the Developer Console project.";

let current: ApiSettings = loadSettings();

export function currentSettings(): ApiSettings {
  return current;
}

export function useSettingsForRequests(settings: ApiSettings): void {
  current = settings;
}

/** Resolves an href from a `_links` entry (a path or an absolute URL) against the API base URL. */
export function resolveHref(href: string): string {
  return new URL(href, apiBaseUrl(current)).toString();
}

/** The one URL the console knows by heart: the program list under the configured base URL. */
export function entryPointHref(): string {
  return new URL('api/programs', `${apiBaseUrl(current).replace(/\/?$/, '/')}`).toString();
}

/** The gateway headers from Settings; none through the local proxy, which adds its own. */
function headers(extra?: Record<string, string>): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json', ...extra };
  if (current.target === 'proxy') return h;
  if (current.apiKey) h['x-api-key'] = current.apiKey;
  if (current.imsOrgId) h['x-gw-ims-org-id'] = current.imsOrgId;
  if (current.accessToken) h.authorization = `Bearer ${current.accessToken}`;
  // The signed-in user (simulator only: a real Cloud Manager knows its user from the token).
  if (current.simUser && targetsSimulator(current)) h['x-sim-user'] = current.simUser;
  return h;
}

/** Words for a status whose body says nothing useful (an HTML error page, an empty body). */
function defaultDetail(status: number): string {
  if (status === 404) return 'It does not exist (any more).';
  if (status === 503) return 'Cloud Manager is unavailable or under maintenance. The console keeps trying.';
  if (status >= 500) return 'The API had an internal error. Try again.';
  return '';
}

async function errorFrom(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let title = `${response.status} ${response.statusText || 'Error'}`.trim();
  let detail = '';
  let errors: string[] = [];
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    if (typeof body.title === 'string') title = body.title;
    if (typeof body.detail === 'string') detail = body.detail;
    if (typeof body.message === 'string') detail = body.message; // gateway errors: {error_code, message}
    if (Array.isArray(body.errors)) errors = body.errors.map(String);
  } catch {
    // not JSON: plain text is worth showing (as text), an HTML error page is not
    if (!/^\s*</.test(text)) detail = text.slice(0, 200).trim();
  }
  const permissionRefused = response.status === 403 && errors.length > 0 && detail !== '';
  if ((response.status === 401 || response.status === 403) && !permissionRefused) {
    if (!title || /^\d/.test(title)) title = response.status === 401 ? 'Not signed in' : 'Access denied';
    const advice = current.target === 'proxy' ? CHECK_PROXY_CREDENTIALS : CHECK_SETTINGS;
    detail = detail ? `${detail.replace(/\.?$/, '.')} ${advice}` : advice;
  }
  if (!detail) detail = defaultDetail(response.status);
  return new ApiError(response.status, title, detail, 'http', errors);
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (cause) {
    throw new ApiError(
      0,
      'Cannot reach the API',
      `${cause instanceof Error ? cause.message : String(cause)}. Check your connection and the API in Settings.`,
      'network',
    );
  }
}

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Extra headers (e.g. `range`). */
  headers?: Record<string, string>;
  /**
   * Send no credentials and no default headers: for redirect targets (storage, possibly on
   * another host).
   */
  anonymous?: boolean;
}

/**
 * The console's one fetch wrapper: resolves `href` against the API base URL, sends the gateway
 * headers from Settings (unless `anonymous`) and a JSON body, and turns a failed request or a
 * non-2xx answer into an `ApiError` in words a user can act on. Returns the successful response.
 */
export async function request(href: string, options: RequestOptions = {}): Promise<Response> {
  const { method = 'GET', body, signal, anonymous = false } = options;
  const extra = { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers };
  const response = await send(resolveHref(href), {
    method,
    signal,
    headers: anonymous ? extra : headers(extra),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await errorFrom(response);
  return response;
}

/** The JSON body of a response; an `ApiError` (kind `parse`) when it is not JSON. */
export async function readJson<T>(response: Response): Promise<T> {
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, 'Unreadable answer from the API', 'The response was not valid JSON.', 'parse');
  }
}

/** GET a HAL resource at an href taken from a link. */
export async function getJson<T>(href: string, signal?: AbortSignal): Promise<T> {
  return readJson<T>(await request(href, { signal }));
}

/**
 * GET text (a log file) at a redirect target, optionally from a byte offset. Returns null when
 * nothing new exists (416). The target is storage, possibly on another host: no credentials are sent.
 */
export async function getText(href: string, fromByte = 0, signal?: AbortSignal): Promise<{ text: string; status: number } | null> {
  try {
    const response = await request(href, { signal, anonymous: true, headers: fromByte > 0 ? { range: `bytes=${fromByte}-` } : {} });
    return { text: await response.text(), status: response.status };
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'http' && error.status === 416) return null;
    throw error;
  }
}

/**
 * Send an action to a link: PUT (start, advance, cancel, re-execute), POST (add a pipeline), PATCH
 * (edit a pipeline, its variables) or DELETE (a pipeline, its build cache). Returns the JSON body
 * when there is one (none for a 204).
 */
export async function sendToLink<T = unknown>(
  link: HalLink | undefined,
  method: Exclude<HttpMethod, 'GET'>,
  body?: unknown,
): Promise<T | undefined> {
  if (!link)
    throw new ApiError(0, 'Action not available', 'The API no longer offers this action. Refresh to see the current state.', 'link');
  const response = await request(link.href, { method, body });
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** PUT to a link (start, advance, cancel, re-execute). Returns the JSON body when there is one. */
export function putLink<T = unknown>(link: HalLink | undefined, body?: unknown): Promise<T | undefined> {
  return sendToLink<T>(link, 'PUT', body);
}
