import { type EngineCalls } from './engine-limits';
import {
  type AliasAction, type BulkIndexOperation, type BulkItemResult, type IndexBody, type IndexOptions, type Json, type MultiSearchItem, type SearchClient, SearchEngineError, type SearchEngineKind,
  type SearchResult, type StoredDocument,
} from './search-client';

/** Per-call options both engine clients take. */
export interface CallOptions {
  requestTimeout?: number;
  maxRetries?: number;
}

interface RawDocument {
  _id: string;
  _version?: number;
  found?: boolean;
  _source?: unknown;
}

interface RawSearchResponse {
  hits: { total?: number | { value: number }; hits: { _id: string; _score?: number | null; _source?: unknown }[] };
  aggregations?: Json;
}

type RawMultiSearchItem = (RawSearchResponse & { error?: undefined; status?: number }) | { error: { type?: string; reason?: string }; status?: number };

/**
 * One engine's client behind the requests Laowu makes: the adapter says how each is sent (a
 * `body` here, top-level parameters there) and hands back the engine's JSON answer.
 */
export interface EngineRequests {
  readonly engine: SearchEngineKind;
  index(params: { index: string; id: string; document: object; version?: number; refresh?: boolean }, options: CallOptions): Promise<unknown>;
  get(params: { index: string; id: string }, options: CallOptions): Promise<RawDocument>;
  mget(params: { index: string; ids: string[]; sourceIncludes?: string[] }, options: CallOptions): Promise<{ docs: RawDocument[] }>;
  search(params: { index: string; body: Json }, options: CallOptions): Promise<RawSearchResponse>;
  msearch(params: { searches: Json[]; maxConcurrentSearches?: number }, options: CallOptions): Promise<{ responses: RawMultiSearchItem[] }>;
  count(params: { index: string; query: Json }, options: CallOptions): Promise<{ count: number }>;
  bulk(params: { operations: object[] }, options: CallOptions): Promise<{ items: Record<string, { _id: string; status: number; error?: { type: string; reason?: string } }>[] }>;
  deleteByQuery(params: { index: string; query: Json; refresh?: boolean }, options: CallOptions): Promise<unknown>;
  createIndex(params: { index: string } & IndexBody, options: CallOptions): Promise<unknown>;
  deleteIndex(params: { index: string[] }, options: CallOptions): Promise<unknown>;
  refresh(params: { index: string }, options: CallOptions): Promise<unknown>;
  existsAlias(params: { name: string }, options: CallOptions): Promise<boolean>;
  getAlias(params: { name: string }, options: CallOptions): Promise<Record<string, unknown>>;
  updateAliases(params: { actions: AliasAction[] }, options: CallOptions): Promise<unknown>;
  putSettings(params: { index: string; settings: Json }, options: CallOptions): Promise<unknown>;
  putMapping(params: { index: string; mappings: Json }, options: CallOptions): Promise<unknown>;
  forceMerge(params: { index: string; maxNumSegments: number }, options: CallOptions): Promise<unknown>;
  indexStats(params: { index: string; metric: string }, options: CallOptions): Promise<Json>;
  nodeStats(params: { metric: string; indexMetric?: string }, options: CallOptions): Promise<Json>;
  health(params: { timeout: string }, options: CallOptions): Promise<{ status: string }>;
  close(): Promise<void>;
}

interface ResponseErrorShape {
  name?: string;
  meta?: { statusCode?: number; body?: { error?: { type?: string; reason?: string } | string } };
}

/** Both clients reject a refused request with a `ResponseError` carrying the status and the engine's error body. */
function toSearchEngineError(error: unknown): unknown {
  const e = error as ResponseErrorShape;
  if (e?.name !== 'ResponseError' || typeof e.meta?.statusCode !== 'number') return error;
  const body = e.meta.body?.error;
  return typeof body === 'object' ? new SearchEngineError(e.meta.statusCode, body.type, body.reason) : new SearchEngineError(e.meta.statusCode, undefined, body);
}

const storedDocument = <T>(doc: RawDocument): StoredDocument<T> | undefined =>
  doc.found ? { id: doc._id, version: doc._version!, source: doc._source as T } : undefined;

function searchResult<T>(raw: RawSearchResponse): SearchResult<T> {
  const total = raw.hits.total;
  return {
    total: typeof total === 'number' ? total : total?.value,
    hits: raw.hits.hits.map((hit) => ({ id: hit._id, score: hit._score ?? null, source: hit._source as T })),
    ...(raw.aggregations ? { aggregations: raw.aggregations } : {}),
  };
}

function multiSearchItem<T>(raw: RawMultiSearchItem): MultiSearchItem<T> {
  if (raw.error) return { failure: { status: raw.status ?? 500, type: raw.error.type, reason: raw.error.reason } };
  return { result: searchResult<T>(raw) };
}

