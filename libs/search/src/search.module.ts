import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ReadinessCheck, withTimeout } from '@laowu/platform';
import { Client } from '@opensearch-project/opensearch';

/**
 * The search engine client. Locally and in CI this is OpenSearch (its server and modules are on
 * Maven Central; Elasticsearch 8's modules are not); the client is created here only so that a
 * move to another engine touches this lib alone.
 */
export const SEARCH_CLIENT = Symbol('SEARCH_CLIENT');
export type SearchClient = Client;

export function createSearchClient(node: string): SearchClient {
  return new Client({ node, requestTimeout: 30000, maxRetries: 2, compression: undefined });
}

@Injectable()
export class SearchReadiness implements ReadinessCheck {
  readonly name = 'search';

  constructor(@Inject(SEARCH_CLIENT) private readonly client: SearchClient) {}

  async check(): Promise<void> {
    const { body } = await withTimeout(
      this.client.cluster.health({ timeout: '1s' }, { requestTimeout: 1500, maxRetries: 0 }),
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
  static forRoot(options: { node: string }): DynamicModule {
    return {
      module: SearchModule,
      global: true,
      providers: [{ provide: SEARCH_CLIENT, useFactory: () => createSearchClient(options.node) }, SearchReadiness, ClientCloser],
      exports: [SEARCH_CLIENT, SearchReadiness],
    };
  }
}
