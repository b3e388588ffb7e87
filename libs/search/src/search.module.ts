import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ReadinessCheck, withTimeout } from '@laowu/platform';
import { Client } from '@opensearch-project/opensearch';
import { DEFAULT_SEARCH_LIMITS, limitedTransport, SearchLimits, UNBOUNDED_CALL } from './engine-limits';
import { SearchConnection, searchSecurityOptions } from './search-connection';

/**
 * The search engine client. Locally and in CI this is OpenSearch (its server and modules are on
 * Maven Central; Elasticsearch 8's modules are not); the client is created here only so that a
 * move to another engine touches this lib alone.
 */
export const SEARCH_CLIENT = Symbol('SEARCH_CLIENT');
export type SearchClient = Client;

/**
 * A URL alone (tests, tools), or the app's connection with auth and TLS when configured. Its calls
 * are bounded (engine-limits.ts): at most `maxConcurrent` at once; a call made for a waiting HTTP
 * caller waits briefly for a slot and times out sooner, anything else waits its turn.
 */
export function createSearchClient(connection: string | SearchConnection, limits: Partial<SearchLimits> = {}): SearchClient {
  const { node, ...security } = typeof connection === 'string' ? { node: connection } : connection;
  const bounds = { ...DEFAULT_SEARCH_LIMITS, ...limits };
  return new Client({
    node, requestTimeout: bounds.requestTimeoutMs, maxRetries: 2, compression: undefined, Transport: limitedTransport(bounds), ...searchSecurityOptions(security),
  });
}

@Injectable()
export class SearchReadiness implements ReadinessCheck {
  readonly name = 'search';

  constructor(@Inject(SEARCH_CLIENT) private readonly client: SearchClient) {}

  async check(): Promise<void> {
    const { body } = await withTimeout(
      // Outside the bound: readiness must answer while the app sheds load (one small call).
      this.client.cluster.health({ timeout: '1s' }, { requestTimeout: 1500, maxRetries: 0, ...UNBOUNDED_CALL }),
      2000,
      'search engine',
    );
    if (body.status === 'red') throw new Error('search cluster is red');
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
