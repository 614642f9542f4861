/**
 * Test-only: the page as the local proxy serves it, with its marker (proxy/static-files.ts
 * `PROXY_MARKER`), and without it again.
 */

/** Puts the proxy's marker into the page: the console then counts as served by `npm run proxy`. */
export function markAsServedByProxy(content = '/_proxy/info'): void {
  const meta = document.createElement('meta');
  meta.name = 'cm-console-proxy';
  meta.content = content;
  document.head.prepend(meta);
}

/** Takes the marker out again (after each test that put it in). */
export function removeProxyMarker(): void {
  document.querySelectorAll('meta[name="cm-console-proxy"]').forEach((meta) => meta.remove());
}
