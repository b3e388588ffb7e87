import { type CipherKeyring, devPiiKey, PiiConfig } from '@laowu/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Min } from 'class-validator';

/** Development/test only, like the development PII keys (@laowu/platform pii-keys). */
const DEV_PII_INDEX_KEY = devPiiKey('blind-index');

export interface PiiKeyring extends CipherKeyring {
  /** HMAC key of the blind index (separate from the encryption keys). */
  indexKey: Buffer;
}

export class WorkerProfilesConfig extends PiiConfig {
  override PORT = 3002;

  @IsString()
  KAFKA_GROUP_ID = 'worker-profiles';

  /** A bulk registration carries up to 1,000 workers (a typical row ≈ 0.5 kB, one with many skills and certificates a few kB). */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  override BODY_LIMIT_BYTES: number = 4 * 1024 * 1024;

  /** Connections of the CSV exports' own pool; a further export waits DB_CONNECT_TIMEOUT_MS, then 503. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  EXPORT_POOL_SIZE: number = 2;

  /** A CSV export whose client has read nothing for this long is ended and its connection released. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  EXPORT_STALL_TIMEOUT_MS: number = 30_000;

  /** statement_timeout of export connections (a cursor read at the client's pace; 0 = none). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  EXPORT_STATEMENT_TIMEOUT_MS: number = 600_000;

  /** base64, at least 32 bytes: the blind index (HMAC-SHA256) key for resident ID numbers. */
  @IsOptional()
  @IsString()
  PII_INDEX_KEY?: string;

  override get piiKeyring(): PiiKeyring {
    return { ...super.piiKeyring, indexKey: Buffer.from(this.PII_INDEX_KEY ?? DEV_PII_INDEX_KEY, 'base64') };
  }

  override check(): string[] {
    const problems = super.check();
    if (this.NODE_ENV === 'production' && !this.PII_INDEX_KEY) problems.push('PII_INDEX_KEY: required when NODE_ENV=production');
    if (this.PII_INDEX_KEY !== undefined && Buffer.from(this.PII_INDEX_KEY, 'base64').length < 32) problems.push('PII_INDEX_KEY: must be at least 32 bytes (base64)');
    return problems;
  }
}
