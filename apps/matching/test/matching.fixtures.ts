import { createEnvelope, JobChanged, type JobChangedData, TOPICS, WorkerChanged, type WorkerChangedData } from '@laowu/contracts';
import { createKafka, EventPublisher } from '@laowu/messaging';
import { type SearchClient } from '@laowu/search';
import { eventually } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import { testInfra } from '../../../test/support/infra';

export { jobData, workerData } from '../src/indexing/event-data.fixtures';

export class Producer {
  private readonly publisher = new EventPublisher(createKafka({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'matching-test' }));

  /** As job-collection publishes: every job on laowu.jobs.v1, a gig or instant one also on the instant lane's topic. */
  async jobs(...jobs: JobChangedData[]): Promise<void> {
    await this.publisher.send(TOPICS.jobs, jobs.map((j) => message(createEnvelope(JobChanged, j, { producer: 'job-collection' }))));
    const instant = jobs.filter((j) => j.kind === 'gig' || j.instant);
    if (instant.length) await this.publisher.send(TOPICS.jobsInstant, instant.map((j) => message(createEnvelope(JobChanged, j, { producer: 'job-collection' }))));
  }

  async workers(...workers: WorkerChangedData[]): Promise<void> {
    await this.publisher.send(TOPICS.workers, workers.map((w) => message(createEnvelope(WorkerChanged, w, { producer: 'worker-profiles' }))));
  }

  async raw(topic: string, key: string, value: string): Promise<void> {
    await this.publisher.send(topic, [{ key, value }]);
  }

  close(): Promise<void> {
    return this.publisher.close();
  }
}

function message(envelope: { key: string }) {
  return { key: envelope.key, value: JSON.stringify(envelope) };
}

/** Waits until the index behind `alias` holds `id` at `version` (or newer). */
export async function indexed(client: SearchClient, alias: string, id: string, version: number, timeoutMs = 30000): Promise<void> {
  await eventually(async () => {
    const doc = await client.get(alias, id);
    if ((doc?.version ?? 0) < version) throw new Error(`${alias}/${id} at ${doc?.version}, want ${version}`);
  }, timeoutMs);
}

/** The given documents of an index as id → { version, source }, for comparing states. */
export async function snapshot(client: SearchClient, alias: string, ids: string[]): Promise<Record<string, { version: number; source: unknown } | null>> {
  const docs = await client.mget(alias, ids);
  return Object.fromEntries(ids.map((id, k) => [id, docs[k] ? { version: docs[k].version, source: docs[k].source } : null]));
}

/** Every topic matching consumes. */
export const CONSUMED_TOPICS = [TOPICS.jobs, TOPICS.jobsInstant, TOPICS.workers, TOPICS.dispatch];

export const uniquePrefix = () => `t-${randomUUID().slice(0, 8)}-`;
