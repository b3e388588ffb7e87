import { IsOptional, IsString } from 'class-validator';
import type { CipherKeyring } from '../pii/field-cipher';
import { piiKeyProblems, piiKeyringOf } from '../pii/pii-keys';
import { BaseConfig } from './base.config';

/**
 * Settings of an app that keeps personal data encrypted (worker-profiles, dispatch): the keys, and
 * with NODE_ENV=production the refusal to start on the development key.
 */
export class PiiConfig extends BaseConfig {
  /** `k1:<base64 32 bytes>,k2:<base64 32 bytes>`: every key that may still decrypt stored personal data. Unset: the development key. */
  @IsOptional()
  @IsString()
  PII_KEYS?: string;

  /** The key new ciphertexts are written with (rotation: add a key, switch this; old values stay readable). */
  @IsOptional()
  @IsString()
  PII_ACTIVE_KEY_ID?: string;

  get piiKeyring(): CipherKeyring {
    return piiKeyringOf(this.PII_KEYS, this.PII_ACTIVE_KEY_ID);
  }

  override check(): string[] {
    const problems = super.check();
    if (this.NODE_ENV === 'production') {
      for (const name of ['PII_KEYS', 'PII_ACTIVE_KEY_ID'] as const) {
        if (!this[name]) problems.push(`${name}: required when NODE_ENV=production`);
      }
    }
    problems.push(...piiKeyProblems(this.PII_KEYS, this.PII_ACTIVE_KEY_ID));
    return problems;
  }
}