const bulkAction = (op: BulkIndexOperation) =>
  ({ index: { _index: op.index, _id: op.id, ...(op.version === undefined ? {} : { version: op.version, version_type: 'external' }) } });

/** Our SearchClient over either engine: every call bounded (engine-limits.ts), answers and errors translated once. */
export class EngineClient implements SearchClient {
  readonly engine: SearchEngineKind;

  constructor(
    private readonly requests: EngineRequests,
    private readonly calls: EngineCalls,
  ) {
    this.engine = requests.engine;
  }

  private call<R>(send: (options: CallOptions) => Promise<R>): Promise<R> {
    return this.calls.run(send).catch((error: unknown) => Promise.reject(toSearchEngineError(error)));
  }

  async index(index: string, id: string, source: object, options: IndexOptions = {}): Promise<void> {
    await this.call((o) => this.requests.index({ index, id, document: source, ...options }, o));
  }

  async get<T>(index: string, id: string): Promise<StoredDocument<T> | undefined> {
    try {
      return storedDocument<T>(await this.call((o) => this.requests.get({ index, id }, o)));
    } catch (error) {
      if (error instanceof SearchEngineError && error.statusCode === 404) return undefined;
      throw error;
    }
  }

  async mget<T>(index: string, ids: string[], options: { sourceIncludes?: string[] } = {}): Promise<(StoredDocument<T> | undefined)[]> {
    const { docs } = await this.call((o) => this.requests.mget({ index, ids, ...options }, o));
    return docs.map((doc) => storedDocument<T>(doc));
  }

  async search<T>(index: string, body: Json): Promise<SearchResult<T>> {
    return searchResult<T>(await this.call((o) => this.requests.search({ index, body }, o)));
  }

  async msearch<T>(searches: { index: string; body: Json }[], options: { maxConcurrentSearches?: number } = {}): Promise<MultiSearchItem<T>[]> {
    const lines = searches.flatMap(({ index, body }) => [{ index }, body]);
    const { responses } = await this.call((o) => this.requests.msearch({ searches: lines, ...options }, o));
    return responses.map((raw) => multiSearchItem<T>(raw));
  }

  async count(index: string, query: Json): Promise<number> {
    return (await this.call((o) => this.requests.count({ index, query }, o))).count;
  }

  async bulk(operations: BulkIndexOperation[]): Promise<BulkItemResult[]> {
    const lines = operations.flatMap((op) => [bulkAction(op), op.source]);
    const { items } = await this.call((o) => this.requests.bulk({ operations: lines }, o));
    return items.map((item) => {
      const { _id, status, error } = Object.values(item)[0];
      return error ? { id: _id, status, error: { type: error.type, reason: error.reason } } : { id: _id, status };
    });
  }

  async deleteByQuery(index: string, query: Json, options: { refresh?: boolean } = {}): Promise<void> {
    await this.call((o) => this.requests.deleteByQuery({ index, query, ...options }, o));
  }

  async createIndex(index: string, body: IndexBody): Promise<void> {
    await this.call((o) => this.requests.createIndex({ index, ...body }, o));
  }

  async deleteIndex(index: string | string[]): Promise<void> {
    await this.call((o) => this.requests.deleteIndex({ index: [index].flat() }, o));
  }

  async refresh(index: string): Promise<void> {
    await this.call((o) => this.requests.refresh({ index }, o));
  }

  async aliasTargets(alias: string): Promise<string[]> {
    if (!(await this.call((o) => this.requests.existsAlias({ name: alias }, o)))) return [];
    return Object.keys(await this.call((o) => this.requests.getAlias({ name: alias }, o)));
  }

  async updateAliases(actions: AliasAction[]): Promise<void> {
    await this.call((o) => this.requests.updateAliases({ actions }, o));
  }

  async putSettings(index: string, settings: Json): Promise<void> {
    await this.call((o) => this.requests.putSettings({ index, settings }, o));
  }

  async putMapping(index: string, mappings: Json): Promise<void> {
    await this.call((o) => this.requests.putMapping({ index, mappings }, o));
  }

  async forceMerge(index: string, maxNumSegments: number): Promise<void> {
    await this.call((o) => this.requests.forceMerge({ index, maxNumSegments }, o));
  }

  async storeBytes(index: string): Promise<number> {
    const stats = (await this.call((o) => this.requests.indexStats({ index, metric: 'store' }, o))) as { _all: { primaries: { store: { size_in_bytes: number } } } };
    return stats._all.primaries.store.size_in_bytes;
  }

  nodeStats(metric: string, indexMetric?: string): Promise<Json> {
    return this.call((o) => this.requests.nodeStats({ metric, indexMetric }, o));
  }

  async health(): Promise<{ status: string }> {
    const health = await this.requests.health({ timeout: '1s' }, { requestTimeout: 1500, maxRetries: 0 }).catch((error: unknown) => Promise.reject(toSearchEngineError(error)));
    return { status: health.status };
  }

  close(): Promise<void> {
    return this.requests.close();
  }
}
