import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ReadinessCheck, withTimeout } from '@laowu/platform';
import { EngineClient, EngineRequests } from './engine-client';
import { DEFAULT_SEARCH_LIMITS, EngineCalls, SearchLimits } from './engine-limits';
import { createElasticsearchClient, elasticsearchRequests } from './elasticsearch.adapter';
import { createOpenSearchClient, openSearchRequests } from './opensearch.adapter';
import { SearchClient } from './search-client';
import { SearchConnection } from './search-connection';

/**
 * Our search client (search-client.ts) over OpenSearch or Elasticsearch 8, as the connection's
 * `engine` says. Locally and in CI the engine is OpenSearch (its server and modules are on Maven
 * Central; Elasticsearch 8's modules are not); no code outside this lib imports an engine client.
 */
export const SEARCH_CLIENT = Symbol('SEARCH_CLIENT');

function engineRequests(connection: SearchConnection, requestTimeoutMs: number): EngineRequests {
  return connection.engine === 'elasticsearch'
    ? elasticsearchRequests(createElasticsearchClient(connection, requestTimeoutMs))
    : openSearchRequests(createOpenSearchClient(connection, requestTimeoutMs));
}

/**
 * A URL alone (tests, tools: OpenSearch), or the app's connection with its engine, auth and TLS.
 * Its calls are bounded (engine-limits.ts): at most `maxConcurrent` at once; a call made for a
 * waiting HTTP caller waits briefly for a slot and times out sooner, anything else waits its turn.
 */
export function createSearchClient(connection: string | SearchConnection, limits: Partial<SearchLimits> = {}): SearchClient {
  const bounds = { ...DEFAULT_SEARCH_LIMITS, ...limits };
  const resolved = typeof connection === 'string' ? { node: connection } : connection;
  return new EngineClient(engineRequests(resolved, bounds.requestTimeoutMs), new EngineCalls(bounds));
}

@Injectable()
export class SearchReadiness implements ReadinessCheck {
  readonly name = 'search';

  constructor(@Inject(SEARCH_CLIENT) private readonly client: SearchClient) {}

  async check(): Promise<void> {
    const health = await withTimeout(this.client.health(), 2000, 'search engine');
    if (health.status === 'red') throw new Error('search cluster is red');
  }
}

class ClientCloser implements OnApplicationShutdown {
  constructor(@Inject(SEARCH_CLIENT) private readonly client: SearchClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

@Module({})
export class SearchModule {
  static forRoot(options: SearchConnection, limits: Partial<SearchLimits> = {}): DynamicModule {
    return {
      module: SearchModule,
      global: true,
      providers: [{ provide: SEARCH_CLIENT, useFactory: () => createSearchClient(options, limits) }, SearchReadiness, ClientCloser],
      exports: [SEARCH_CLIENT, SearchReadiness],
    };
  }
}
