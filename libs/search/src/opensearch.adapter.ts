import { readFileSync } from 'node:fs';
import { Client, type ClientOptions } from '@opensearch-project/opensearch';
import { type EngineRequests } from './engine-client';
import { type SearchConnection } from './search-connection';

/**
 * Client options for auth and TLS, only what is configured (reads the CA file). An API key
 * travels as Elasticsearch's `Authorization: ApiKey …` header (the OpenSearch client has no
 * option of its own for it).
 */
function openSearchSecurityOptions(connection: Pick<SearchConnection, 'auth' | 'caFile'>): Pick<ClientOptions, 'auth' | 'headers' | 'ssl'> {
  const options: Pick<ClientOptions, 'auth' | 'headers' | 'ssl'> = {};
  if (connection.auth && 'apiKey' in connection.auth) options.headers = { authorization: `ApiKey ${connection.auth.apiKey}` };
  else if (connection.auth) options.auth = { username: connection.auth.username, password: connection.auth.password };
  if (connection.caFile) options.ssl = { ca: readFileSync(connection.caFile, 'utf8'), rejectUnauthorized: true };
  return options;
}

export function createOpenSearchClient(connection: SearchConnection, requestTimeoutMs: number): Client {
  const { node } = connection;
  return new Client({ node, requestTimeout: requestTimeoutMs, maxRetries: 2, compression: undefined, ...openSearchSecurityOptions(connection) });
}

type Sent<T> = Promise<{ body: T }>;
// The OpenSearch client's generated request types lag the engine; our requests are checked by EngineRequests.
type Loose = never;

/** OpenSearch (@opensearch-project/opensearch): request bodies under `body`, answers under `{ body }`. */
export function openSearchRequests(client: Client): EngineRequests {
  const body = <T>(sent: Sent<unknown>) => sent.then((response) => response.body as T);
  return {
    engine: 'opensearch',
    index: ({ index, id, document, version, refresh }, o) =>
      body(client.index({ index, id, body: document, refresh, ...(version === undefined ? {} : { version, version_type: 'external' }) } as Loose, o)),
    get: (params, o) => body(client.get(params, o)),
    mget: ({ index, ids, sourceIncludes }, o) => body(client.mget({ index, body: { ids }, _source_includes: sourceIncludes } as Loose, o)),
    search: ({ index, body: request }, o) => body(client.search({ index, body: request } as Loose, o)),
    msearch: ({ searches, maxConcurrentSearches }, o) => body(client.msearch({ body: searches, max_concurrent_searches: maxConcurrentSearches } as Loose, o)),
    count: ({ index, query }, o) => body(client.count({ index, body: { query } } as Loose, o)),
    bulk: ({ operations }, o) => body(client.bulk({ body: operations } as Loose, o)),
    deleteByQuery: ({ index, query, refresh }, o) => body(client.deleteByQuery({ index, refresh, body: { query } } as Loose, o)),
    createIndex: ({ index, ...definition }, o) => body(client.indices.create({ index, body: definition } as Loose, o)),
    deleteIndex: ({ index }, o) => body(client.indices.delete({ index, expand_wildcards: 'all' } as Loose, o)),
    refresh: (params, o) => body(client.indices.refresh(params, o)),
    existsAlias: (params, o) => body(client.indices.existsAlias(params, o)),
    getAlias: (params, o) => body(client.indices.getAlias(params, o)),
    updateAliases: (actions, o) => body(client.indices.updateAliases({ body: actions } as Loose, o)),
    putSettings: ({ index, settings }, o) => body(client.indices.putSettings({ index, body: settings } as Loose, o)),
    putMapping: ({ index, mappings }, o) => body(client.indices.putMapping({ index, body: mappings } as Loose, o)),
    forceMerge: ({ index, maxNumSegments }, o) => body(client.indices.forcemerge({ index, max_num_segments: maxNumSegments } as Loose, o)),
    indexStats: (params, o) => body(client.indices.stats(params as Loose, o)),
    nodeStats: ({ metric, indexMetric }, o) => body(client.nodes.stats({ metric, index_metric: indexMetric } as Loose, o)),
    health: (params, o) => body(client.cluster.health(params, o)),
    close: () => client.close(),
  };
}
