import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Two signatures on every delivery, each made with every valid secret of the station (during a
 * rotation: the new one and the previous one):
 *
 * - Standard Webhooks (https://www.standardwebhooks.com/): `webhook-id` (the delivery id, the same
 *   on every retry), `webhook-timestamp` (unix seconds of this attempt) and
 *   `webhook-signature: v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<raw body>")>`, one entry per
 *   secret, space-separated. The key of a `whsec_<base64>` secret is the decoded bytes (the spec's
 *   serialisation); the key of any other secret is its UTF-8 bytes.
 * - Deprecated, kept for one version: `X-Laowu-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
 *   "<t>.<raw body>")>[,v1=…]`, keyed with the secret's UTF-8 bytes as given.
 *
 * Receivers verify over the raw bytes, before parsing JSON, and refuse stale timestamps.
 */
export const SIGNATURE_HEADER = 'X-Laowu-Signature';
export const DELIVERY_HEADER = 'X-Laowu-Delivery';
export const STANDARD_ID_HEADER = 'webhook-id';
export const STANDARD_TIMESTAMP_HEADER = 'webhook-timestamp';
export const STANDARD_SIGNATURE_HEADER = 'webhook-signature';

const WHSEC = 'whsec_';
/** The spec's bounds for a symmetric signing secret. */
export const STANDARD_SECRET_BYTES = { min: 24, max: 64 } as const;

/** A new secret in the spec's serialisation: `whsec_` + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return WHSEC + randomBytes(32).toString('base64');
}

/** Why a `whsec_` secret is not in the spec's serialisation, or undefined (also for a plain secret). */
export function whsecProblem(secret: string): string | undefined {
  if (!secret.startsWith(WHSEC)) return undefined;
  const encoded = secret.slice(WHSEC.length);
  const key = Buffer.from(encoded, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) {
    return 'after whsec_ must come base64';
  }
  if (key.length < STANDARD_SECRET_BYTES.min || key.length > STANDARD_SECRET_BYTES.max) {
    return `after whsec_ must come ${STANDARD_SECRET_BYTES.min} to ${STANDARD_SECRET_BYTES.max} bytes`;
  }
  return undefined;
}

/** The HMAC key of a secret for the Standard Webhooks signature. */
export function standardKey(secret: string): Buffer {
  return secret.startsWith(WHSEC) ? Buffer.from(secret.slice(WHSEC.length), 'base64') : Buffer.from(secret, 'utf8');
}

export function standardSignatures(secrets: readonly string[], id: string, unixSeconds: number, rawBody: string): string {
  return secrets
    .map((secret) => `v1,${createHmac('sha256', standardKey(secret)).update(`${id}.${unixSeconds}.${rawBody}`).digest('base64')}`)
    .join(' ');
}

/** The deprecated X-Laowu-Signature value. */
export function signatureHeader(secrets: string | readonly string[], rawBody: string, unixSeconds: number): string {
  const macs = (typeof secrets === 'string' ? [secrets] : secrets).map((secret) => `v1=${legacyMac(secret, rawBody, unixSeconds)}`);
  return [`t=${unixSeconds}`, ...macs].join(',');
}

/** What a receiver of X-Laowu-Signature does; exported for stations' reference and for tests. */
export function verifySignature(secret: string, rawBody: string, header: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = header.split(',').map((part) => part.split('=', 2) as [string, string?]);
  const t = Number(parts.find(([name]) => name === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(legacyMac(secret, rawBody, t), 'hex');
  return parts
    .filter(([name, value]) => name === 'v1' && value)
    .some(([, value]) => {
      const given = Buffer.from(value!, 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

function legacyMac(secret: string, rawBody: string, unixSeconds: number): string {
  return createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`).digest('hex');
}

/** Wait before retry number `attempt + 1`: base × 2^(attempt − 1). */
export function backoffMs(baseMs: number, attempt: number): number {
  return baseMs * 2 ** Math.min(attempt - 1, 20);
}
