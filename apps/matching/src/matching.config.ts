import { BaseConfig } from '@laowu/platform';
import { SEARCH_ENGINES, SearchEngineKind, searchSettingsProblems } from '@laowu/search';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class MatchingConfig extends BaseConfig {
  override PORT = 3003;

  @IsString()
  KAFKA_GROUP_ID = 'matching';

  /** Which engine ELASTICSEARCH_URL is: OpenSearch 2 or Elasticsearch 8 (each has its client in libs/search). */
  @IsIn(SEARCH_ENGINES, { message: `SEARCH_ENGINE must be one of ${SEARCH_ENGINES.join(', ')}` })
  SEARCH_ENGINE: SearchEngineKind = 'opensearch';

  @Matches(/^https?:\/\/.+/, { message: 'ELASTICSEARCH_URL must be an http(s) URL' })
  ELASTICSEARCH_URL = 'http://127.0.0.1:9200';

  /** Basic auth to the search engine (with ELASTICSEARCH_PASSWORD, from a Secret); needs https. */
  @IsOptional() @IsString()
  ELASTICSEARCH_USERNAME?: string;

  @IsOptional() @IsString()
  ELASTICSEARCH_PASSWORD?: string;

  /** Instead of basic auth: an Elasticsearch API key (base64 id:key), sent as `Authorization: ApiKey …`. */
  @IsOptional() @IsString()
  ELASTICSEARCH_API_KEY?: string;

  /** A CA (PEM) to trust for the engine's certificate, besides the system's (https only). */
  @IsOptional() @IsString()
  ELASTICSEARCH_CA_FILE?: string;

  /** Prepended to the index aliases (`jobs`, `workers`), so tests and the benchmark get their own. */
  @Matches(/^[a-z0-9._-]*$/, { message: 'SEARCH_INDEX_PREFIX must be lowercase letters, digits, . _ -' })
  SEARCH_INDEX_PREFIX = '';

  /** How many candidates of an instant job are pushed (即时快招). */
  @IsInt()
  @Min(1)
  @Max(500)
  INSTANT_TOP_N: number = 50;

  /** How many workers from its source regions a cross-region job is pushed with (五). */
  @IsInt()
  @Min(1)
  @Max(500)
  CROSS_REGION_TOP_N: number = 50;

  /** How many of their best open jobs a worker who became available gets pushed (转岗服务, 十四). */
  @IsInt()
  @Min(1)
  @Max(50)
  WORKER_AVAILABLE_TOP_N: number = 5;

  /**
   * A job or worker event older than this (by its updatedAt) is indexed but pushes nothing: after
   * a replay of the topic (a new consumer group, a rebuild) old changes are not news any more.
   */
  @IsInt()
  @Min(1)
  PUSH_MAX_AGE_SECONDS: number = 3600;

  override check(): string[] {
    return [...super.check(), ...searchSettingsProblems(this)];
  }
}
