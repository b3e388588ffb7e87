import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import {
  DEFAULT_JWT_AUDIENCE,
  DEFAULT_JWT_ISSUER,
  DEFAULT_JWT_MAX_LIFETIME_SECONDS,
  DEV_JWT_SECRET,
  JwtKeyFileError,
  JwtKeys,
  JwtSettings,
  MIN_PRODUCTION_JWT_SECRET_BYTES,
  readJwks,
  readPemPublicKey,
} from './jwt-keys';
import { KAFKA_SASL_MECHANISMS, KafkaSaslMechanism, KafkaSecurity, kafkaSecurityOf, kafkaSecurityProblems } from './kafka-security';

/** Settings every app shares; each app extends this with its own. */
export class BaseConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** 0 picks a free port (tests). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number;

  /** Loopback unless told otherwise (the container image sets 0.0.0.0). */
  @IsString()
  HOST = '127.0.0.1';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/laowu';

  /** Pooled PostgreSQL connections of the app (exports have a pool of their own). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  DB_POOL_SIZE: number = 10;

  /**
   * How long a query waits for a pooled connection (every one busy), and how long connecting
   * may take. Past it the query fails as transient: a consumer retries, HTTP answers 503.
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  DB_CONNECT_TIMEOUT_MS: number = 3000;

  /** PostgreSQL cancels any statement of the app running longer (statement_timeout; 0 = none). Migrations have none. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  DB_STATEMENT_TIMEOUT_MS: number = 15_000;

  /** PostgreSQL ends a session left idle inside a transaction this long (its locks go with it; 0 = never). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: number = 60_000;

  /**
   * Days a consumer's processed-event rows (the inbox that makes redelivery harmless) are kept.
   * Keep it longer than the Kafka retention of every topic the app consumes (7 days by default):
   * an event older than its row could be redelivered (a group reset, expired group offsets) and
   * applied twice.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  INBOX_RETENTION_DAYS: number = 14;

  /** retention.ms of the dead-letter topics (`<topic>.dlq`), set when they are created and kept in line at start. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  DLQ_RETENTION_DAYS: number = 30;

  /** How often retention purges run (inbox rows; dispatch's deliveries), each in bounded batches. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  RETENTION_PURGE_EVERY_MS: number = 3_600_000;

  /** Comma-separated host:port list. */
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port…]' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  /** TLS to the brokers (kafka-security.ts checks the combinations at start). */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'KAFKA_SSL must be true or false' })
  KAFKA_SSL?: 'true' | 'false';

  /** A CA (PEM) to trust for the brokers' certificates, besides the system's; with KAFKA_SSL=true. */
  @IsOptional()
  @IsString()
  KAFKA_SSL_CA_FILE?: string;

  @IsOptional()
  @IsIn(KAFKA_SASL_MECHANISMS, { message: `KAFKA_SASL_MECHANISM must be one of ${KAFKA_SASL_MECHANISMS.join(', ')}` })
  KAFKA_SASL_MECHANISM?: KafkaSaslMechanism;

  @IsOptional()
  @IsString()
  KAFKA_SASL_USERNAME?: string;

  /** From a Secret; never logged (problems name the variable, not the value). */
  @IsOptional()
  @IsString()
  KAFKA_SASL_PASSWORD?: string;

  /**
   * HS256 secret. Without it (and without an RS256 key file) development and tests use
   * DEV_JWT_SECRET. Its length is checked in check(), which never echoes the value.
   */
  @IsOptional()
  @IsString()
  LAOWU_JWT_SECRET?: string;

  /** RS256: a PEM public key (or certificate) of the token issuer. Excludes LAOWU_JWT_SECRET. */
  @IsOptional()
  @IsString()
  LAOWU_JWT_PUBLIC_KEY_FILE?: string;

  /** RS256: a JWKS file of the token issuer; the token's `kid` picks the key. Excludes LAOWU_JWT_SECRET. */
  @IsOptional()
  @IsString()
  LAOWU_JWT_JWKS_FILE?: string;

  /** Required `iss` claim. */
  @IsString()
  @MinLength(1)
  LAOWU_JWT_ISSUER = DEFAULT_JWT_ISSUER;

  /** Required `aud` claim (a token may list several audiences; one must match). */
  @IsString()
  @MinLength(1)
  LAOWU_JWT_AUDIENCE = DEFAULT_JWT_AUDIENCE;

  /** Longest accepted token lifetime (`exp − iat`, or `exp − now` without `iat`), in seconds. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  LAOWU_JWT_MAX_LIFETIME_SECONDS: number = DEFAULT_JWT_MAX_LIFETIME_SECONDS;

  /** Clock skew allowed on `exp`, `nbf` and `iat`, in seconds. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(300)
  LAOWU_JWT_CLOCK_TOLERANCE_SECONDS: number = 30;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Largest accepted JSON body, in bytes (413 beyond). */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES: number = 2 * 1024 * 1024;

  /** Origins allowed to call the API from a browser: `*` or a comma-separated list. */
  @IsString()
  CORS_ORIGINS = '*';

  /** Requests per principal per minute (429 beyond). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 600;

  /**
   * Admission control: requests this instance works on at once (health and metrics not counted).
   * Beyond it a request is answered 503 with Retry-After at once, before its body is read.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  MAX_IN_FLIGHT: number = 32;

  /** The Retry-After (seconds) of a 503 for overload (in-flight or search-engine bound). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  OVERLOAD_RETRY_AFTER_S: number = 1;

  /**
   * Search-engine calls this instance makes at once (HTTP and Kafka consumers together). 4, not 8:
   * at 200 requests/s on 2 cores, 8 let the engine take a third of the machine and starve the other
   * apps (worker reads p99 1.5 s against 0.3 s with 4; bench/load.ts).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SEARCH_MAX_CONCURRENCY: number = 4;

  /**
   * How long an HTTP request waits for a free search-engine slot before a 503 (a Kafka consumer
   * waits as long as it takes): short, so that a refusal comes at once (ARCHITECTURE: shed quickly).
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  SEARCH_HTTP_WAIT_MS: number = 50;

  /** Timeout of one search-engine call made for an HTTP request (no retry); 503 beyond it. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  SEARCH_HTTP_TIMEOUT_MS: number = 5000;

  /** Timeout of any other search-engine call (consumers' bulk writes, reindex), per attempt. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  SEARCH_REQUEST_TIMEOUT_MS: number = 30_000;

  /**
   * Requests per client address per minute that carry no valid token (missing, bad or expired):
   * past it, 429 instead of 401, so guessing tokens is slow.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: number = 60;

  /**
   * Shared rate-limit store (redis:// or rediss://). Set it when more than one instance serves
   * an app, so replicas share one budget; unset, each instance counts in its own memory.
   */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Prefix of the rate-limit keys in Redis (several environments may share one server). */
  @Matches(/^[\w:.-]{1,64}$/, { message: 'RATE_LIMIT_KEY_PREFIX must be 1-64 letters, digits, _ : . -' })
  RATE_LIMIT_KEY_PREFIX = 'laowu:rl';

  /**
   * Proxies in front of the app whose X-Forwarded-For is trusted for the client address
   * (rate limits by address, logs): 0 directly exposed, 1 behind one ingress.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS: number = 0;

  get kafkaBrokers(): string[] {
    return this.KAFKA_BROKERS.split(',');
  }

  /** TLS and SASL for every Kafka client of the app (createKafka); empty: PLAINTEXT. */
  get kafkaSecurity(): KafkaSecurity {
    return kafkaSecurityOf(this);
  }

  /**
   * Development mode (NODE_ENV development or test) allows the built-in development keys. Any
   * other NODE_ENV is production: the container image sets NODE_ENV=production, and an unset
   * NODE_ENV (a checkout run with `npm start`) is development.
   */
  get isDevelopment(): boolean {
    return this.NODE_ENV === 'development' || this.NODE_ENV === 'test';
  }

  get jwtSecret(): string {
    return this.LAOWU_JWT_SECRET ?? DEV_JWT_SECRET;
  }

  /** How bearer tokens are verified; reads the key file, so call it once at start. */
  jwtSettings(): JwtSettings {
    return {
      keys: this.jwtKeys(),
      issuer: this.LAOWU_JWT_ISSUER,
      audience: this.LAOWU_JWT_AUDIENCE,
      maxLifetimeSeconds: this.LAOWU_JWT_MAX_LIFETIME_SECONDS,
      clockToleranceSeconds: this.LAOWU_JWT_CLOCK_TOLERANCE_SECONDS,
    };
  }

  private jwtKeys(): JwtKeys {
    if (this.LAOWU_JWT_JWKS_FILE) return { algorithm: 'RS256', publicKeys: readJwks(this.LAOWU_JWT_JWKS_FILE) };
    if (this.LAOWU_JWT_PUBLIC_KEY_FILE) return { algorithm: 'RS256', publicKeys: readPemPublicKey(this.LAOWU_JWT_PUBLIC_KEY_FILE) };
    return { algorithm: 'HS256', secret: this.jwtSecret };
  }

  check(): string[] {
    return [...this.jwtProblems(), ...kafkaSecurityProblems(this)];
  }

  private jwtProblems(): string[] {
    const rsaFiles = [this.LAOWU_JWT_PUBLIC_KEY_FILE && 'LAOWU_JWT_PUBLIC_KEY_FILE', this.LAOWU_JWT_JWKS_FILE && 'LAOWU_JWT_JWKS_FILE'].filter(Boolean);
    if (rsaFiles.length > 1) return ['LAOWU_JWT_PUBLIC_KEY_FILE, LAOWU_JWT_JWKS_FILE: set one of them, not both'];
    if (rsaFiles.length && this.LAOWU_JWT_SECRET) {
      return [`LAOWU_JWT_SECRET: set either it (HS256) or ${rsaFiles[0]} (RS256), not both: the algorithm is pinned`];
    }
    if (rsaFiles.length) {
      try {
        this.jwtKeys();
        return [];
      } catch (error) {
        if (error instanceof JwtKeyFileError) return [`${rsaFiles[0]}: ${error.message}`];
        throw error;
      }
    }
    return this.hs256Problems();
  }

  private hs256Problems(): string[] {
    const secret = this.LAOWU_JWT_SECRET;
    if (this.isDevelopment) {
      return secret !== undefined && secret.length < 16 ? ['LAOWU_JWT_SECRET: must be at least 16 characters'] : [];
    }
    if (secret === undefined) {
      return [`LAOWU_JWT_SECRET: required when NODE_ENV=${this.NODE_ENV} (or LAOWU_JWT_PUBLIC_KEY_FILE / LAOWU_JWT_JWKS_FILE for RS256)`];
    }
    if (secret === DEV_JWT_SECRET) return [`LAOWU_JWT_SECRET: the public development secret is refused when NODE_ENV=${this.NODE_ENV}`];
    const bytes = Buffer.byteLength(secret, 'utf8');
    if (bytes < MIN_PRODUCTION_JWT_SECRET_BYTES) {
      return [`LAOWU_JWT_SECRET: must be at least ${MIN_PRODUCTION_JWT_SECRET_BYTES} bytes when NODE_ENV=${this.NODE_ENV} (got ${bytes})`];
    }
    return [];
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');
