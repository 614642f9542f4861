/** Successful answers: JSON, and the JSON text of representations that are reused as they are. */

const JSON_HEADERS = { 'content-type': 'application/json' };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** JSON text per representation object (hal.ts hands out the same object for an ended execution). */
const serializedCache = new WeakMap<object, string>();

/** `json(representation)`, serializing each representation object only once. */
export function jsonOnce(representation: object): Response {
  let text = serializedCache.get(representation);
  if (text === undefined) {
    text = JSON.stringify(representation);
    serializedCache.set(representation, text);
  }
  return new Response(text, { status: 200, headers: JSON_HEADERS });
}

/** A download the API's way (logs, environment logs): `{redirect}` JSON when the client accepts JSON, otherwise 307 to it. */
export function redirectTo(request: Request, target: string): Response {
  if ((request.headers.get('accept') ?? '').includes('application/json')) return json({ redirect: target });
  return new Response(null, { status: 307, headers: { location: target } });
}

/** 202 with no body: a decision on a step was taken. */
export function accepted(): Response {
  return new Response(null, { status: 202 });
}

/** 204: done, nothing to say (a deleted pipeline, changed variables, an emptied cache). */
export function noContent(): Response {
  return new Response(null, { status: 204 });
}
