import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseConfig } from './base.config';
import { DEV_JWT_SECRET } from './jwt-keys';
import { ConfigError, loadConfig } from './load-config';

class ExampleConfig extends BaseConfig {
  override PORT = 3999;
}

const problemsOf = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(ExampleConfig, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
};

const dir = mkdtempSync(join(tmpdir(), 'laowu-jwt-config-'));
const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pemFile = join(dir, 'issuer.pem');
writeFileSync(pemFile, publicKey.export({ type: 'spki', format: 'pem' }));
const jwksFile = join(dir, 'jwks.json');
writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig' }] }));

describe('JWT settings', () => {
  it('defaults to HS256 with the development secret, issuer laowu, audience laowu-api and a 12 h cap', () => {
    const settings = loadConfig(ExampleConfig, { NODE_ENV: 'development' }).jwtSettings();
    expect(settings).toEqual({
      keys: { algorithm: 'HS256', secret: 'laowu-dev-secret' },
      issuer: 'laowu',
      audience: 'laowu-api',
      maxLifetimeSeconds: 43200,
      clockToleranceSeconds: 30,
    });
  });

  it('refuses to start outside development with the development secret, naming LAOWU_JWT_SECRET', () => {
    expect(problemsOf({ NODE_ENV: 'production', LAOWU_JWT_SECRET: DEV_JWT_SECRET })).toMatch(
      /LAOWU_JWT_SECRET: the public development secret is refused when NODE_ENV=production/,
    );
    expect(problemsOf({ NODE_ENV: 'production' })).toMatch(/LAOWU_JWT_SECRET: required when NODE_ENV=production/);
  });

  it('refuses an HS256 secret under 32 bytes outside development, without echoing it', () => {
    const message = problemsOf({ NODE_ENV: 'production', LAOWU_JWT_SECRET: 'x'.repeat(31) });
    expect(message).toMatch(/LAOWU_JWT_SECRET: must be at least 32 bytes when NODE_ENV=production \(got 31\)/);
    expect(message).not.toContain('x'.repeat(31));
    // Bytes, not characters: 11 Chinese characters are 33 bytes in UTF-8.
    expect(loadConfig(ExampleConfig, { NODE_ENV: 'production', LAOWU_JWT_SECRET: '劳务劳务劳务劳务劳务劳' }).jwtSettings().keys.algorithm).toBe('HS256');
    expect(loadConfig(ExampleConfig, { NODE_ENV: 'production', LAOWU_JWT_SECRET: 'y'.repeat(32) }).jwtSecret).toBe('y'.repeat(32));
  });

  it('keeps development and tests lenient: the development secret and 16-character secrets pass', () => {
    expect(loadConfig(ExampleConfig, { NODE_ENV: 'test', LAOWU_JWT_SECRET: DEV_JWT_SECRET }).jwtSecret).toBe(DEV_JWT_SECRET);
    expect(problemsOf({ NODE_ENV: 'development', LAOWU_JWT_SECRET: 'short' })).toMatch(/LAOWU_JWT_SECRET: must be at least 16 characters/);
  });

  it('uses RS256 with a PEM or JWKS file, which needs no secret in production', () => {
    const pem = loadConfig(ExampleConfig, { NODE_ENV: 'production', LAOWU_JWT_PUBLIC_KEY_FILE: pemFile }).jwtSettings().keys;
    expect(pem.algorithm).toBe('RS256');
    const jwks = loadConfig(ExampleConfig, { NODE_ENV: 'production', LAOWU_JWT_JWKS_FILE: jwksFile }).jwtSettings().keys;
    expect(jwks.algorithm === 'RS256' && jwks.publicKeys.map((k) => k.kid)).toEqual(['k1']);
  });

  it('pins one algorithm: a secret beside a key file, or both key files, is refused', () => {
    expect(problemsOf({ LAOWU_JWT_PUBLIC_KEY_FILE: pemFile, LAOWU_JWT_SECRET: 'y'.repeat(32) })).toMatch(/LAOWU_JWT_SECRET: set either it \(HS256\) or LAOWU_JWT_PUBLIC_KEY_FILE/);
    expect(problemsOf({ LAOWU_JWT_PUBLIC_KEY_FILE: pemFile, LAOWU_JWT_JWKS_FILE: jwksFile })).toMatch(/set one of them, not both/);
  });

  it('refuses a missing or unusable key file at start, naming the variable', () => {
    expect(problemsOf({ LAOWU_JWT_PUBLIC_KEY_FILE: join(dir, 'absent.pem') })).toMatch(/LAOWU_JWT_PUBLIC_KEY_FILE: cannot read/);
    const notJwks = join(dir, 'not-jwks.json');
    writeFileSync(notJwks, '{"kty":"RSA"}');
    expect(problemsOf({ LAOWU_JWT_JWKS_FILE: notJwks })).toMatch(/LAOWU_JWT_JWKS_FILE: .* \(no "keys" array\)/);
    const ecOnly = join(dir, 'ec.pem');
    writeFileSync(ecOnly, generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }));
    expect(problemsOf({ LAOWU_JWT_PUBLIC_KEY_FILE: ecOnly })).toMatch(/LAOWU_JWT_PUBLIC_KEY_FILE: .* is not an RSA key/);
  });

  it('reads issuer, audience and the lifetime cap from the environment', () => {
    const settings = loadConfig(ExampleConfig, { LAOWU_JWT_ISSUER: 'https://idp.example', LAOWU_JWT_AUDIENCE: 'laowu', LAOWU_JWT_MAX_LIFETIME_SECONDS: '3600' }).jwtSettings();
    expect(settings).toMatchObject({ issuer: 'https://idp.example', audience: 'laowu', maxLifetimeSeconds: 3600 });
    expect(problemsOf({ LAOWU_JWT_MAX_LIFETIME_SECONDS: '30' })).toMatch(/LAOWU_JWT_MAX_LIFETIME_SECONDS/);
  });
});
