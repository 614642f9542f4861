/**
 * The registration handshake of Adobe I/O Events: `GET <url>?challenge=<random>`, and the answer's
 * body must carry the value, plain or as `{"challenge": "<value>"}`. Anything else refuses the
 * registration, with the reason.
 */
import { randomBytes } from 'node:crypto';

export const CHALLENGE_TIMEOUT_MS = 10_000;

/** Why `url` did not pass the challenge (unreachable, its status, a wrong value), or undefined when it did. */
export async function challengeProblem(url: string, timeoutMs = CHALLENGE_TIMEOUT_MS): Promise<string | undefined> {
  const challenge = randomBytes(16).toString('hex');
  const target = new URL(url);
  target.searchParams.set('challenge', challenge);
  let response: Response;
  try {
    response = await fetch(target, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return `${url} is unreachable: ${reason(error, timeoutMs)}.`;
  }
  const text = await response.text().catch(() => '');
  if (response.status < 200 || response.status > 299) return `${url} answered the challenge with HTTP ${response.status}, not 2xx.`;
  if (carries(text, challenge)) return undefined;
  return `${url} answered the challenge without its value: the body must be the value itself or {"challenge": "<value>"}, not ${JSON.stringify(text.slice(0, 80))}.`;
}

function carries(body: string, challenge: string): boolean {
  if (body.trim() === challenge) return true;
  try {
    const parsed = JSON.parse(body) as unknown;
    return parsed === challenge || (!!parsed && typeof parsed === 'object' && (parsed as { challenge?: unknown }).challenge === challenge);
  } catch {
    return false;
  }
}

/** A failed request's reason in a few words: a timeout, or the network error's code and message. */
export function reason(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = e?.cause;
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
  return e?.message ?? String(error);
}
