import { randomBytes, randomUUID } from 'node:crypto';
import { FieldCipher, PiiDecryptionError } from './field-cipher';
import { DEV_PII_ACTIVE_KEY_ID, piiKeyProblems, piiKeyringOf } from './pii-keys';

const key = () => randomBytes(32);

describe('FieldCipher', () => {
  const k1 = key();
  const k2 = key();
  const rowId = randomUUID();

  it('round-trips a value and never stores it in plain', () => {
    const cipher = new FieldCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1' });
    const stored = cipher.encrypt('13800000000', rowId, 'phone');
    expect(stored.startsWith('k1:')).toBe(true);
    expect(stored).not.toContain('13800000000');
    expect(Buffer.from(stored.slice(3), 'base64').toString('latin1')).not.toContain('13800000000');
    expect(cipher.decrypt(stored, rowId, 'phone')).toBe('13800000000');
  });

  it('encrypts the same value differently each time (random IV)', () => {
    const cipher = new FieldCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1' });
    expect(cipher.encrypt('张三', rowId, 'name')).not.toBe(cipher.encrypt('张三', rowId, 'name'));
  });

  it('reads values written with an older key after rotation, and writes with the new one', () => {
    const before = new FieldCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1' });
    const old = before.encrypt('张三', rowId, 'name');
    const after = new FieldCipher({ keys: new Map([['k1', k1], ['k2', k2]]), activeKeyId: 'k2' });
    expect(after.decrypt(old, rowId, 'name')).toBe('张三');
    expect(FieldCipher.keyIdOf(after.encrypt('张三', rowId, 'name'))).toBe('k2');
  });

  it('refuses a ciphertext moved to another row or field, tampered with, or under an unknown key', () => {
    const cipher = new FieldCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1' });
    const stored = cipher.encrypt('13800000000', rowId, 'phone');
    expect(() => cipher.decrypt(stored, randomUUID(), 'phone')).toThrow(PiiDecryptionError);
    expect(() => cipher.decrypt(stored, rowId, 'name')).toThrow(PiiDecryptionError);
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => cipher.decrypt(`k1:${raw.toString('base64')}`, rowId, 'phone')).toThrow(PiiDecryptionError);
    expect(() => cipher.decrypt(`k9:${stored.slice(3)}`, rowId, 'phone')).toThrow(PiiDecryptionError);
  });

  it('refuses to start with an active key that is not configured', () => {
    expect(() => new FieldCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k2' })).toThrow(/k2 is not configured/);
  });
});

describe('PII key settings', () => {
  const spec = (...ids: string[]) => ids.map((id) => `${id}:${key().toString('base64')}`).join(',');

  it('gives the development key when unset, else the first key or the one named', () => {
    const dev = piiKeyringOf(undefined, undefined);
    expect(dev.activeKeyId).toBe(DEV_PII_ACTIVE_KEY_ID);
    expect(dev.keys.get(DEV_PII_ACTIVE_KEY_ID)).toHaveLength(32);
    expect(piiKeyringOf(spec('k1', 'k2'), undefined).activeKeyId).toBe('k1');
    const named = piiKeyringOf(spec('k1', 'k2'), 'k2');
    expect([named.activeKeyId, [...named.keys.keys()]]).toEqual(['k2', ['k1', 'k2']]);
  });

  it('names each problem without printing a key', () => {
    const short = `k1:${randomBytes(16).toString('base64')}`;
    expect(piiKeyProblems(short, undefined)).toEqual(['PII_KEYS: key k1 must be 32 bytes (base64)']);
    expect(piiKeyProblems(key().toString('base64'), undefined)).toEqual([expect.stringMatching(/^PII_KEYS: entry must be/)]);
    expect(piiKeyProblems(spec('k1'), 'k9')).toEqual(['PII_ACTIVE_KEY_ID: k9 is not in PII_KEYS']);
    expect(piiKeyProblems(undefined, 'k9')).toEqual(['PII_ACTIVE_KEY_ID: set PII_KEYS too']);
    expect(piiKeyProblems(spec('k1', 'k2'), 'k2')).toEqual([]);
  });
});
