import { BaseConfig } from '@laowu/platform';
import { IsString } from 'class-validator';

export class WorkerProfilesConfig extends BaseConfig {
  override PORT = 3002;

  @IsString()
  KAFKA_GROUP_ID = 'worker-profiles';
}
