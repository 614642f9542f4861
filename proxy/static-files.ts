/**
 * The console's production build, served from its folder: files with their content types, and
 * index.html for any other path (the console's routes live in the browser). The Content-Security-
 * Policy the build wrote into index.html stays in the page and is also sent as a header, with
 * `frame-ancestors 'none'`, which only a header can carry. index.html gets one more tag, the
 * proxy's marker (`PROXY_MARKER`), which the console reads before it decides whether to start its
 * embedded simulator: served by the proxy, it talks to Cloud Manager through it instead.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { BASE_HEADERS, PROBLEM, ProblemError, problem } from './problem';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/**
 * The tag the console looks for (`src/api/settings.ts`): a plain meta tag, no inline script, so the
 * build's policy needs no change. Its content is where the console reads the connection
 * (`GET /_proxy/info`).
 */
export const PROXY_MARKER = '<meta name="cm-console-proxy" content="/_proxy/info">';

/** index.html with the proxy's marker as the first tag of its head (or first of all, without a head). */
export function withProxyMarker(html: string): string {
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) return PROXY_MARKER + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + PROXY_MARKER + html.slice(at);
}

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The policy of `<meta http-equiv="Content-Security-Policy" content="...">` in `html`, if any. */
export function metaPolicy(html: string): string | undefined {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']?content-security-policy["']?/i.test(tag)) continue;
    const content = /content\s*=\s*"([^"]*)"|content\s*=\s*'([^']*)'/i.exec(tag);
    const policy = content?.[1] ?? content?.[2];
    if (policy)
      return policy
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')
        .trim();
  }
  return undefined;
}

/** The file under `root` for a URL path, or undefined when the path leaves the folder or is malformed. */
export function fileFor(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = join(root, normalize(`/${decoded}`));
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : undefined;
}

export function createStaticFiles(root: string) {
  async function sendIndex(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const page = (await readFile(join(root, 'index.html'))).toString('utf8');
    const policy = metaPolicy(page);
    const html = Buffer.from(withProxyMarker(page));
    res.writeHead(200, {
      ...BASE_HEADERS,
      'content-type': CONTENT_TYPES['.html'],
      'content-length': String(html.length),
      'cache-control': 'no-cache',
      'content-security-policy': policy ? `${policy}; frame-ancestors 'none'` : "frame-ancestors 'none'",
    });
    res.end(req.method === 'HEAD' ? undefined : html);
  }

  return async function serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new ProblemError(
        problem(PROBLEM.methodNotAllowed, 405, 'Method not allowed', `${req.method} is not allowed on the console's files.`),
        {
          allow: 'GET, HEAD',
        },
      );
    const file = fileFor(root, pathname);
    if (!file) throw new ProblemError(problem(PROBLEM.notFound, 404, 'Not found', 'No such file.'));
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) {
      if (file === join(root, 'index.html')) return sendIndex(req, res);
      res.writeHead(200, {
        ...BASE_HEADERS,
        'content-type': contentType(file),
        'content-length': String(info.size),
        // Vite puts a content hash in every name under assets/.
        'cache-control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      if (req.method === 'HEAD') return void res.end();
      await new Promise<void>((resolve) => {
        const stream = createReadStream(file);
        stream.once('error', () => {
          res.destroy();
          resolve();
        });
        stream.once('end', resolve);
        stream.pipe(res);
      });
      return;
    }
    // A missing file (a name with an extension) is a 404; any other path is one of the console's routes.
    const last = pathname.slice(pathname.lastIndexOf('/') + 1);
    if (last.includes('.'))
      throw new ProblemError(problem(PROBLEM.notFound, 404, 'Not found', `The console has no file ${pathname.slice(0, 200)}.`));
    return sendIndex(req, res);
  };
}
