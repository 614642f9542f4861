/**
 * Where the console finds the Cloud Manager API and which credentials it sends.
 * Non-secret choices live in localStorage; the access token lives in sessionStorage only.
 * Served by the local proxy (`npm run proxy`), the page carries the proxy's marker and the console
 * talks to Cloud Manager through it, unless the user chose another API on this origin.
 */

/**
 * `proxy`: Cloud Manager through the local proxy that served this page (its own origin); the
 * browser sends no credentials, the proxy adds them.
 */
export type ApiTarget = 'embedded' | 'standalone' | 'custom' | 'proxy';

export interface ApiSettings {
  target: ApiTarget;
  /** Base URL of the standalone simulator server. */
  standaloneUrl: string;
  /** Base URL of any other server that speaks the Cloud Manager API. */
  customUrl: string;
  apiKey: string;
  imsOrgId: string;
  /** Bearer token (kept in sessionStorage, never in a URL). */
  accessToken: string;
  /**
   * The simulator's user the console acts as (`x-sim-user`, sent to the embedded and standalone
   * simulators only); empty: the simulator's default user.
   */
  simUser: string;
}

export const DEFAULT_STANDALONE_URL = 'http://localhost:8787';

const SETTINGS_KEY = 'cm-console.api-settings';
const TOKEN_KEY = 'cm-console.access-token';

export const defaultSettings: ApiSettings = {
  target: 'embedded',
  standaloneUrl: DEFAULT_STANDALONE_URL,
  customUrl: '',
  apiKey: 'cm-console',
  imsOrgId: 'SIMULATED0000000000000000@AdobeOrg',
  accessToken: '',
  simUser: '',
};

/** The marker the proxy puts into the index.html it serves (proxy/static-files.ts `PROXY_MARKER`). */
const PROXY_MARKER_SELECTOR = 'meta[name="cm-console-proxy"]';
const PROXY_INFO_PATH = '/_proxy/info';

/**
 * Where the proxy that served this page tells its connection (the marker's content, a path on this
 * origin), or undefined when the page was not served by the proxy. Read synchronously from the
 * page, so the console decides before it starts whether to start its embedded simulator.
 */
export function proxyInfoPath(): string | undefined {
  const content = globalThis.document?.querySelector(PROXY_MARKER_SELECTOR)?.getAttribute('content');
  if (content === null || content === undefined) return undefined;
  return content.startsWith('/') && !content.startsWith('//') ? content : PROXY_INFO_PATH;
}

/** The page was served by the local proxy (`npm run proxy`): the `proxy` target is available. */
export function servedByProxy(): boolean {
  return proxyInfoPath() !== undefined;
}

function storage(kind: 'local' | 'session'): Storage | undefined {
  try {
    return kind === 'local' ? globalThis.localStorage : globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * Settings from storage, else the local proxy when it served the page, else the build's
 * VITE_CM_API_URL, else the defaults: a target saved on this origin (an explicit choice in
 * Settings) always wins, except `proxy` on a page the proxy did not serve. The access token is
 * read from sessionStorage only (never from localStorage or a URL).
 */
export function loadSettings(): ApiSettings {
  let stored: Partial<ApiSettings>;
  try {
    stored = JSON.parse(storage('local')?.getItem(SETTINGS_KEY) ?? '{}') as Partial<ApiSettings>;
  } catch {
    stored = {};
  }
  const settings: ApiSettings = {
    ...defaultSettings,
    ...stored,
    accessToken: storage('session')?.getItem(TOKEN_KEY) ?? '',
  };
  const chosen = stored.target === 'proxy' && !servedByProxy() ? undefined : stored.target;
  if (!chosen) settings.target = defaultSettings.target;
  if (!chosen && servedByProxy()) return { ...settings, target: 'proxy' };
  const fromEnv = import.meta.env?.VITE_CM_API_URL as string | undefined;
  if (fromEnv && !chosen) {
    return { ...settings, target: 'custom', customUrl: fromEnv };
  }
  return settings;
}

export function saveSettings(settings: ApiSettings): void {
  const { accessToken, ...rest } = settings;
  storage('local')?.setItem(SETTINGS_KEY, JSON.stringify(rest));
  if (accessToken) storage('session')?.setItem(TOKEN_KEY, accessToken);
  else storage('session')?.removeItem(TOKEN_KEY);
}

/** Whether the API is a simulator (embedded or standalone): `x-sim-user` and the `/_sim` controls apply. */
export function targetsSimulator(settings: ApiSettings): boolean {
  return settings.target === 'embedded' || settings.target === 'standalone';
}

/** The base URL requests are resolved against (the page's own origin for the embedded simulator and the proxy). */
export function apiBaseUrl(settings: ApiSettings): string {
  if (settings.target === 'standalone') return settings.standaloneUrl || DEFAULT_STANDALONE_URL;
  if (settings.target === 'custom' && settings.customUrl) return settings.customUrl;
  return globalThis.location?.origin ?? 'http://localhost';
}
