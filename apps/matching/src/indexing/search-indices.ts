import { APP_CONFIG } from '@laowu/platform';
import { ensureIndex, IndexDefinition, SEARCH_CLIENT, SearchClient } from '@laowu/search';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { sleep } from '@laowu/platform';
import { MatchingConfig } from '../matching.config';
import { jobsIndex, workersIndex } from './index-definitions';

/** The two aliases this app reads and writes, created (with their first index) at start. */
@Injectable()
export class SearchIndices implements OnApplicationBootstrap {
  private readonly logger = new Logger(SearchIndices.name);
  readonly jobs: IndexDefinition;
  readonly workers: IndexDefinition;
  private ready?: Promise<void>;

  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    @Inject(APP_CONFIG) config: MatchingConfig,
  ) {
    this.jobs = jobsIndex(config.SEARCH_INDEX_PREFIX);
    this.workers = workersIndex(config.SEARCH_INDEX_PREFIX);
  }

  onApplicationBootstrap(): void {
    void this.ensured().catch(() => undefined);
  }

  /** Resolves once both aliases exist; retried while the search engine is away. */
  ensured(): Promise<void> {
    this.ready ??= this.ensure();
    return this.ready;
  }

  private async ensure(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await ensureIndex(this.client, this.jobs);
        await ensureIndex(this.client, this.workers);
        return;
      } catch (error) {
        if (attempt === 1) this.logger.warn(`indices not ensured yet: ${(error as Error).message}`);
        if (attempt >= 30) {
          this.ready = undefined;
          throw error;
        }
        await sleep(Math.min(200 * attempt, 2000));
      }
    }
  }
}
