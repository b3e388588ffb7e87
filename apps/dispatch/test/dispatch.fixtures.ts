import { type Principal } from '@laowu/auth';
import {
  createEnvelope, deterministicUuid, type EventEnvelope, type FoundMatchData, JobChanged, type JobChangedData, LANE_OF_TRIGGER, MatchesFound, type MatchesFoundData,
  matchesTopicOf, MatchFound, type MatchFoundData, type MatchJobSummaryData, type PushTrigger, TOPICS, WorkerChanged, type WorkerChangedData,
} from '@laowu/contracts';
import { createKafka, EventPublisher, ensureTopics } from '@laowu/messaging';
import { eventually, jobData, workerData } from '@laowu/testkit';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { testInfra } from '../../../test/support/infra';
import { positionGroupsAtEnds } from '../../../test/support/kafka';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { bearer } from '../../../test/support/tokens';
import { ABOUT, AppModule } from '../src/app.module';
import { DispatchConfig } from '../src/dispatch.config';

/**
 * A dispatch app on a fresh consumer group positioned at the topics' ends; with `KAFKA_GROUP_ID`
 * in `env`, on that group as it stands (a restarted instance resumes from its committed offsets).
 */
export async function startDispatch(env: Record<string, string> = {}): Promise<TestApp<DispatchConfig>> {
  const kafka = createKafka({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'dispatch-test' });
  await ensureTopics(kafka);
  const groupId = env.KAFKA_GROUP_ID ?? `dispatch-test-${randomUUID()}`;
  if (!env.KAFKA_GROUP_ID) await positionGroupsAtEnds([groupId], [TOPICS.jobs, TOPICS.workers, TOPICS.matches, TOPICS.matchesInstant, TOPICS.reference, TOPICS.sharing]);
  return startTestApp({ configClass: DispatchConfig, about: ABOUT, module: AppModule.forRoot }, { env: { ...env, KAFKA_GROUP_ID: groupId } });
}

/** Webhook settings for tests: the outbox polled every 100 ms, three attempts, backoff from 100 ms. */
export const FAST_WEBHOOK_RETRIES = { WEBHOOK_BACKOFF_BASE_MS: '100', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_POLL_MS: '100' };

export const tokens = {
  admin: () => bearer({ sub: 'admin-test', role: 'admin', region: '100000' }),
  station: (id: string) => bearer({ sub: id, role: 'station', region: '513401' }),
  coordinator: (sub = 'coordinator-test') => bearer({ sub, role: 'coordinator', region: '513401' }),
  as: (principal: Principal) => bearer(principal),
};

/** Registers a new station of 会理市 (513401) as admin and returns its id. */
export async function registerStation(url: string): Promise<string> {
  const id = `station-${randomUUID().slice(0, 8)}`;
  await request(url)
    .post('/v1/stations')
    .set('Authorization', tokens.admin())
    .send({ id, name: '会理市就业服务站', regionCode: '513401', location: { lat: 26.65, lon: 102.25 } })
    .expect(201);
  return id;
}

/** Publishes events exactly as their owner apps do: the envelope as value, its key as the Kafka key. */
export class Events {
  private readonly publisher = new EventPublisher(createKafka({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'dispatch-test' }));

  async publish(topic: string, envelopes: EventEnvelope[]): Promise<void> {
    await this.publisher.send(topic, envelopes.map((e) => ({ key: e.key, value: JSON.stringify(e) })));
  }

  jobs(...data: JobChangedData[]): Promise<void> {
    return this.publish(TOPICS.jobs, data.map((d) => createEnvelope(JobChanged, d, { producer: 'job-collection' })));
  }

  workers(...data: WorkerChangedData[]): Promise<void> {
    return this.publish(TOPICS.workers, data.map((d) => createEnvelope(WorkerChanged, d, { producer: 'worker-profiles' })));
  }

  /** Legacy per-pair MatchFound (before v1.1), on laowu.matches.v1. */
  matches(...data: MatchFoundData[]): Promise<void> {
    return this.publish(TOPICS.matches, data.map((d) => createEnvelope(MatchFound, d, { producer: 'matching' })));
  }

  /** MatchesFound on its lane's topic, as matching publishes them; returns the envelopes (their ids show when they were processed). */
  async matchesFound(...data: MatchesFoundData[]): Promise<EventEnvelope<MatchesFoundData>[]> {
    const envelopes = data.map((d) => createEnvelope(MatchesFound, d, { producer: 'matching' }));
    for (const lane of ['instant', 'standard'] as const) {
      const onLane = envelopes.filter((e) => e.data.lane === lane);
      if (onLane.length) await this.publish(matchesTopicOf(lane), onLane);
    }
    return envelopes;
  }

  close(): Promise<void> {
    return this.publisher.close();
  }
}

/** A gig job on the instant lane, as job-collection would publish it. */
export function job(overrides: Partial<JobChangedData> = {}): JobChangedData {
  const now = new Date().toISOString();
  return jobData({ kind: 'gig', instant: true, headcount: 30, wage: { min: 180, max: 240, unit: 'day' }, postedAt: now, updatedAt: now, ...overrides });
}

/** A worker of a station in 会理市 who would migrate to Guangdong, as worker-profiles would publish it. */
export function worker(overrides: Partial<WorkerChangedData> & { willingToMigrate?: boolean } = {}): WorkerChangedData {
  const { willingToMigrate = true, ...rest } = overrides;
  return workerData(
    { stationId: 'station-test', homeRegionCode: '513401', residenceRegionCode: '513401', ...rest },
    { kinds: ['gig', 'fulltime'], willingToMigrate, targetRegionCodes: ['440000'] },
  );
}

