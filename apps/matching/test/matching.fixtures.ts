import { createEnvelope, type EventDefinition, JobChanged, type JobChangedData, TOPICS, WorkerChanged, type WorkerChangedData } from '@laowu/contracts';
import { createKafka, EventPublisher } from '@laowu/messaging';
import { type SearchClient } from '@laowu/search';
import { eventually } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import { testInfra } from '../../../test/support/infra';
import { positionGroupsAtEnds, testKafka } from '../../../test/support/kafka';
import { searchClient } from '../../../test/support/search';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { ABOUT, AppModule } from '../src/app.module';
import { MatchingConfig } from '../src/matching.config';

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

  /** Any contract's events on its topic, as `producer` publishes them (sharing and reference events of job-collection). */
  async events<T extends object>(topic: string, definition: EventDefinition<T>, items: T[], producer = 'job-collection'): Promise<void> {
    await this.publisher.send(topic, items.map((data) => message(createEnvelope(definition, data, { producer }))));
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

/** Waits until `groupId` has committed every message on `topic` so far: what was published before has been handled (a stale event too, which leaves no trace). */
export async function caughtUp(groupId: string, topic: string): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    await eventually(async () => {
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      for (const end of ends) {
        const at = committed.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
        if (end.high !== '0' && BigInt(at) < BigInt(end.high)) throw new Error(`${groupId} behind on ${topic}[${end.partition}]`);
      }
    }, 60_000, 200);
  } finally {
    await admin.disconnect();
  }
}

/** The given documents of an index as id → { version, source }, for comparing states. */
export async function snapshot(client: SearchClient, alias: string, ids: string[]): Promise<Record<string, { version: number; source: unknown } | null>> {
  const docs = await client.mget(alias, ids);
  return Object.fromEntries(ids.map((id, k) => [id, docs[k] ? { version: docs[k].version, source: docs[k].source } : null]));
}

/** Every topic matching consumes. */
export const CONSUMED_TOPICS = [TOPICS.jobs, TOPICS.jobsInstant, TOPICS.workers, TOPICS.dispatch, TOPICS.sharing, TOPICS.reference];

export const uniquePrefix = () => `t-${randomUUID().slice(0, 8)}-`;

/** A matching app as an integration spec runs it, with a search client and a producer of its input events. */
export interface MatchingUnderTest {
  running: TestApp<MatchingConfig>;
  client: SearchClient;
  producer: Producer;
  /** Publishes the workers, then the jobs, and waits until both are indexed and searchable. */
  publish(jobs: JobChangedData[], workers: WorkerChangedData[]): Promise<void>;
  /** Stops all three and deletes the indices under the prefix. */
  close(): Promise<void>;
}

/**
 * Starts matching on indices under `prefix` and on a fresh consumer group (named after `name`)
 * positioned at the topics' ends: only this file's events, not the topics' whole shared history.
 * `env` adds settings (a database of the suite's own).
 */
export async function startMatching(prefix: string, name: string, env: Record<string, string> = {}): Promise<MatchingUnderTest> {
  const group = `test-${uniquePrefix()}${name}`;
  await positionGroupsAtEnds([group], CONSUMED_TOPICS);
  const running = await startTestApp({ configClass: MatchingConfig, about: ABOUT, module: AppModule.forRoot }, { env: { SEARCH_INDEX_PREFIX: prefix, KAFKA_GROUP_ID: group, ...env } });
  const client = searchClient();
  const producer = new Producer();
  return {
    running,
    client,
    producer,
    async publish(jobs, workers) {
      if (workers.length) await producer.workers(...workers);
      if (jobs.length) await producer.jobs(...jobs);
      for (const w of workers) await indexed(client, `${prefix}workers`, w.workerId, w.version);
      for (const j of jobs) await indexed(client, `${prefix}jobs`, j.jobId, j.version);
      await client.refresh(`${prefix}*`);
    },
    async close() {
      await producer.close();
      await running.close();
      await client.deleteIndex(`${prefix}*`).catch(() => undefined);
      await client.close();
    },
  };
}
