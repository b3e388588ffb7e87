import { BaseConfig } from '@laowu/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Min } from 'class-validator';
import { createHash } from 'node:crypto';

/**
 * Development/test keys only: derived from fixed strings so that local data stays readable
 * across restarts. With NODE_ENV=production the app refuses to start without real keys.
 */
const devKey = (label: string) => createHash('sha256').update(`laowu-dev-pii-${label}`).digest('base64');
export const DEV_PII_KEYS = `dev1:${devKey('dev1')}`;
export const DEV_PII_ACTIVE_KEY_ID = 'dev1';
export const DEV_PII_INDEX_KEY = devKey('blind-index');

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export interface PiiKeyring {
  /** key id → 32-byte AES-256 key */
  keys: Map<string, Buffer>;
  activeKeyId: string;
  /** HMAC key of the blind index (separate from the encryption keys). */
  indexKey: Buffer;
}

export class WorkerProfilesConfig extends BaseConfig {
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

  /** `k1:<base64 32 bytes>,k2:<base64 32 bytes>`: every key that may still decrypt stored data. */
  @IsOptional()
  @IsString()
  PII_KEYS?: string;

  /** The key new ciphertexts are written with (rotation: add a key, switch this, re-encrypt lazily). */
  @IsOptional()
  @IsString()
  PII_ACTIVE_KEY_ID?: string;

  /** base64, at least 32 bytes: the blind index (HMAC-SHA256) key for resident ID numbers. */
  @IsOptional()
  @IsString()
  PII_INDEX_KEY?: string;

  get piiKeyring(): PiiKeyring {
    const keys = parseKeys(this.PII_KEYS ?? DEV_PII_KEYS);
    return {
      keys,
      activeKeyId: this.PII_ACTIVE_KEY_ID ?? (this.PII_KEYS ? [...keys.keys()][0] : DEV_PII_ACTIVE_KEY_ID),
      indexKey: Buffer.from(this.PII_INDEX_KEY ?? DEV_PII_INDEX_KEY, 'base64'),
    };
  }

  override check(): string[] {
    const problems = super.check();
    if (this.NODE_ENV === 'production') {
      for (const name of ['PII_KEYS', 'PII_ACTIVE_KEY_ID', 'PII_INDEX_KEY'] as const) {
        if (!this[name]) problems.push(`${name}: required when NODE_ENV=production`);
      }
    }
    problems.push(...keyProblems(this.PII_KEYS, this.PII_ACTIVE_KEY_ID, this.PII_INDEX_KEY));
    return problems;
  }
}

function parseKeys(spec: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    keys.set(entry.slice(0, colon), Buffer.from(entry.slice(colon + 1), 'base64'));
  }
  return keys;
}

function keyProblems(keysSpec?: string, activeKeyId?: string, indexKey?: string): string[] {
  const problems: string[] = [];
  if (keysSpec !== undefined) {
    for (const entry of keysSpec.split(',').map((s) => s.trim())) {
      const colon = entry.indexOf(':');
      const id = colon > 0 ? entry.slice(0, colon) : '';
      if (!KEY_ID.test(id)) problems.push(`PII_KEYS: entry must be <id>:<base64 key>, id of [A-Za-z0-9_-]`);
      else if (Buffer.from(entry.slice(colon + 1), 'base64').length !== 32) problems.push(`PII_KEYS: key ${id} must be 32 bytes (base64)`);
    }
    const ids = parseKeys(keysSpec);
    if (activeKeyId !== undefined && !ids.has(activeKeyId)) problems.push(`PII_ACTIVE_KEY_ID: ${activeKeyId} is not in PII_KEYS`);
  } else if (activeKeyId !== undefined && activeKeyId !== DEV_PII_ACTIVE_KEY_ID) {
    problems.push('PII_ACTIVE_KEY_ID: set PII_KEYS too');
  }
  if (indexKey !== undefined && Buffer.from(indexKey, 'base64').length < 32) problems.push('PII_INDEX_KEY: must be at least 32 bytes (base64)');
  return problems;
}
