/** Adobe I/O Events' signature of a delivery: base64 of the HMAC-SHA256 of the raw body, keyed with the webhook's secret. */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signBody(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

/** Whether `signature` (the `x-adobe-signature` header) signs `body` with `secret`. */
export function verifySignature(body: string, secret: string, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
