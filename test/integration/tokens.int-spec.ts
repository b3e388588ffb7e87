import { type Principal, signToken } from '@laowu/auth';
import { ConfigError, DEV_JWT_SECRET } from '@laowu/platform';
import { spawnSync } from 'node:child_process';
import { createHmac, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { SPEC } from '../../apps/job-collection/test/job-collection.fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const ROOT = join(__dirname, '../..');
const now = () => Math.floor(Date.now() / 1000);
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const agency = (): Principal => ({ sub: `agency-${randomUUID().slice(0, 8)}`, role: 'agency', region: '440300' });

/** Built by hand from the RFC 7519 layout, so the signing library never fixes what a test sends. */
function handMade(header: object, payload: object, hmacKey?: string | Buffer): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${hmacKey === undefined ? '' : createHmac('sha256', hmacKey).update(input).digest('base64url')}`;
}

const claims = (extra: object = {}) => ({ ...agency(), iss: 'laowu', aud: 'laowu-api', iat: now(), exp: now() + 600, ...extra });

describe('bearer tokens against a running app', () => {
  let app: TestApp<unknown>;
  const get = (token: string) => request(app.url).get('/v1/jobs').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    app = await startTestApp(SPEC, { consume: false, env: { RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '1000' } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('accepts a well-formed HS256 token and the test helpers’ tokens', async () => {
    await get(handMade({ alg: 'HS256', typ: 'JWT' }, claims(), DEV_JWT_SECRET)).expect(200);
    await get(signToken({ sub: 'agency-x', role: 'agency', region: '440300' }, DEV_JWT_SECRET)).expect(200);
  });

  it.each([
    ['without exp', claims({ exp: undefined }), /token has no exp/],
    ['expired', claims({ iat: now() - 7200, exp: now() - 3600 }), /jwt expired/],
    ['living longer than 12 h', claims({ exp: now() + 13 * 3600 }), /exceeds the 43200s cap/],
    ['from another issuer', claims({ iss: 'elsewhere' }), /issuer invalid/],
    ['for another audience', claims({ aud: 'another-api' }), /audience invalid/],
    ['without an audience', claims({ aud: undefined }), /audience invalid/],
  ])('answers 401 to a token %s', async (_, payload, reason) => {
    const refused = await get(handMade({ alg: 'HS256', typ: 'JWT' }, payload, DEV_JWT_SECRET)).expect(401);
    expect(refused.body.message).toMatch(reason);
  });

  it('answers 401 to alg none', async () => {
    await get(handMade({ alg: 'none', typ: 'JWT' }, claims())).expect(401);
  });
});

describe('an app verifying RS256 tokens from a JWKS file', () => {
  let app: TestApp<unknown>;
  let publicPem: string;
  let signing: KeyObject;
  const get = (token: string) => request(app.url).get('/v1/jobs').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    signing = pair.privateKey;
    publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const jwksFile = join(mkdtempSync(join(tmpdir(), 'laowu-jwks-')), 'jwks.json');
    writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...pair.publicKey.export({ format: 'jwk' }), kid: 'idp-2026', use: 'sig', alg: 'RS256' }] }));
    app = await startTestApp(SPEC, {
      consume: false,
      env: { LAOWU_JWT_JWKS_FILE: jwksFile, LAOWU_JWT_ISSUER: 'https://idp.example', RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '1000' },
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('accepts a token signed by the JWKS key named by kid', async () => {
    const token = signToken(agency(), signing, { algorithm: 'RS256', keyId: 'idp-2026', issuer: 'https://idp.example' });
    await get(token).expect(200);
  });

  it('refuses HS256 tokens, including one whose HMAC key is the public key (key confusion), and an unknown kid', async () => {
    const confused = await get(handMade({ alg: 'HS256', typ: 'JWT', kid: 'idp-2026' }, claims({ iss: 'https://idp.example' }), publicPem)).expect(401);
    expect(confused.body.message).toMatch(/invalid algorithm/);
    await get(signToken(agency(), DEV_JWT_SECRET, { issuer: 'https://idp.example' })).expect(401);
    const unknown = await get(signToken(agency(), signing, { algorithm: 'RS256', keyId: 'idp-2025', issuer: 'https://idp.example' })).expect(401);
    expect(unknown.body.message).toMatch(/kid is not a known key/);
  });
});

describe('an app configured for production', () => {
  it('will not load a configuration with the development secret', async () => {
    await expect(startTestApp(SPEC, { consume: false, env: { NODE_ENV: 'production', LAOWU_JWT_SECRET: DEV_JWT_SECRET } })).rejects.toThrow(ConfigError);
  });

  it('refuses to start with the development secret or a short one: exit 78 naming LAOWU_JWT_SECRET, never echoing it', () => {
    const start = (secret: string) =>
      spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/job-collection/src/main.ts'], {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'production', PORT: '0', LAOWU_JWT_SECRET: secret },
        encoding: 'utf8',
        timeout: 60000,
      });
    const dev = start(DEV_JWT_SECRET);
    expect(dev.status).toBe(78);
    expect(dev.stderr).toMatch(/LAOWU_JWT_SECRET: the public development secret is refused when NODE_ENV=production/);
    const short = start('s3cr3t-of-twenty-one');
    expect(short.status).toBe(78);
    expect(short.stderr).toMatch(/LAOWU_JWT_SECRET: must be at least 32 bytes when NODE_ENV=production \(got 20\)/);
    expect(short.stderr).not.toContain('s3cr3t-of-twenty-one');
  });
});
