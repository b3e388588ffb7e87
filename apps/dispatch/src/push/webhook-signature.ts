import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `X-Laowu-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 * The timestamp is signed with the body so a receiver can refuse replays older than a few
 * minutes; receivers verify over the raw bytes, before parsing JSON.
 */
export const SIGNATURE_HEADER = 'X-Laowu-Signature';
export const DELIVERY_HEADER = 'X-Laowu-Delivery';

export function signatureHeader(secret: string, rawBody: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** What a receiver does; exported for stations' reference and for tests. */
export function verifySignature(secret: string, rawBody: string, header: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureHeader(secret, rawBody, t).split('v1=')[1], 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Wait before retry number `attempt + 1`: base × 2^(attempt − 1). */
export function backoffMs(baseMs: number, attempt: number): number {
  return baseMs * 2 ** Math.min(attempt - 1, 20);
}
