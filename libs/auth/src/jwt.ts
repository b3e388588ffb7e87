import { sign, verify } from 'jsonwebtoken';
import { Principal, ROLES, Role } from './principal';

export class InvalidTokenError extends Error {}

export function signToken(principal: Principal, secret: string, expiresInSeconds = 12 * 3600): string {
  return sign({ role: principal.role, region: principal.region }, secret, {
    algorithm: 'HS256',
    subject: principal.sub,
    expiresIn: expiresInSeconds,
  });
}

export function verifyToken(token: string, secret: string): Principal {
  let claims: Record<string, unknown>;
  try {
    claims = verify(token, secret, { algorithms: ['HS256'] }) as Record<string, unknown>;
  } catch (error) {
    throw new InvalidTokenError((error as Error).message);
  }
  const { sub, role, region } = claims;
  if (typeof sub !== 'string' || !sub) throw new InvalidTokenError('token has no sub');
  if (typeof role !== 'string' || !ROLES.includes(role as Role)) throw new InvalidTokenError('token has no valid role');
  if (typeof region !== 'string' || !/^\d{6}$/.test(region)) throw new InvalidTokenError('token has no valid region');
  return { sub, role: role as Role, region };
}
