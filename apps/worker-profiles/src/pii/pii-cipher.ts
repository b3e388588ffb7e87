import { normalisePhone } from '@laowu/domain';
import { FieldCipher } from '@laowu/platform';
import { createHmac } from 'node:crypto';
import type { PiiKeyring } from '../worker-profiles.config';

/**
 * Which personal field a ciphertext holds; bound into the ciphertext (AAD) with the id of its row:
 * the worker's, for a follow-up's note (`followUpNote`) the follow-up's.
 */
export type PiiField = 'idNumber' | 'phone' | 'name' | 'followUpNote';

/** Prefixed to a phone number before its HMAC: the phone index's own domain under the shared index key. */
const PHONE_INDEX_DOMAIN = 'laowu:phone:';

/**
 * Personal data at rest (FieldCipher: AES-256-GCM, rotating keys, bound to row and field), and the
 * blind indexes that find a worker by resident ID or phone number without storing either.
 */
export class PiiCipher extends FieldCipher<PiiField> {
  constructor(private readonly keyring: PiiKeyring) {
    super(keyring);
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
