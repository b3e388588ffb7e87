import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER, DEFAULT_JWT_MAX_LIFETIME_SECONDS, type JwtSettings } from '@laowu/platform';
import { decode, sign, verify } from 'jsonwebtoken';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { type Principal, ROLES, type Role } from './principal';

export class InvalidTokenError extends Error {}

export interface SignTokenOptions {
  /** Lifetime in seconds (12 h by default, the verifier's default cap). */
  ttlSeconds?: number;
  issuer?: string;
  audience?: string;
  /** HS256 with a secret (development), RS256 with a private key. */
  algorithm?: 'HS256' | 'RS256';
  keyId?: string;
}

/**
 * Signs a token the apps accept with their default settings. The third argument may still be
 * a lifetime in seconds, as before issuer and audience existed.
 */
export function signToken(principal: Principal, key: string | KeyObject, options: number | SignTokenOptions = {}): string {
  const o = typeof options === 'number' ? { ttlSeconds: options } : options;
  return sign({ role: principal.role, region: principal.region }, key, {
    algorithm: o.algorithm ?? 'HS256',
    subject: principal.sub,
    expiresIn: o.ttlSeconds ?? DEFAULT_JWT_MAX_LIFETIME_SECONDS,
    issuer: o.issuer ?? DEFAULT_JWT_ISSUER,
    audience: o.audience ?? DEFAULT_JWT_AUDIENCE,
    ...(o.keyId ? { keyid: o.keyId } : {}),
  });
}

/**
 * Verifies bearer tokens with one pinned algorithm: HS256 with a secret, or RS256 with public
 * keys (a JWKS `kid` picks one). The token's own `alg` never chooses the key type, so `none` and
 * an HS256 token "signed" with the RSA public key are refused. Requires `exp`, `iss`, `aud` and a
 * lifetime within the cap.
 */
export class TokenVerifier {
  /**
   * Given a string, jsonwebtoken first tries it as a public key (a thrown and caught error on
   * every request, about 1 ms of CPU); a secret KeyObject, made once, skips that.
   */
  private readonly secret?: KeyObject;

  constructor(private readonly settings: JwtSettings) {
    if (settings.keys.algorithm === 'HS256') this.secret = createSecretKey(Buffer.from(settings.keys.secret, 'utf8'));
  }

  verify(token: string): Principal {
    const claims = this.verifiedClaims(token);
    this.checkLifetime(claims);
    return principalOf(claims);
  }

  private verifiedClaims(token: string): Record<string, unknown> {
    const algorithm = this.settings.keys.algorithm;
    const key = this.keyFor(token);
    try {
      return verify(token, key, {
        algorithms: [algorithm],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        clockTolerance: this.settings.clockToleranceSeconds,
      }) as Record<string, unknown>;
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
  }

  private keyFor(token: string): KeyObject {
    if (this.secret) return this.secret;
    const keys = this.settings.keys.algorithm === 'RS256' ? this.settings.keys.publicKeys : [];
    const header = decode(token, { complete: true })?.header;
    if (!header) throw new InvalidTokenError('jwt malformed');
    // A PEM file holds one key without a kid: it is the key, whatever the token names.
    if (keys.length === 1 && keys[0].kid === undefined) return keys[0].key;
    if (header.kid === undefined) {
      if (keys.length === 1) return keys[0].key;
      throw new InvalidTokenError('token has no kid');
    }
    const found = keys.find((k) => k.kid === header.kid);
    if (!found) throw new InvalidTokenError('token kid is not a known key');
    return found.key;
  }

  private checkLifetime(claims: Record<string, unknown>): void {
    const { exp, iat } = claims;
    if (typeof exp !== 'number') throw new InvalidTokenError('token has no exp');
    const now = Math.floor(Date.now() / 1000);
    const { maxLifetimeSeconds, clockToleranceSeconds } = this.settings;
    if (iat !== undefined) {
      if (typeof iat !== 'number') throw new InvalidTokenError('token iat is not a number');
      if (iat > now + clockToleranceSeconds) throw new InvalidTokenError('token iat is in the future');
    }
    const lifetime = exp - (typeof iat === 'number' ? iat : now);
    if (lifetime > maxLifetimeSeconds) throw new InvalidTokenError(`token lifetime ${lifetime}s exceeds the ${maxLifetimeSeconds}s cap`);
  }
}

function principalOf(claims: Record<string, unknown>): Principal {
  const { sub, role, region } = claims;
  if (typeof sub !== 'string' || !sub) throw new InvalidTokenError('token has no sub');
  if (typeof role !== 'string' || !ROLES.includes(role as Role)) throw new InvalidTokenError('token has no valid role');
  if (typeof region !== 'string' || !/^\d{6}$/.test(region)) throw new InvalidTokenError('token has no valid region');
  return { sub, role: role as Role, region };
}
