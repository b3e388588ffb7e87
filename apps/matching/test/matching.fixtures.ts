import { createEnvelope, JobChanged, JobChangedData, TOPICS, WorkerChanged, WorkerChangedData } from '@laowu/contracts';
import { createKafka, EventPublisher } from '@laowu/messaging';
import { SearchClient } from '@laowu/search';
import { eventually, inDays } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import { testInfra } from '../../../test/support/infra';

export { inDays };

/** A job as job-collection would publish it; override what a test is about. */
export function jobData(overrides: Partial<JobChangedData> = {}): JobChangedData {
  return {
    jobId: randomUUID(),
    version: 1,
    change: 'created',
    status: 'open',
    agencyId: 'agency-test',
    title: '电子厂普工',
    description: '流水线装配，包吃住',
    kind: 'fulltime',
    skills: [],
    headcount: 10,
    filled: 0,
    wage: { min: 200, max: 240, unit: 'day' },
    location: { regionCode: '440306', lat: 22.55, lon: 113.88 },
    olderWorkerFriendly: false,
    instant: false,
    relocationQuotaPct: 0,
    materialVersion: 1,
    postedAt: inDays(-1),
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** A worker as worker-profiles would publish it (no name, ID number or phone exist in it). */
export function workerData(overrides: Partial<WorkerChangedData> = {}, preferences: Partial<WorkerChangedData['preferences']> = {}): WorkerChangedData {
  return {
    workerId: randomUUID(),
    version: 1,
    stationId: 'station-440306-01',
    ageYears: 35,
    gender: 'male',
    homeRegionCode: '440306',
    residenceRegionCode: '440306',
    location: { lat: 22.56, lon: 113.9 },
    skills: [],
    certificates: [],
    priorityGroups: [],
    employmentStatus: 'seeking',
    available: true,
    updatedAt: new Date().toISOString(),
    ...overrides,
    preferences: { kinds: ['gig', 'fulltime', 'seasonal', 'public_welfare', 'work_relief', 'workshop'], willingToMigrate: false, targetRegionCodes: [], maxCommuteKm: 30, ...preferences },
  };
}

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
    const { body } = await client.get({ index: alias, id });
    if ((body._version ?? 0) < version) throw new Error(`${alias}/${id} at ${body._version}, want ${version}`);
  }, timeoutMs);
}

/** The given documents of an index as id → { version, source }, for comparing states. */
export async function snapshot(client: SearchClient, alias: string, ids: string[]): Promise<Record<string, { version: number; source: unknown } | null>> {
  const { body } = await client.mget({ index: alias, body: { ids } });
  return Object.fromEntries(
    (body.docs as { _id: string; found: boolean; _version?: number; _source?: unknown }[]).map((d) => [d._id, d.found ? { version: d._version!, source: d._source } : null]),
  );
}

/** Every topic matching consumes. */
export const CONSUMED_TOPICS = [TOPICS.jobs, TOPICS.jobsInstant, TOPICS.workers, TOPICS.dispatch];

export const uniquePrefix = () => `t-${randomUUID().slice(0, 8)}-`;
