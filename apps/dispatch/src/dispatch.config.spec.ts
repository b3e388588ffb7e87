import { DEV_PII_ACTIVE_KEY_ID, loadConfig } from '@laowu/platform';
import { randomBytes } from 'node:crypto';
import { DispatchConfig } from './dispatch.config';

const key = () => randomBytes(32).toString('base64');
const PRODUCTION = { NODE_ENV: 'production', LAOWU_JWT_SECRET: 'a-production-secret-0123456789abcdef', WEBHOOK_SECRET_KEY: key() };

describe('DispatchConfig PII keys (a batch’s escort phone)', () => {
  it('uses the development key outside production', () => {
    const config = loadConfig(DispatchConfig, { NODE_ENV: 'test' });
    expect(config.piiKeyring.activeKeyId).toBe(DEV_PII_ACTIVE_KEY_ID);
    expect(config.piiKeyring.keys.get(DEV_PII_ACTIVE_KEY_ID)).toHaveLength(32);
  });

  it('refuses to start in production without keys, naming each variable', () => {
    expect(() => loadConfig(DispatchConfig, PRODUCTION)).toThrow(/PII_KEYS: required[\s\S]*PII_ACTIVE_KEY_ID: required/);
  });

  it('reads several keys for rotation and the active one, and refuses one that is not configured', () => {
    const config = loadConfig(DispatchConfig, { ...PRODUCTION, PII_KEYS: `k1:${key()},k2:${key()}`, PII_ACTIVE_KEY_ID: 'k2' });
    expect([[...config.piiKeyring.keys.keys()], config.piiKeyring.activeKeyId]).toEqual([['k1', 'k2'], 'k2']);
    expect(() => loadConfig(DispatchConfig, { NODE_ENV: 'test', PII_KEYS: `k1:${key()}`, PII_ACTIVE_KEY_ID: 'k9' })).toThrow(/k9 is not in PII_KEYS/);
  });
});
