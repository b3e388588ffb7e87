import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The public development secret; `npm run token` and the tests sign with it. Refused in production. */
export const DEV_JWT_SECRET = 'laowu-dev-secret';
export const DEFAULT_JWT_ISSUER = 'laowu';
export const DEFAULT_JWT_AUDIENCE = 'laowu-api';
export const DEFAULT_JWT_MAX_LIFETIME_SECONDS = 12 * 3600;
/** HS256 secrets shorter than this are refused outside development (RFC 7518 §3.2: key ≥ hash size). */
export const MIN_PRODUCTION_JWT_SECRET_BYTES = 32;

export interface JwtPublicKey {
  /** The JWKS `kid`; absent for a single PEM key. */
  kid?: string;
  key: KeyObject;
}

/** How tokens are verified: one algorithm per configuration, never chosen by the token. */
export type JwtKeys = { algorithm: 'HS256'; secret: string } | { algorithm: 'RS256'; publicKeys: JwtPublicKey[] };

export interface JwtSettings {
  keys: JwtKeys;
  issuer: string;
  audience: string;
  maxLifetimeSeconds: number;
  clockToleranceSeconds: number;
}

export class JwtKeyFileError extends Error {}

function rsaOnly(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'rsa') throw new JwtKeyFileError(`${what} is not an RSA key (got ${key.asymmetricKeyType ?? key.type})`);
  return key;
}

/** A PEM public key (SPKI or PKCS#1) or an X.509 certificate; a private key yields its public half. */
export function readPemPublicKey(path: string): JwtPublicKey[] {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new JwtKeyFileError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return [{ key: rsaOnly(createPublicKey(pem), path) }];
  } catch (error) {
    if (error instanceof JwtKeyFileError) throw error;
    throw new JwtKeyFileError(`${path} holds no PEM public key: ${(error as Error).message}`);
  }
}

/** The RSA signing keys of a JWKS document (`{ "keys": [...] }`); encryption keys are skipped. */
export function readJwks(path: string): JwtPublicKey[] {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new JwtKeyFileError(`cannot read ${path} as JSON: ${(error as Error).message}`);
  }
  const entries = (document as { keys?: unknown }).keys;
  if (!Array.isArray(entries)) throw new JwtKeyFileError(`${path} is not a JWKS document (no "keys" array)`);
  const keys = entries
    .filter((jwk: JsonWebKey & { use?: string; alg?: string }) => jwk.kty === 'RSA' && (jwk.use ?? 'sig') === 'sig' && (jwk.alg ?? 'RS256') === 'RS256')
    .map((jwk: JsonWebKey & { kid?: unknown }, index: number) => {
      try {
        return { kid: typeof jwk.kid === 'string' ? jwk.kid : undefined, key: createPublicKey({ key: jwk, format: 'jwk' }) };
      } catch (error) {
        throw new JwtKeyFileError(`${path}: key ${String(jwk.kid ?? index)} is not a valid RSA JWK: ${(error as Error).message}`);
      }
    });
  if (!keys.length) throw new JwtKeyFileError(`${path} has no RSA signing key (kty RSA, use sig, alg RS256)`);
  if (keys.length > 1 && keys.some((k) => !k.kid)) throw new JwtKeyFileError(`${path}: with several keys, each needs a kid`);
  return keys;
}
