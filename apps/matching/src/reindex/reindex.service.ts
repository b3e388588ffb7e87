import { EventEnvelope, JobChangedData, TOPICS, WorkerChangedData } from '@laowu/contracts';
import { KAFKA } from '@laowu/messaging';
import { DomainError, sleep } from '@laowu/platform';
import { IndexDefinition, indicesBehind, SEARCH_CLIENT, SearchClient } from '@laowu/search';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { latestPerId, VersionedDocument, writeVersioned } from '../indexing/index-writer';
import { toJobDocument } from '../indexing/job.document';
import { SearchIndices } from '../indexing/search-indices';
import { toWorkerDocument } from '../indexing/worker.document';
import { endOffsets, readTopicRange } from './topic-reader';

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
  ) {}

  async reindexAll(): Promise<ReindexReport[]> {
    if (this.running) throw DomainError.conflict('REINDEX.RUNNING', 'a reindex is already running');
    this.running = true;
    try {
      await this.indices.ensured();
      const jobs = await this.rebuild(this.indices.jobs, TOPICS.jobs, (e) => {
        const data = (e as EventEnvelope<JobChangedData>).data;
        return { id: data.jobId, version: data.version, source: toJobDocument(data) };
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
      writeVersioned(this.client, index, latestPerId(envelopes.map(toDocument))).then(() => undefined);
    const index = `${definition.alias}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
    await this.client.indices.create({ index, body: { settings: definition.settings, mappings: definition.mappings } } as never);
    let documents: number;
    const snapshot = await endOffsets(this.kafka, topic);
    try {
      documents = await readTopicRange(this.kafka, topic, snapshot, write(index));
      await this.client.indices.refresh({ index });
    } catch (error) {
      await this.client.indices.delete({ index }).catch(() => undefined);
      throw error;
    }
    const replaced = await indicesBehind(this.client, definition.alias);
    await this.client.indices.updateAliases({
      body: {
        actions: [
          ...replaced.map((old) => ({ remove: { index: old, alias: definition.alias } })),
          { add: { index, alias: definition.alias, is_write_index: true } },
        ],
      },
    });
    const caughtUp = await readTopicRange(this.kafka, topic, await endOffsets(this.kafka, topic), write(definition.alias), snapshot);
    this.logger.log(`rebuilt ${definition.alias} → ${index} (${documents} events, ${caughtUp} caught up)`);
    if (replaced.length) {
      await sleep(DROP_GRACE_MS);
      await this.client.indices.delete({ index: replaced });
    }
    return { alias: definition.alias, index, replaced, documents, caughtUp };
  }
}
