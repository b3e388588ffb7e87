import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** The encryption keys of personal data at rest: every key that may still decrypt, and the one new values are written with. */
export interface CipherKeyring {
  /** key id → 32-byte AES-256 key */
  keys: Map<string, Buffer>;
  activeKeyId: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export class PiiDecryptionError extends Error {}

/**
 * AES-256-GCM for personal data at rest (worker-profiles' names, ID numbers and phones, dispatch's
 * escort phones). A ciphertext is `<keyId>:<base64(iv ‖ tag ‖ data)>`, so every value names the
 * key that wrote it and keys can rotate: new writes use the active key, old values stay readable
 * while their key is still configured. The additional authenticated data is `<rowId>:<field>`, so
 * a ciphertext copied into another row or column fails to decrypt. `F`: the fields an app encrypts.
 */
export class FieldCipher<F extends string = string> {
  constructor(private readonly cipherKeys: CipherKeyring) {
    if (!cipherKeys.keys.has(cipherKeys.activeKeyId)) throw new Error(`PII key ${cipherKeys.activeKeyId} is not configured`);
  }

  get activeKeyId(): string {
    return this.cipherKeys.activeKeyId;
  }

  /** Every configured key's id: values written with any other key cannot be decrypted here. */
  get keyIds(): string[] {
    return [...this.cipherKeys.keys.keys()];
  }

  encrypt(plain: string, rowId: string, field: F): string {
    const keyId = this.cipherKeys.activeKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.cipherKeys.keys.get(keyId)!, iv);
    cipher.setAAD(aad(rowId, field));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${keyId}:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
  }

  decrypt(stored: string, rowId: string, field: F): string {
    const colon = stored.indexOf(':');
    const key = this.cipherKeys.keys.get(stored.slice(0, colon));
    if (colon < 1 || !key) throw new PiiDecryptionError(`no configured key for a stored ${field}`);
    const raw = Buffer.from(stored.slice(colon + 1), 'base64');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(aad(rowId, field));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new PiiDecryptionError(`stored ${field} does not authenticate`);
    }
  }

  /** The key id a stored ciphertext was written with (rotation tooling: find values on old keys). */
  static keyIdOf(stored: string): string {
    return stored.slice(0, stored.indexOf(':'));
  }
}

function aad(rowId: string, field: string): Buffer {
  return Buffer.from(`${rowId}:${field}`, 'utf8');
}
