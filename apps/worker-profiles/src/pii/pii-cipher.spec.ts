import { randomBytes, randomUUID } from 'node:crypto';
import { PiiCipher } from './pii-cipher';

const key = () => randomBytes(32);

// Encryption itself (round trip, rotation, tampering): FieldCipher's spec in @laowu/platform.
describe('PiiCipher', () => {
  const k1 = key();
  const indexKey = key();

  it('encrypts under the active key, bound to the worker and the field', () => {
    const cipher = new PiiCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1', indexKey });
    const workerId = randomUUID();
    const stored = cipher.encrypt('13800000000', workerId, 'phone');
    expect(PiiCipher.keyIdOf(stored)).toBe('k1');
    expect(cipher.decrypt(stored, workerId, 'phone')).toBe('13800000000');
    expect(() => cipher.decrypt(stored, workerId, 'idNumber')).toThrow();
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
