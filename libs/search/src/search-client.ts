/** The engines libs/search speaks to; SEARCH_ENGINE picks one. */
export const SEARCH_ENGINES = ['opensearch', 'elasticsearch'] as const;
export type SearchEngineKind = (typeof SEARCH_ENGINES)[number];

export type Json = Record<string, unknown>;

export interface StoredDocument<T> {
  id: string;
  version: number;
  source: T;
}

export interface SearchHit<T> {
  id: string;
  score: number | null;
  source: T;
}

export interface SearchResult<T> {
  /** Only when the search asked for it (`track_total_hits`). */
  total?: number;
  hits: SearchHit<T>[];
  aggregations?: Json;
}

/** A search of an msearch, a bulk item: the engine's status and error, as it sent them. */
export interface EngineFailure {
  status: number;
  type?: string;
  reason?: string;
}

export type MultiSearchItem<T> = { result: SearchResult<T>; failure?: undefined } | { failure: EngineFailure; result?: undefined };

export interface IndexOptions {
  /** Written as an external version: the engine refuses (409) one not above the stored version. */
  version?: number;
  refresh?: boolean;
}

export interface BulkIndexOperation extends IndexOptions {
  index: string;
  id: string;
  source: object;
}

export interface BulkItemResult {
  id: string;
  status: number;
  error?: { type: string; reason?: string };
}

export interface IndexBody {
  settings?: Json;
  mappings?: Json;
  aliases?: Record<string, Json>;
}

export type AliasAction = { add: { index: string; alias: string; is_write_index?: boolean } } | { remove: { index: string; alias: string } };

/**
 * What Laowu asks of a search engine, the same for OpenSearch and Elasticsearch 8: query bodies
 * are the engines' common query DSL; answers are ours. A refused request rejects with
 * SearchEngineError; an unreachable engine with the client's ConnectionError / TimeoutError.
 */
export interface SearchClient {
  readonly engine: SearchEngineKind;
  index(index: string, id: string, source: object, options?: IndexOptions): Promise<void>;
  /** Real-time get; undefined when the document (or its index) does not exist. */
  get<T>(index: string, id: string): Promise<StoredDocument<T> | undefined>;
  /** In the order of `ids`; undefined for each one not found. */
  mget<T>(index: string, ids: string[], options?: { sourceIncludes?: string[] }): Promise<(StoredDocument<T> | undefined)[]>;
  search<T>(index: string, body: Json): Promise<SearchResult<T>>;
  msearch<T>(searches: { index: string; body: Json }[], options?: { maxConcurrentSearches?: number }): Promise<MultiSearchItem<T>[]>;
  count(index: string, query: Json): Promise<number>;
  /** One bulk request; each item's outcome in order (a failed item does not reject). */
  bulk(operations: BulkIndexOperation[]): Promise<BulkItemResult[]>;
  deleteByQuery(index: string, query: Json, options?: { refresh?: boolean }): Promise<void>;
  createIndex(index: string, body: IndexBody): Promise<void>;
  /** Names or wildcard patterns (closed and hidden indices included). */
  deleteIndex(index: string | string[]): Promise<void>;
  refresh(index: string): Promise<void>;
  /** The concrete indices an alias points to (none when it does not exist). */
  aliasTargets(alias: string): Promise<string[]>;
  /** All actions in one atomic call. */
  updateAliases(actions: AliasAction[]): Promise<void>;
  putSettings(index: string, settings: Json): Promise<void>;
  /** Adds the mapping's new fields to an existing index (a changed field is refused: that needs a rebuild). */
  putMapping(index: string, mappings: Json): Promise<void>;
  forceMerge(index: string, maxNumSegments: number): Promise<void>;
  storeBytes(index: string): Promise<number>;
  /** The engine's node statistics as it sent them (benchmarks). */
  nodeStats(metric: string, indexMetric?: string): Promise<Json>;
  /** Cluster health, outside the bound on calls (the readiness probe must answer under load). */
  health(): Promise<{ status: string }>;
  close(): Promise<void>;
}

/** The engine refused a request (a response with an error status), mapped alike for both engines. */
export class SearchEngineError extends Error {
  override readonly name = 'SearchEngineError';
  /** Where platform's isTransient looks for the status (429, 502-504 are retried). */
  readonly meta: { statusCode: number };

  constructor(
    readonly statusCode: number,
    readonly type: string | undefined,
    reason: string | undefined,
  ) {
    super(`search engine answered ${statusCode}${type ? ` ${type}` : ''}${reason ? `: ${reason}` : ''}`);
    this.meta = { statusCode };
  }
}
