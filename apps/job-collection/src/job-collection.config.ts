import { BaseConfig } from '@laowu/platform';
import { IsInt, IsString, Min } from 'class-validator';

export class JobCollectionConfig extends BaseConfig {
  override PORT = 3001;

  // Numeric settings carry an explicit `: number` so that their decorator metadata says Number
  // and an environment value ("3") is converted; BaseConfig's own unannotated numbers are not.

  /** A bulk call carries up to 1,000 jobs, each up to ~6 kB with a long description. */
  @IsInt()
  @Min(1024)
  override BODY_LIMIT_BYTES: number = 8 * 1024 * 1024;

  @IsInt()
  @Min(1)
  override RATE_LIMIT_PER_MINUTE: number = 600;

  @IsString()
  KAFKA_GROUP_ID = 'job-collection';

  /** How often open jobs whose endAt has passed are marked expired. */
  @IsInt()
  @Min(100)
  EXPIRY_SWEEP_INTERVAL_MS: number = 60_000;
}
