/**
 * Webhooks (simulation controls): register one (`POST {"url", "secret"}`: the URL must answer a
 * challenge first), list them (never a secret), remove one, read one's delivery log. Only the
 * standalone server delivers: the embedded simulator answers 501.
 */
import { HttpError } from '../problem';
import { json, noContent } from '../responses';
import type { RouteContext } from '../router';
import type { WebhookControls } from '../webhooks';

function service(ctx: RouteContext<never, string>): WebhookControls {
  if (!ctx.webhooks)
    throw new HttpError(
      501,
      'Webhooks need the standalone server',
      'The embedded simulator keeps the journal (GET /_sim/events) but delivers no webhooks: run npm run api and register the webhook there.',
    );
  return ctx.webhooks;
}

const MAX_URL = 2000;
const MAX_SECRET = 512;

/** A `POST /_sim/webhooks` body: `{"url": "http(s)://…", "secret": "…"}`. */
export function parseRegistration(body: unknown): { url: string; secret: string } {
  const expected = 'Expected {"url": "http(s)://…", "secret": "…"}.';
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'Invalid webhook', expected);
  const unknown = Object.keys(body).filter((key) => key !== 'url' && key !== 'secret');
  if (unknown.length) throw new HttpError(400, 'Invalid webhook', `Unknown field ${JSON.stringify(unknown[0].slice(0, 40))}. ${expected}`);
  const { url, secret } = body as Record<string, unknown>;
  if (typeof url !== 'string' || typeof secret !== 'string') throw new HttpError(400, 'Invalid webhook', expected);
  const problem = webhookUrlProblem(url);
  if (problem) throw new HttpError(400, 'Invalid webhook URL', problem);
  if (secret.length < 1 || secret.length > MAX_SECRET || /\p{Cc}/u.test(secret))
    throw new HttpError(400, 'Invalid webhook', `secret must be 1 to ${MAX_SECRET} characters without control characters.`);
  return { url, secret };
}

/** Why `url` cannot be a webhook (an absolute http or https URL without credentials), or undefined. */
export function webhookUrlProblem(url: string): string | undefined {
  if (url.length > MAX_URL) return `url must be at most ${MAX_URL} characters.`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url.slice(0, 100)}" is not an absolute URL.`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `url must be http or https, not ${parsed.protocol.slice(0, 20)}`;
  if (parsed.username || parsed.password) return 'url must not carry credentials.';
  if (parsed.hash) return 'url must not have a fragment.';
  return undefined;
}

/** GET: every webhook (id, url, created, state, counts). */
export function list(ctx: RouteContext): Response {
  return json({ webhooks: service(ctx).list() });
}

/** POST: 201 with the webhook once its URL answered the challenge; 400 naming why not. */
export async function register(ctx: RouteContext): Promise<Response> {
  const webhooks = service(ctx);
  const { url, secret } = parseRegistration(ctx.body);
  return json(await webhooks.register(url, secret), 201);
}

export function remove(ctx: RouteContext<never, 'webhookId'>): Response {
  if (!service(ctx).remove(ctx.params.webhookId)) throw noSuchWebhook(ctx.params.webhookId);
  return noContent();
}

/** GET: the delivery log, each attempt (event, code, attempt, status or error, time, outcome). */
export function deliveries(ctx: RouteContext<never, 'webhookId'>): Response {
  const log = service(ctx).deliveries(ctx.params.webhookId);
  if (!log) throw noSuchWebhook(ctx.params.webhookId);
  return json({ deliveries: log });
}

function noSuchWebhook(id: string): HttpError {
  return new HttpError(404, 'Webhook not found', `No webhook ${id.slice(0, 40)}; GET /_sim/webhooks lists them.`);
}
