import { DEV_JWT_SECRET, type JwtSettings, readJwks, readPemPublicKey } from '@laowu/platform';
import { sign } from 'jsonwebtoken';
import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidTokenError, signToken, TokenVerifier } from './jwt';

const claims = { sub: 'agency-001', role: 'agency', region: '440300' };
const principal = { sub: 'agency-001', role: 'agency' as const, region: '440300' };
const now = () => Math.floor(Date.now() / 1000);
const b64url = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function hs256Settings(overrides: Partial<JwtSettings> = {}): JwtSettings {
  return { keys: { algorithm: 'HS256', secret: DEV_JWT_SECRET }, issuer: 'laowu', audience: 'laowu-api', maxLifetimeSeconds: 12 * 3600, clockToleranceSeconds: 30, ...overrides };
}

/** A token built by hand, so the library under test never decides what it contains. */
function handMade(header: object, payload: object, signWith?: { hmacKey: string | Buffer }): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  const signature = signWith ? createHmac('sha256', signWith.hmacKey).update(input).digest('base64url') : '';
  return `${input}.${signature}`;
}

const validClaims = () => ({ ...claims, iss: 'laowu', aud: 'laowu-api', iat: now(), exp: now() + 3600 });
const refusal = (verifier: TokenVerifier, token: string) => {
  try {
    verifier.verify(token);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidTokenError);
    return (error as Error).message;
  }
  throw new Error('the token was accepted');
};

describe('TokenVerifier with HS256', () => {
  const verifier = new TokenVerifier(hs256Settings());

  it('accepts what signToken makes with the defaults (npm run token, the test helpers)', () => {
    expect(verifier.verify(signToken(principal, DEV_JWT_SECRET))).toEqual(principal);
    expect(verifier.verify(handMade({ alg: 'HS256', typ: 'JWT' }, validClaims(), { hmacKey: DEV_JWT_SECRET }))).toEqual(principal);
  });

  it('refuses a token without exp', () => {
    const { exp: _, ...noExp } = validClaims();
    expect(refusal(verifier, handMade({ alg: 'HS256', typ: 'JWT' }, noExp, { hmacKey: DEV_JWT_SECRET }))).toBe('token has no exp');
  });

  it('refuses an expired token (beyond the clock tolerance)', () => {
    const expired = { ...validClaims(), iat: now() - 7200, exp: now() - 60 };
    expect(refusal(verifier, handMade({ alg: 'HS256', typ: 'JWT' }, expired, { hmacKey: DEV_JWT_SECRET }))).toMatch(/jwt expired/);
  });

  it('refuses a lifetime over the cap, measured from iat, or from now without iat', () => {
    const capped = new TokenVerifier(hs256Settings({ maxLifetimeSeconds: 3600 }));
    const long = { ...validClaims(), iat: now(), exp: now() + 7200 };
    expect(refusal(capped, handMade({ alg: 'HS256' }, long, { hmacKey: DEV_JWT_SECRET }))).toMatch(/lifetime 7200s exceeds the 3600s cap/);
    const { iat: _, ...noIat } = { ...validClaims(), exp: now() + 7200 };
    expect(refusal(capped, handMade({ alg: 'HS256' }, noIat, { hmacKey: DEV_JWT_SECRET }))).toMatch(/exceeds the 3600s cap/);
    expect(capped.verify(handMade({ alg: 'HS256' }, { ...noIat, exp: now() + 1800 }, { hmacKey: DEV_JWT_SECRET }))).toEqual(principal);
  });

  it('refuses an iat in the future (which would stretch the lifetime past the cap)', () => {
    const future = { ...validClaims(), iat: now() + 6 * 3600, exp: now() + 12 * 3600 };
    expect(refusal(verifier, handMade({ alg: 'HS256' }, future, { hmacKey: DEV_JWT_SECRET }))).toBe('token iat is in the future');
  });

  it('refuses a wrong or missing issuer and audience', () => {
    const tokenWith = (extra: object) => handMade({ alg: 'HS256' }, { ...validClaims(), ...extra }, { hmacKey: DEV_JWT_SECRET });
    expect(refusal(verifier, tokenWith({ iss: 'someone-else' }))).toMatch(/jwt issuer invalid/);
    expect(refusal(verifier, tokenWith({ aud: 'another-api' }))).toMatch(/jwt audience invalid/);
    expect(refusal(verifier, tokenWith({ iss: undefined }))).toMatch(/jwt issuer invalid/);
    expect(refusal(verifier, tokenWith({ aud: undefined }))).toMatch(/jwt audience invalid/);
    expect(verifier.verify(tokenWith({ aud: ['another-api', 'laowu-api'] }))).toEqual(principal);
  });

  it('refuses alg none, with or without a signature', () => {
    expect(refusal(verifier, handMade({ alg: 'none', typ: 'JWT' }, validClaims()))).toMatch(/signature is required|invalid algorithm/);
    expect(refusal(verifier, handMade({ alg: 'none' }, validClaims(), { hmacKey: DEV_JWT_SECRET }))).toMatch(/invalid algorithm|invalid signature/);
  });

  it('refuses another secret and an RS256 token', () => {
    expect(refusal(verifier, handMade({ alg: 'HS256' }, validClaims(), { hmacKey: 'another-secret-of-some-length' }))).toMatch(/invalid signature/);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(refusal(verifier, sign(validClaims(), privateKey, { algorithm: 'RS256' }))).toMatch(/invalid algorithm/);
  });
});