export function jobSummary(jobData: JobChangedData): MatchJobSummaryData {
  return {
    title: jobData.title,
    kind: jobData.kind,
    agencyId: jobData.agencyId,
    wage: jobData.wage,
    location: jobData.location,
    instant: jobData.instant,
    headcountLeft: jobData.headcount - jobData.filled,
  };
}

export function match(stationId: string, jobData: JobChangedData, overrides: Partial<MatchFoundData> = {}): MatchFoundData {
  const workerId = overrides.workerId ?? randomUUID();
  return {
    matchId: deterministicUuid(`${jobData.jobId}:${workerId}:${jobData.materialVersion}`),
    jobId: jobData.jobId,
    jobMaterialVersion: jobData.materialVersion,
    workerId,
    stationId,
    score: 0.87,
    reasons: [{ factor: 'distance', contribution: 0.4, detail: '12 km' }],
    job: jobSummary(jobData),
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

/**
 * One job's matches at one station as MatchesFound carries them: the lane follows the trigger,
 * each match id is derived from job, worker and material version, scores descend from 0.99.
 */
export function matchGroup(
  stationId: string,
  jobData: JobChangedData,
  options: { trigger?: PushTrigger; count?: number; workerIds?: string[]; scores?: number[] } & Partial<MatchesFoundData> = {},
): MatchesFoundData {
  const { trigger = 'instant_job', count, workerIds, scores, ...overrides } = options;
  const version = overrides.jobMaterialVersion ?? jobData.materialVersion;
  const n = workerIds?.length ?? scores?.length ?? count ?? 1;
  const matches: FoundMatchData[] = Array.from({ length: n }, (_, i) => {
    const workerId = workerIds?.[i] ?? randomUUID();
    return {
      matchId: deterministicUuid(`${jobData.jobId}:${workerId}:${version}`),
      workerId,
      score: scores?.[i] ?? Math.round((0.99 - i * 0.001) * 1000) / 1000,
      reasons: [{ factor: 'distance', contribution: 0.4, detail: '12 km' }],
    };
  });
  return {
    stationId,
    trigger,
    lane: LANE_OF_TRIGGER[trigger],
    jobId: jobData.jobId,
    jobMaterialVersion: version,
    job: jobSummary(jobData),
    matches,
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

/** Waits until dispatch's match inbox has processed these events (stored or, by the rules, not). */
export async function processed(app: TestApp<DispatchConfig>, eventIds: string[], timeoutMs = 60000): Promise<void> {
  const dataSource = app.app.get(DataSource);
  let n = 0;
  await eventually(
    async () => {
      [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM dispatch.processed_events WHERE event_id = ANY($1::uuid[])`, [eventIds]);
      return n === eventIds.length;
    },
    timeoutMs,
    100,
    () => `${n} of ${eventIds.length} events processed`,
  );
}

export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

/** A minimal EventSource: records every event and comment line of one stream. */
export class SseClient {
  readonly events: SseEvent[] = [];
  comments = 0;
  status?: number;
  private request?: http.ClientRequest;
  private buffer = '';
  ended = false;

  private constructor() {}

  static async connect(url: string, token: string, lastEventId?: string): Promise<SseClient> {
    const client = new SseClient();
    await new Promise<void>((resolve, reject) => {
      const headers: Record<string, string> = { Authorization: token, Accept: 'text/event-stream' };
      if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
      client.request = http.get(url, { headers }, (res) => {
        client.status = res.statusCode;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => client.parse(chunk));
        res.on('close', () => (client.ended = true));
        resolve();
      });
      client.request.on('error', (error) => (client.status ? (client.ended = true) : reject(error)));
    });
    return client;
  }

  get matches(): SseEvent[] {
    return this.events.filter((e) => e.event === 'match');
  }

  get lastId(): string | undefined {
    return this.events[this.events.length - 1]?.id;
  }

  async waitForMatches(count: number, timeoutMs = 30000): Promise<SseEvent[]> {
    await eventually(() => this.matches.length >= count, timeoutMs, 50, () => `got ${this.matches.length} of ${count} match events`);
    return this.matches;
  }

  close(): void {
    this.request?.destroy();
  }

  private parse(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const event: SseEvent = { data: '' };
      let isEvent = false;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) this.comments++;
        else if (line.startsWith('id: ')) event.id = line.slice(4);
        else if (line.startsWith('event: ')) ((event.event = line.slice(7)), (isEvent = true));
        else if (line.startsWith('data: ')) event.data += line.slice(6);
      }
      if (isEvent) this.events.push(event);
    }
  }
}

/** Waits until dispatch has consumed these jobs and workers into its views. */
export async function viewsHold(app: TestApp<DispatchConfig>, ids: { jobs?: string[]; workers?: string[] }, timeoutMs = 90000): Promise<void> {
  const dataSource = app.app.get(DataSource);
  let held = { jobs: 0, workers: 0 };
  await eventually(
    async () => {
      [held] = await dataSource.query(
        `SELECT (SELECT count(*)::int FROM dispatch.job_view WHERE job_id = ANY($1::uuid[]) AND version > 0) AS jobs,
                (SELECT count(*)::int FROM dispatch.worker_view WHERE worker_id = ANY($2::uuid[])) AS workers`,
        [ids.jobs ?? [], ids.workers ?? []],
      );
      return held.jobs === (ids.jobs ?? []).length && held.workers === (ids.workers ?? []).length;
    },
    timeoutMs,
    100,
    () => `views hold ${held.jobs} jobs and ${held.workers} workers of those expected`,
  );
}
