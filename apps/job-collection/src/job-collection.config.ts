import { BaseConfig } from '@laowu/platform';
import { IsString } from 'class-validator';

export class JobCollectionConfig extends BaseConfig {
  override PORT = 3001;

  @IsString()
  KAFKA_GROUP_ID = 'job-collection';
}
