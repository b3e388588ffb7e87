import { readFileSync } from 'node:fs';
import { Client, type ClientOptions, Transport, type TransportOptions } from '@elastic/elasticsearch';
import { type EngineRequests } from './engine-client';
import { type SearchConnection } from './search-connection';

/** Client options for auth and TLS, only what is configured (reads the CA file). */
function elasticsearchSecurityOptions(connection: Pick<SearchConnection, 'auth' | 'caFile'>): Pick<ClientOptions, 'auth' | 'tls'> {
  const options: Pick<ClientOptions, 'auth' | 'tls'> = {};
  if (connection.auth) options.auth = connection.auth;
  if (connection.caFile) options.tls = { ca: readFileSync(connection.caFile, 'utf8'), rejectUnauthorized: true };
  return options;
}

/** Like the OpenSearch client, a timed-out attempt is retried (within maxRetries); this client's default is not to. */
class RetryingOnTimeout extends Transport {
  constructor(options: TransportOptions) {
    super({ ...options, retryOnTimeout: true });
  }
}

export function createElasticsearchClient(connection: SearchConnection, requestTimeoutMs: number): Client {
  const { node } = connection;
  return new Client({ node, requestTimeout: requestTimeoutMs, maxRetries: 2, Transport: RetryingOnTimeout, ...elasticsearchSecurityOptions(connection) });
}

// Our query bodies are the engines' common DSL, not the client's generated types.
type Loose = never;

/**
 * Elasticsearch 8 (@elastic/elasticsearch): request bodies as top-level parameters (`document`,
 * `operations`, `searches`, `query`), answers directly.
 */
export function elasticsearchRequests(client: Client): EngineRequests {
  return {
    engine: 'elasticsearch',
    index: ({ index, id, document, version, refresh }, o) =>
      client.index({ index, id, document, refresh, ...(version === undefined ? {} : { version, version_type: 'external' as const }) }, o),
    get: (params, o) => client.get(params, o),
    mget: ({ index, ids, sourceIncludes }, o) => client.mget({ index, ids, _source_includes: sourceIncludes }, o),
    search: ({ index, body }, o) => client.search({ index, ...body } as Loose, o) as never,
    msearch: ({ searches, maxConcurrentSearches }, o) => client.msearch({ searches, max_concurrent_searches: maxConcurrentSearches } as Loose, o) as never,
    count: ({ index, query }, o) => client.count({ index, query } as Loose, o),
    bulk: ({ operations }, o) => client.bulk({ operations } as Loose, o) as never,
    deleteByQuery: ({ index, query, refresh }, o) => client.deleteByQuery({ index, query, refresh } as Loose, o),
    createIndex: (params, o) => client.indices.create(params as Loose, o),
    // Elasticsearch 8 refuses to delete by wildcard (action.destructive_requires_name): resolve the names first.
    deleteIndex: async ({ index }, o) => {
      if (!index.some((name) => name.includes('*'))) return client.indices.delete({ index }, o);
      const names = Object.keys(await client.indices.get({ index, expand_wildcards: 'all', allow_no_indices: true }, o));
      return names.length ? client.indices.delete({ index: names }, o) : undefined;
    },
    refresh: (params, o) => client.indices.refresh(params, o),
    existsAlias: (params, o) => client.indices.existsAlias(params, o),
    getAlias: (params, o) => client.indices.getAlias(params, o),
    updateAliases: (params, o) => client.indices.updateAliases(params, o),
    putSettings: ({ index, settings }, o) => client.indices.putSettings({ index, settings } as Loose, o),
    putMapping: ({ index, mappings }, o) => client.indices.putMapping({ index, ...mappings } as Loose, o),
    forceMerge: ({ index, maxNumSegments }, o) => client.indices.forcemerge({ index, max_num_segments: maxNumSegments }, o),
    indexStats: ({ index, metric }, o) => client.indices.stats({ index, metric } as Loose, o) as never,
    nodeStats: ({ metric, indexMetric }, o) => client.nodes.stats({ metric, index_metric: indexMetric } as Loose, o) as never,
    health: (params, o) => client.cluster.health(params, o),
    close: () => client.close(),
  };
}
