import { PiiConfig } from '@laowu/platform';
import { IsIn, IsInt, IsOptional, IsString, Matches, Min, Validate } from 'class-validator';
import { ConsoleOriginsConstraint } from './console/console-policy';

/** Development-only key for webhook secrets at rest; production must set WEBHOOK_SECRET_KEY. */
export const DEV_WEBHOOK_SECRET_KEY = Buffer.alloc(32, 'laowu-dev-webhook-key').toString('base64');

/** Dispatch keeps one personal datum, a batch's escort phone (带队联系人), encrypted with PiiConfig's keys. */
export class DispatchConfig extends PiiConfig {
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

  /**
   * Open streams per station on one instance. Opening one more ends the station's oldest stream
   * (it is told with an `event: closed` first), so a client that lost its connection silently
   * can always reconnect.
   */
  @IsInt() @Min(1)
  SSE_MAX_STREAMS_PER_STATION: number = 5;

  /** Deliveries done with (webhook delivered or dead, or SSE only) are purged after this many days; pending ones never. */
  @IsInt() @Min(1)
  DELIVERY_RETENTION_DAYS: number = 30;

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

  /**
   * Development only (the app refuses to start with it outside development): let webhooks go to
   * loopback, private, link-local and other non-public addresses, e.g. a receiver on 127.0.0.1,
   * and be registered with http:// URLs. Default false: such addresses are refused at
   * registration and at connect time.
   */
  @IsIn(['true', 'false'])
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' | 'false' = 'false';

  /** At most this many bytes of a receiver's reply are read; then the connection is closed. */
  @IsInt() @Min(0)
  WEBHOOK_MAX_RESPONSE_BYTES: number = 64 * 1024;

  /** Webhook requests in flight per instance, and per station per instance. */
  @IsInt() @Min(1)
  WEBHOOK_MAX_IN_FLIGHT: number = 32;

  @IsInt() @Min(1)
  WEBHOOK_MAX_IN_FLIGHT_PER_STATION: number = 4;

  /**
   * Circuit breaker per station: after this many consecutive failed attempts its deliveries are
   * held (still due, attempts not counted) for WEBHOOK_CIRCUIT_COOLDOWN_MS; one more failure after
   * that holds them again, a success closes the circuit.
   */
  @IsInt() @Min(1)
  WEBHOOK_CIRCUIT_FAILURES: number = 5;

  @IsInt() @Min(10)
  WEBHOOK_CIRCUIT_COOLDOWN_MS: number = 60_000;

  get webhookAllowPrivateAddresses(): boolean {
    return this.WEBHOOK_ALLOW_PRIVATE_ADDRESSES === 'true';
  }

  /** AES-256-GCM key (base64, 32 bytes) for station webhook secrets at rest. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'WEBHOOK_SECRET_KEY must be 32 bytes, base64' })
  WEBHOOK_SECRET_KEY?: string;

  /**
   * The station console's apps (it sends the user's token to them): `name=origin` pairs, e.g.
   * `jobCollection=https://jobs.api.example,workerProfiles=https://workers.api.example,matching=https://matching.api.example`.
   * Unset apps: dispatch is the console's own origin, the others ports 3001–3003 on its host name.
   * The console's Content-Security-Policy allows requests to these only.
   */
  @IsOptional()
  @Validate(ConsoleOriginsConstraint)
  CONSOLE_API_ORIGINS?: string;

  /** How often active placements past their planned end (a public-welfare post's end) are ended. */
  @IsInt() @Min(10)
  PLACEMENT_SWEEP_INTERVAL_MS: number = 60_000;

  get webhookSecretKey(): Buffer {
    return Buffer.from(this.WEBHOOK_SECRET_KEY ?? DEV_WEBHOOK_SECRET_KEY, 'base64');
  }

  override check(): string[] {
    const problems = super.check();
    if (this.NODE_ENV === 'production' && !this.WEBHOOK_SECRET_KEY) problems.push('WEBHOOK_SECRET_KEY: required when NODE_ENV=production');
    if (this.webhookAllowPrivateAddresses && !this.isDevelopment) problems.push('WEBHOOK_ALLOW_PRIVATE_ADDRESSES: development only (NODE_ENV development or test)');
    return problems;
  }
}
