import { BaseConfig } from '@laowu/platform';
import { IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';

/** Development-only key for webhook secrets at rest; production must set WEBHOOK_SECRET_KEY. */
export const DEV_WEBHOOK_SECRET_KEY = Buffer.alloc(32, 'laowu-dev-webhook-key').toString('base64');

export class DispatchConfig extends BaseConfig {
  override PORT = 3004;

  // Numeric settings carry an explicit `: number` so their decorator metadata says Number and an
  // environment value ("300") is converted.

  @IsString()
  KAFKA_GROUP_ID = 'dispatch';

  /** SSE comment line sent this often so proxies keep the stream open and clients notice a dead one. */
  @IsInt() @Min(10)
  SSE_HEARTBEAT_MS: number = 15_000;

  /** Deliveries read from Postgres per page while a stream catches up. */
  @IsInt() @Min(1)
  SSE_PAGE_SIZE: number = 200;

  /**
   * A stream whose socket has not drained for this long is dropped (the client reconnects with
   * Last-Event-ID and catches up from Postgres), so a stuck client never pins memory.
   */
  @IsInt() @Min(10)
  SSE_STALL_TIMEOUT_MS: number = 10_000;

  /** Hard cap on bytes queued in user space for one stream; beyond it the stream is dropped at once. */
  @IsInt() @Min(1024)
  SSE_MAX_BUFFERED_BYTES: number = 1024 * 1024;

  /** Webhook retries wait base × 2^(attempt − 1). */
  @IsInt() @Min(1)
  WEBHOOK_BACKOFF_BASE_MS: number = 2_000;

  /** After this many failed attempts a delivery is dead-lettered (status `dead`). */
  @IsInt() @Min(1)
  WEBHOOK_MAX_ATTEMPTS: number = 8;

  @IsInt() @Min(10)
  WEBHOOK_TIMEOUT_MS: number = 5_000;

  /** Poll interval of the webhook worker when no NOTIFY wakes it. */
  @IsInt() @Min(10)
  WEBHOOK_POLL_MS: number = 1_000;

  /** AES-256-GCM key (base64, 32 bytes) for station webhook secrets at rest. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'WEBHOOK_SECRET_KEY must be 32 bytes, base64' })
  WEBHOOK_SECRET_KEY?: string;

  get webhookSecretKey(): Buffer {
    return Buffer.from(this.WEBHOOK_SECRET_KEY ?? DEV_WEBHOOK_SECRET_KEY, 'base64');
  }

  override check(): string[] {
    const problems = super.check();
    if (this.NODE_ENV === 'production' && !this.WEBHOOK_SECRET_KEY) problems.push('WEBHOOK_SECRET_KEY: required when NODE_ENV=production');
    return problems;
  }
}
