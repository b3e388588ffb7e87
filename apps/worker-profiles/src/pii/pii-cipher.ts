import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { PiiKeyring } from '../worker-profiles.config';

/**
 * Which personal field a ciphertext holds; bound into the ciphertext (AAD) with the id of its row:
 * the worker's, for a follow-up's note (`followUpNote`) the follow-up's.
 */
export type PiiField = 'idNumber' | 'phone' | 'name' | 'followUpNote';

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Prefixed to a phone number before its HMAC: the phone index's own domain under the shared index key. */
const PHONE_INDEX_DOMAIN = 'laowu:phone:';

export class PiiDecryptionError extends Error {}

/**
 * AES-256-GCM for personal data at rest. A ciphertext is `<keyId>:<base64(iv ‖ tag ‖ data)>`, so
 * every value names the key that wrote it and keys can rotate: new writes use the active key, old
 * values stay readable while their key is still configured. The additional authenticated data is
 * `<workerId>:<field>`, so a ciphertext copied into another row or column fails to decrypt.
 */
export class PiiCipher {
  constructor(private readonly keyring: PiiKeyring) {
    if (!keyring.keys.has(keyring.activeKeyId)) throw new Error(`PII key ${keyring.activeKeyId} is not configured`);
  }

  get activeKeyId(): string {
    return this.keyring.activeKeyId;
  }

  /** Every configured key's id: values written with any other key cannot be decrypted here. */
  get keyIds(): string[] {
    return [...this.keyring.keys.keys()];
  }

  encrypt(plain: string, workerId: string, field: PiiField): string {
    const keyId = this.keyring.activeKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keyring.keys.get(keyId)!, iv);
    cipher.setAAD(aad(workerId, field));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${keyId}:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
  }

  decrypt(stored: string, workerId: string, field: PiiField): string {
    const colon = stored.indexOf(':');
    const key = this.keyring.keys.get(stored.slice(0, colon));
    if (colon < 1 || !key) throw new PiiDecryptionError(`no configured key for a stored ${field}`);
    const raw = Buffer.from(stored.slice(colon + 1), 'base64');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(aad(workerId, field));
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

  /**
   * Blind index: HMAC-SHA256 of the normalised resident ID number under a key of its own. Equal
   * numbers give equal digests (the unique index finds duplicates) without storing the number.
   */
  blindIndex(idNumber: string): Buffer {
    return createHmac('sha256', this.keyring.indexKey).update(normaliseIdNumber(idNumber)).digest();
  }

  /**
   * Blind index of a mobile number (exact lookup by phone): HMAC-SHA256 under the same key as the
   * ID number's, over a domain prefix of its own, so a phone digest never equals an ID digest.
   */
  phoneIndex(phone: string): Buffer {
    return createHmac('sha256', this.keyring.indexKey).update(`${PHONE_INDEX_DOMAIN}${normalisePhone(phone)}`).digest();
  }
}

export function normaliseIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}

/** '+86 138-0000-0000', '0086 13800000000', ' 138 0000 0000 ' → '13800000000': spaces and dashes out, the country code off. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/[\s-]/g, '');
  return /^(\+86|0086|86)1\d{10}$/.test(digits) ? digits.slice(digits.length - 11) : digits;
}

function aad(workerId: string, field: PiiField): Buffer {
  return Buffer.from(`${workerId}:${field}`, 'utf8');
}
