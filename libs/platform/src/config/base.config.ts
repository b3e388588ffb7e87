import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

export const DEV_JWT_SECRET = 'laowu-dev-secret';

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

  /** Comma-separated host:port list. */
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port…]' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'LAOWU_JWT_SECRET must be at least 16 characters' })
  LAOWU_JWT_SECRET?: string;

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

  get kafkaBrokers(): string[] {
    return this.KAFKA_BROKERS.split(',');
  }

  get jwtSecret(): string {
    return this.LAOWU_JWT_SECRET ?? DEV_JWT_SECRET;
  }

  check(): string[] {
    if (this.NODE_ENV === 'production' && !this.LAOWU_JWT_SECRET) {
      return ['LAOWU_JWT_SECRET: required when NODE_ENV=production'];
    }
    return [];
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');
