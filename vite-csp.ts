/**
 * Content-Security-Policy for the production build (issue #6).
 *
 * - `vite build`: a `<meta http-equiv="Content-Security-Policy">` goes into the built index.html
 *   (every static host then enforces it). Not in `vite dev`: React refresh needs inline scripts.
 * - `vite preview`: the same policy as a response header, plus `frame-ancestors 'none'`, which
 *   only a header can carry.
 *
 * Scripts come from 'self' only (no inline, no eval). Styles allow 'unsafe-inline' because
 * React Spectrum sets style attributes. `connect-src` allows any http(s) origin on purpose: the
 * API server is chosen at run time in Settings (the standalone simulator on
 * http://localhost:8787, https://cloudmanager.adobe.io, any custom URL), and a log download
 * follows a redirect to wherever the API stores the file; a list fixed at build time (from
 * VITE_CM_API_URL) would break both. Connections still need the API server's CORS consent.
 */
import type { Connect, Plugin } from 'vite';

/** The directives shared by the meta tag and the header. */
export const cspDirectives: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'worker-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'connect-src': "'self' http: https:",
  'img-src': "'self' data:",
  'font-src': "'self' data:",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

/** Directives a `<meta>` policy cannot carry (browsers ignore them there). */
const headerOnlyDirectives: Record<string, string> = {
  'frame-ancestors': "'none'",
};

function serialize(directives: Record<string, string>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** The policy written into the built index.html. */
export const metaPolicy = serialize(cspDirectives);
/** The policy `vite preview` sends as a header. */
export const headerPolicy = serialize({ ...cspDirectives, ...headerOnlyDirectives });

export function contentSecurityPolicy(): Plugin {
  const setHeader: Connect.NextHandleFunction = (_request, response, next) => {
    response.setHeader('Content-Security-Policy', headerPolicy);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    next();
  };
  return {
    name: 'cm-content-security-policy',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        // Only the build: the dev server (context.server set) injects inline React refresh scripts.
        if (context.server) return html;
        if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html)) {
          throw new Error('index.html has an inline <script>: the Content-Security-Policy forbids it; move it to a file.');
        }
        return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaPolicy }, injectTo: 'head-prepend' }];
      },
    },
    configurePreviewServer(server) {
      server.middlewares.use(setHeader);
    },
  };
}
