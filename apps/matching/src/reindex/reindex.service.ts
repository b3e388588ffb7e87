import { EventEnvelope, JobChangedData, TOPICS, WorkerChangedData } from '@laowu/contracts';
import { KAFKA, latestPerId } from '@laowu/messaging';
import { DomainError } from '@laowu/platform';
import { IndexDefinition, rebuildIndex, SEARCH_CLIENT, SearchClient } from '@laowu/search';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { VersionedDocument, writeVersioned } from '../indexing/index-writer';
import { toJobDocument } from '../indexing/job.document';
import { LaborBrandNames } from '../indexing/labor-brand-names';
import { SearchIndices } from '../indexing/search-indices';
import { toWorkerDocument } from '../indexing/worker.document';
import { endOffsets, readTopicRange } from './topic-reader';
import { ERRORS } from '../matching.errors';

export interface ReindexReport {
  alias: string;
  index: string;
  replaced: string[];
  documents: number;
  caughtUp: number;
}

/** How long a replaced index stays after the swap, so queries already running on it finish. */
const DROP_GRACE_MS = 2000;

/**
 * Rebuilds `jobs` and `workers` from the compacted topics (matching is a derived read model):
 * read each topic from the beginning into a new index, swap the alias in one atomic call, then
 * replay what arrived on the topic meanwhile into the alias. Queries use the old index until the
 * swap and the new one after; the live consumers keep writing to the alias throughout.
 *
 * A crash halfway leaves an orphan index that no alias points to (the old one keeps serving); a
 * new reindex is unaffected. Writes use external versions, so the catch-up replay is idempotent.
 */
@Injectable()
export class ReindexService {
  private readonly logger = new Logger(ReindexService.name);
  private running = false;

  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly indices: SearchIndices,
    private readonly brands: LaborBrandNames,
  ) {}

  async reindexAll(): Promise<ReindexReport[]> {
    if (this.running) throw DomainError.conflict(ERRORS.REINDEX_RUNNING, 'a reindex is already running');
    this.running = true;
    try {
      await this.indices.ensured();
      const jobs = await this.rebuild(this.indices.jobs, TOPICS.jobs, (e) => {
        const data = (e as EventEnvelope<JobChangedData>).data;
        return { id: data.jobId, version: data.version, source: toJobDocument(data, (code) => this.brands.namesOf(code)) };
      });
      const workers = await this.rebuild(this.indices.workers, TOPICS.workers, (e) => {
        const data = (e as EventEnvelope<WorkerChangedData>).data;
        return { id: data.workerId, version: data.version, source: toWorkerDocument(data) };
      });
      return [jobs, workers];
    } finally {
      this.running = false;
    }
  }

  private async rebuild(definition: IndexDefinition, topic: string, toDocument: (e: EventEnvelope) => VersionedDocument): Promise<ReindexReport> {
    const write = (index: string) => (envelopes: EventEnvelope[]) =>
      writeVersioned(this.client, index, latestPerId(envelopes.map(toDocument), (d) => d.id)).then(() => undefined);
    const snapshot = await endOffsets(this.kafka, topic);
    let documents = 0;
    let caughtUp = 0;
    const { index, replaced } = await rebuildIndex(
      this.client,
      definition,
      async (target) => {
        documents = await readTopicRange(this.kafka, topic, snapshot, write(target));
      },
      {
        afterSwap: async () => {
          caughtUp = await readTopicRange(this.kafka, topic, await endOffsets(this.kafka, topic), write(definition.alias), snapshot);
        },
        dropAfterMs: DROP_GRACE_MS,
      },
    );
    this.logger.log(`rebuilt ${definition.alias} → ${index} (${documents} events, ${caughtUp} caught up)`);
    return { alias: definition.alias, index, replaced, documents, caughtUp };
  }
}
