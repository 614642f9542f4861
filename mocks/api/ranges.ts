/**
 * Serving files that clients tail (step logs, environment logs) and download: the whole file, or
 * `Range: bytes=<first>-[<last>]` (206 with `content-range`; 416 when nothing is at or past
 * `<first>`: "nothing new" to a client that tails). Every answer carries its `content-length`, HEAD
 * included (a tailing client reads the length it starts from with HEAD).
 */
import { problem } from './problem';

/** A file's bytes, possibly kept in pieces. */
export interface Bytes {
  readonly length: number;
  /** The bytes in [start, end). */
  slice(start: number, end: number): Uint8Array<ArrayBuffer>;
}

export function bytesOf(array: Uint8Array<ArrayBuffer>): Bytes {
  return { length: array.length, slice: (start, end) => array.subarray(start, end) };
}

/** 416 as problem+json, with the file's current length in Content-Range (the tail's "nothing new"). */
function notSatisfiable(length: number, detail: string): Response {
  const response = problem(416, 'Range not satisfiable', detail);
  response.headers.set('content-range', `bytes */${length}`);
  response.headers.set('accept-ranges', 'bytes');
  response.headers.set('cache-control', 'no-store');
  return response;
}

/** Serves `bytes` as `contentType`, honouring `Range: bytes=a-b` / `bytes=a-` (206, or 416 when nothing is past the end). */
export function serveBytes(bytes: Bytes, request: Request, contentType: string, extraHeaders: Record<string, string> = {}): Response {
  const headers: Record<string, string> = {
    'content-type': contentType,
    'accept-ranges': 'bytes',
    'cache-control': 'no-store',
    ...extraHeaders,
  };
  const head = request.method === 'HEAD';
  const range = request.headers.get('range');
  if (!range) {
    return new Response(head ? null : bytes.slice(0, bytes.length), {
      status: 200,
      headers: { ...headers, 'content-length': String(bytes.length) },
    });
  }
  const match = /^bytes=(\d+)-(\d*)$/.exec(range.trim());
  if (!match)
    return notSatisfiable(bytes.length, `Only "bytes=<first>-" and "bytes=<first>-<last>" ranges are served, not "${range.slice(0, 40)}".`);
  const start = Number(match[1]);
  const end = match[2] === '' ? bytes.length - 1 : Math.min(Number(match[2]), bytes.length - 1);
  if (start >= bytes.length || end < start)
    return notSatisfiable(bytes.length, `The file has ${bytes.length} bytes; nothing is in ${range.slice(0, 40)} yet.`);
  return new Response(head ? null : bytes.slice(start, end + 1), {
    status: 206,
    headers: { ...headers, 'content-range': `bytes ${start}-${end}/${bytes.length}`, 'content-length': String(end + 1 - start) },
  });
}
