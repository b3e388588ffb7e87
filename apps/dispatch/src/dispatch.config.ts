import { BaseConfig } from '@laowu/platform';
import { IsString } from 'class-validator';

export class DispatchConfig extends BaseConfig {
  override PORT = 3004;

  @IsString()
  KAFKA_GROUP_ID = 'dispatch';
}