describe('TokenVerifier with RS256', () => {
  const dir = mkdtempSync(join(tmpdir(), 'laowu-jwt-'));
  const first = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const second = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = first.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const pemFile = join(dir, 'issuer.pem');
  const jwksFile = join(dir, 'jwks.json');
  writeFileSync(pemFile, publicPem);
  const jwk = (key: KeyObject, kid: string) => ({ ...key.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' });
  writeFileSync(jwksFile, JSON.stringify({ keys: [jwk(first.publicKey, 'k1'), jwk(second.publicKey, 'k2'), { kty: 'oct', k: 'c2VjcmV0', kid: 'k3' }] }));
  const settings = (file: 'pem' | 'jwks'): JwtSettings =>
    hs256Settings({ keys: { algorithm: 'RS256', publicKeys: file === 'pem' ? readPemPublicKey(pemFile) : readJwks(jwksFile) } });
  const rs256 = (key: KeyObject, kid?: string) => sign(validClaims(), key, { algorithm: 'RS256', ...(kid ? { keyid: kid } : {}) });

  it('accepts a token signed by the key in a PEM file, with or without kid', () => {
    const verifier = new TokenVerifier(settings('pem'));
    expect(verifier.verify(rs256(first.privateKey))).toEqual(principal);
    expect(verifier.verify(signToken(principal, first.privateKey, { algorithm: 'RS256', keyId: 'any' }))).toEqual(principal);
    expect(refusal(verifier, rs256(second.privateKey))).toMatch(/invalid signature/);
  });

  it('picks the JWKS key by kid, and refuses an unknown kid or a missing one among several keys', () => {
    const verifier = new TokenVerifier(settings('jwks'));
    expect(verifier.verify(rs256(second.privateKey, 'k2'))).toEqual(principal);
    expect(verifier.verify(rs256(first.privateKey, 'k1'))).toEqual(principal);
    expect(refusal(verifier, rs256(first.privateKey, 'k2'))).toMatch(/invalid signature/);
    expect(refusal(verifier, rs256(first.privateKey, 'k9'))).toBe('token kid is not a known key');
    expect(refusal(verifier, rs256(first.privateKey, 'k3'))).toBe('token kid is not a known key');
    expect(refusal(verifier, rs256(first.privateKey))).toBe('token has no kid');
  });

  it('refuses key confusion: an HS256 token whose HMAC key is the RSA public key', () => {
    const pemVerifier = new TokenVerifier(settings('pem'));
    const jwksVerifier = new TokenVerifier(settings('jwks'));
    expect(refusal(pemVerifier, handMade({ alg: 'HS256', typ: 'JWT' }, validClaims(), { hmacKey: publicPem }))).toMatch(/invalid algorithm/);
    const der = first.publicKey.export({ type: 'spki', format: 'der' });
    expect(refusal(pemVerifier, handMade({ alg: 'HS256' }, validClaims(), { hmacKey: der }))).toMatch(/invalid algorithm/);
    expect(refusal(jwksVerifier, handMade({ alg: 'HS256', kid: 'k1' }, validClaims(), { hmacKey: publicPem }))).toMatch(/invalid algorithm/);
  });

  it('refuses alg none and the usual claim failures under RS256 too', () => {
    const verifier = new TokenVerifier(settings('pem'));
    expect(refusal(verifier, handMade({ alg: 'none' }, validClaims()))).toMatch(/signature is required|invalid algorithm/);
    const { exp: _, ...noExp } = validClaims();
    expect(refusal(verifier, sign(noExp, first.privateKey, { algorithm: 'RS256' }))).toBe('token has no exp');
    expect(refusal(verifier, sign({ ...validClaims(), aud: 'other' }, first.privateKey, { algorithm: 'RS256' }))).toMatch(/jwt audience invalid/);
  });
});
