import { randomBytes, randomUUID } from 'node:crypto';
import { normalisePhone, PiiCipher, PiiDecryptionError } from './pii-cipher';

const key = () => randomBytes(32);

describe('PiiCipher', () => {
  const k1 = key();
  const k2 = key();
  const indexKey = key();
  const workerId = randomUUID();

  it('round-trips a value and never stores it in plain', () => {
    const cipher = new PiiCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1', indexKey });
    const stored = cipher.encrypt('13800000000', workerId, 'phone');
    expect(stored.startsWith('k1:')).toBe(true);
    expect(stored).not.toContain('13800000000');
    expect(Buffer.from(stored.slice(3), 'base64').toString('latin1')).not.toContain('13800000000');
    expect(cipher.decrypt(stored, workerId, 'phone')).toBe('13800000000');
  });

  it('encrypts the same value differently each time (random IV)', () => {
    const cipher = new PiiCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1', indexKey });
    expect(cipher.encrypt('张三', workerId, 'name')).not.toBe(cipher.encrypt('张三', workerId, 'name'));
  });

  it('reads values written with an older key after rotation, and writes with the new one', () => {
    const before = new PiiCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1', indexKey });
    const old = before.encrypt('张三', workerId, 'name');
    const after = new PiiCipher({ keys: new Map([['k1', k1], ['k2', k2]]), activeKeyId: 'k2', indexKey });
    expect(after.decrypt(old, workerId, 'name')).toBe('张三');
    expect(PiiCipher.keyIdOf(after.encrypt('张三', workerId, 'name'))).toBe('k2');
  });

  it('refuses a ciphertext moved to another worker or field, tampered with, or under an unknown key', () => {
    const cipher = new PiiCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1', indexKey });
    const stored = cipher.encrypt('13800000000', workerId, 'phone');
    expect(() => cipher.decrypt(stored, randomUUID(), 'phone')).toThrow(PiiDecryptionError);
    expect(() => cipher.decrypt(stored, workerId, 'name')).toThrow(PiiDecryptionError);
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => cipher.decrypt(`k1:${raw.toString('base64')}`, workerId, 'phone')).toThrow(PiiDecryptionError);
    expect(() => cipher.decrypt(`k9:${stored.slice(3)}`, workerId, 'phone')).toThrow(PiiDecryptionError);
  });

  it('gives equal blind indexes for equal (normalised) ID numbers and different ones otherwise', () => {
    const cipher = new PiiCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1', indexKey });
    expect(cipher.blindIndex('11010519491231002x').equals(cipher.blindIndex('11010519491231002X'))).toBe(true);
    expect(cipher.blindIndex('11010519491231002X').equals(cipher.blindIndex('110105194912310029'))).toBe(false);
    const otherIndexKey = new PiiCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1', indexKey: key() });
    expect(otherIndexKey.blindIndex('11010519491231002X').equals(cipher.blindIndex('11010519491231002X'))).toBe(false);
  });

  it('gives one phone index for a number however it is written, another for another number, and never an ID index', () => {
    const cipher = new PiiCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1', indexKey });
    const plain = cipher.phoneIndex('13800000000');
    for (const written of ['+86 138 0000 0000', '0086-138-0000-0000', ' 138-0000-0000 ', '8613800000000']) {
      expect(cipher.phoneIndex(written).equals(plain)).toBe(true);
    }
    expect(cipher.phoneIndex('13800000001').equals(plain)).toBe(false);
    expect(cipher.blindIndex('13800000000').equals(plain)).toBe(false);
  });
});

describe('normalisePhone', () => {
  it.each([
    ['13800000000', '13800000000'],
    ['+86 138 0000 0000', '13800000000'],
    ['0086 13800000000', '13800000000'],
    ['138-0000-0000', '13800000000'],
    ['+1 555 0100', '+15550100'],
    ['86138', '86138'],
  ])('%s → %s', (written, normal) => {
    expect(normalisePhone(written)).toBe(normal);
  });
});
