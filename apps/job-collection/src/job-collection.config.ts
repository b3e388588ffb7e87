import { BaseConfig } from '@laowu/platform';
import { IsInt, IsString, Min } from 'class-validator';

export class JobCollectionConfig extends BaseConfig {
  override PORT = 3001;

  /** A bulk call carries up to 1,000 jobs, each up to ~6 kB with a long description. */
  override BODY_LIMIT_BYTES = 8 * 1024 * 1024;

  @IsString()
  KAFKA_GROUP_ID = 'job-collection';

  /** How often open jobs whose endAt has passed are marked expired. */
  @IsInt()
  @Min(100)
  EXPIRY_SWEEP_INTERVAL_MS = 60_000;
}
