import { BaseConfig } from '@laowu/platform';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

export class MatchingConfig extends BaseConfig {
  override PORT = 3003;

  @IsString()
  KAFKA_GROUP_ID = 'matching';

  @Matches(/^https?:\/\/.+/, { message: 'ELASTICSEARCH_URL must be an http(s) URL' })
  ELASTICSEARCH_URL = 'http://127.0.0.1:9200';

  /** Prepended to the index aliases (`jobs`, `workers`), so tests and the benchmark get their own. */
  @Matches(/^[a-z0-9._-]*$/, { message: 'SEARCH_INDEX_PREFIX must be lowercase letters, digits, . _ -' })
  SEARCH_INDEX_PREFIX = '';

  /** How many candidates of an instant job become MatchFound events (即时快招). */
  @IsInt()
  @Min(1)
  @Max(500)
  INSTANT_TOP_N = 50;
}
