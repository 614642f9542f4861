/**
 * Stands in for `tough-cookie` in the browser build (vite.config.ts aliases it here; Node, the
 * tests and the standalone server keep the real one). msw keeps a cookie jar for cookies that
 * mocked responses set; the simulator sets none, so its jar stays empty, and the real package with
 * its public-suffix list (tldts) was a quarter of the embedded simulator's start-up code (issue #17).
 * Only what msw's cookie store (msw/lib/core/utils/cookieStore) calls is here.
 */
export class MemoryCookieStore {
  idx: Record<string, unknown> = {};
}

export class CookieJar {
  constructor(readonly store?: MemoryCookieStore) {}
  getCookiesSync(): never[] {
    return [];
  }
  async setCookie(): Promise<void> {}
}

export const Cookie = {
  fromJSON: (): null => null,
};
