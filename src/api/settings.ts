/**
 * Where the console finds the Cloud Manager API and which credentials it sends.
 * Non-secret choices live in localStorage; the access token lives in sessionStorage only.
 */

export type ApiTarget = 'embedded' | 'standalone' | 'custom';

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
};

function storage(kind: 'local' | 'session'): Storage | undefined {
  try {
    return kind === 'local' ? globalThis.localStorage : globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * Settings from storage, else the build's VITE_CM_API_URL, else the defaults. The access token is
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
  const fromEnv = import.meta.env?.VITE_CM_API_URL as string | undefined;
  if (fromEnv && !stored.target) {
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

/** The base URL requests are resolved against. */
export function apiBaseUrl(settings: ApiSettings): string {
  if (settings.target === 'standalone') return settings.standaloneUrl || DEFAULT_STANDALONE_URL;
  if (settings.target === 'custom' && settings.customUrl) return settings.customUrl;
  return globalThis.location?.origin ?? 'http://localhost';
}
