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

  /**
   * How often each instance re-reads the ranking weights (the admin's versioned config) besides
   * on a change's NOTIFY: the bound on how long a missed notification leaves an instance behind.
   */
  @IsInt()
  @Min(1)
  @Max(3600)
  RANKING_WEIGHTS_REFRESH_SECONDS: number = 60;

  /**
   * Diversification of matches-for-worker and the worker_available push (ranking/diversify.ts):
   * within any DIVERSITY_WINDOW consecutive places (no more than the list's length), at most this
   * percentage (rounded down, at least 1) are one agency's jobs while other jobs match. 50: at most
   * 5 of any 10, 2 of a 5-job push. 100 turns the agency cap off.
   */
  @IsInt()
  @Min(1)
  @Max(100)
  DIVERSITY_MAX_PER_AGENCY_PCT: number = 50;

  /** The places an agency's share and near-duplicate titles are counted over (see DIVERSITY_MAX_PER_AGENCY_PCT). */
  @IsInt()
  @Min(2)
  @Max(50)
  DIVERSITY_WINDOW: number = 10;

  /** Most of one agency's near-duplicate titles (same normalised title, or bigram Jaccard ≥ 0.6) within a window. */
  @IsInt()
  @Min(1)
  @Max(50)
  DIVERSITY_MAX_SIMILAR_TITLES: number = 2;

  override check(): string[] {
    return [...super.check(), ...searchSettingsProblems(this)];
  }
}
