import { BaseConfig } from '@laowu/platform';
import { IsString, Matches } from 'class-validator';

export class MatchingConfig extends BaseConfig {
  override PORT = 3003;

  @IsString()
  KAFKA_GROUP_ID = 'matching';

  @Matches(/^https?:\/\/.+/, { message: 'ELASTICSEARCH_URL must be an http(s) URL' })
  ELASTICSEARCH_URL = 'http://127.0.0.1:9200';
}
