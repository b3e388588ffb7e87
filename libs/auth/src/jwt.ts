import { sign, verify } from 'jsonwebtoken';
import { createSecretKey, KeyObject } from 'node:crypto';
import { Principal, ROLES, Role } from './principal';

export class InvalidTokenError extends Error {}

export function signToken(principal: Principal, secret: string, expiresInSeconds = 12 * 3600): string {
  return sign({ role: principal.role, region: principal.region }, secret, {
    algorithm: 'HS256',
    subject: principal.sub,
    expiresIn: expiresInSeconds,
  });
}

/**
 * Given a string, jsonwebtoken first tries it as a public key (a thrown and caught error on every
 * request, about 1 ms of CPU); a secret KeyObject, made once per secret, skips that.
 */
const secretKeys = new Map<string, KeyObject>();
function secretKey(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (!key) secretKeys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

export function verifyToken(token: string, secret: string): Principal {
  let claims: Record<string, unknown>;
  try {
    claims = verify(token, secretKey(secret), { algorithms: ['HS256'] }) as Record<string, unknown>;
  } catch (error) {
    throw new InvalidTokenError((error as Error).message);
  }
  const { sub, role, region } = claims;
  if (typeof sub !== 'string' || !sub) throw new InvalidTokenError('token has no sub');
  if (typeof role !== 'string' || !ROLES.includes(role as Role)) throw new InvalidTokenError('token has no valid role');
  if (typeof region !== 'string' || !/^\d{6}$/.test(region)) throw new InvalidTokenError('token has no valid region');
  return { sub, role: role as Role, region };
}
