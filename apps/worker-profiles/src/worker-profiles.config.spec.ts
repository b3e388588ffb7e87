import { ConfigError, DEV_PII_ACTIVE_KEY_ID, loadConfig } from '@laowu/platform';
import { randomBytes } from 'node:crypto';
import { WorkerProfilesConfig } from './worker-profiles.config';

const key = () => randomBytes(32).toString('base64');

describe('WorkerProfilesConfig PII keys', () => {
  it('uses the fixed development keys outside production', () => {
    const config = loadConfig(WorkerProfilesConfig, { NODE_ENV: 'test' });
    expect(config.piiKeyring.activeKeyId).toBe(DEV_PII_ACTIVE_KEY_ID);
    expect(config.piiKeyring.keys.get(DEV_PII_ACTIVE_KEY_ID)).toHaveLength(32);
  });

  it('refuses to start in production without keys, naming each variable', () => {
    expect(() => loadConfig(WorkerProfilesConfig, { NODE_ENV: 'production', LAOWU_JWT_SECRET: 'a-production-secret-0123456789abcdef' })).toThrow(
      /PII_KEYS: required[\s\S]*PII_ACTIVE_KEY_ID: required[\s\S]*PII_INDEX_KEY: required/,
    );
  });

  it('reads several keys for rotation and the active one', () => {
    const config = loadConfig(WorkerProfilesConfig, {
      NODE_ENV: 'production',
      LAOWU_JWT_SECRET: 'a-production-secret-0123456789abcdef',
      PII_KEYS: `k1:${key()},k2:${key()}`,
      PII_ACTIVE_KEY_ID: 'k2',
      PII_INDEX_KEY: key(),
    });
    expect([...config.piiKeyring.keys.keys()]).toEqual(['k1', 'k2']);
    expect(config.piiKeyring.activeKeyId).toBe('k2');
  });

  it('refuses malformed keys, short keys and an active key that is not configured', () => {
    const load = (env: Record<string, string>) => () => loadConfig(WorkerProfilesConfig, { NODE_ENV: 'test', ...env });
    expect(load({ PII_KEYS: `k1:${randomBytes(16).toString('base64')}` })).toThrow(/key k1 must be 32 bytes/);
    expect(load({ PII_KEYS: key() })).toThrow(ConfigError);
    expect(load({ PII_KEYS: `k1:${key()}`, PII_ACTIVE_KEY_ID: 'k9' })).toThrow(/k9 is not in PII_KEYS/);
    expect(load({ PII_INDEX_KEY: randomBytes(8).toString('base64') })).toThrow(/PII_INDEX_KEY/);
  });
});
