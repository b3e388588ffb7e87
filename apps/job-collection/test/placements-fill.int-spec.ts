import {
  createEnvelope, type EventEnvelope, type JobChangedData, PlacementEnded, type PlacementEndedData, PlacementStarted, type PlacementStartedData, TOPICS,
  WorkerArrived, type WorkerArrivedData,
} from '@laowu/contracts';
import { createKafka, EventPublisher } from '@laowu/messaging';
import { eventually } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { testInfra } from '../../../test/support/infra';
import { TopicRecorder } from '../../../test/support/kafka';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { type JobCollectionConfig } from '../src/job-collection.config';
import { SCHEMA } from '../src/schema';
import { asAgency, gigJob, newAgencyId, SPEC } from './job-collection.fixtures';

describe('job-collection: filled follows dispatch placements, once each, whatever the source', () => {
  let running: TestApp<JobCollectionConfig>;
  let dataSource: DataSource;
  let jobs: TopicRecorder;
  let publisher: EventPublisher;

  beforeAll(async () => {
    jobs = await TopicRecorder.start([TOPICS.jobs]);
    running = await startTestApp(SPEC);
    dataSource = running.app.get(DataSource);
    publisher = new EventPublisher(createKafka({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'job-collection-placements-test' }));
  });

  afterAll(async () => {
    await publisher?.close();
    await running?.close();
    await jobs?.stop();
  });

  const eventsFor = (jobId: string) => jobs.messages.filter((m) => m.key === jobId).map((m) => JSON.parse(m.value).data as JobChangedData);

  function started(jobId: string, source: PlacementStartedData['source'] = 'direct'): EventEnvelope<PlacementStartedData> {
    const data: PlacementStartedData = {
      placementId: randomUUID(), workerId: randomUUID(), jobId, source, employerName: '深圳某电子厂', regionCode: '440306',
      concurrent: false, startDate: '2026-12-05', priorityGroups: [],
    };
    return createEnvelope(PlacementStarted, data, { producer: 'dispatch' });
  }

  function ended(of: EventEnvelope<PlacementStartedData>, reason: PlacementEndedData['reason']): EventEnvelope<PlacementEndedData> {
    const { placementId, workerId, jobId } = of.data;
    const data: PlacementEndedData = { placementId, workerId, jobId, endDate: '2026-12-20', reason, otherActivePlacements: 0 };
    return createEnvelope(PlacementEnded, data, { producer: 'dispatch' });
  }

  function arrival(jobId: string, agencyId: string): EventEnvelope<WorkerArrivedData> {
    const data: WorkerArrivedData = {
      batchId: randomUUID(), jobId, workerId: randomUUID(), agencyId, regionCode: '440306', priorityGroups: [], arrivedAt: new Date().toISOString(),
    };
    return createEnvelope(WorkerArrived, data, { producer: 'dispatch' });
  }

  /**
   * Sends the envelopes in order on ONE partition (one Kafka key), so once the last one has been
   * applied, every one before it has been handled too: what they did not change, they never will.
   */
  const sendInOrder = (partitionKey: string, envelopes: EventEnvelope[]) =>
    publisher.send(TOPICS.dispatch, envelopes.map((e) => ({ key: partitionKey, value: JSON.stringify(e) })));

  /** job-collection marks an applied placement event processed in the same transaction as its change. */
  const applied = (eventId: string) =>
    eventually(async () => {
      const rows: unknown[] = await dataSource.query(`SELECT 1 FROM "${SCHEMA}".processed_events WHERE event_id = $1`, [eventId]);
      return rows.length === 1;
    }, 30000, 100, `placement event ${eventId} applied`);

  const read = async (jobId: string, auth: string) => (await request(running.url).get(`/v1/jobs/${jobId}`).set('Authorization', auth).expect(200)).body;

  it('counts each placement once (a redelivery changes nothing), fills at headcount, frees the seat of an early end but not of a completed term', async () => {
    const agency = newAgencyId();
    const auth = asAgency(agency);
    const body = gigJob({ headcount: 2 });
    const { body: job } = await request(running.url).post('/v1/jobs').set('Authorization', auth).send(body).expect(201);
    const key = job.id as string;

    // The same PlacementStarted delivered twice (same envelope id), after one for a job nobody knows (skipped).
    const first = started(job.id, 'direct');
    await sendInOrder(key, [started(randomUUID()), first, first]);
    await applied(first.id);
    const second = started(job.id, 'batch');
    await sendInOrder(key, [second]); // queued behind the redelivery: once it is applied, the redelivery was handled
    await applied(second.id);
    expect(await read(job.id, auth)).toMatchObject({ filled: 2, status: 'filled', version: 3, materialVersion: 1 });

    // A quit (delivered twice) frees one seat: open again with filled 1.
    const quit = ended(first, 'quit');
    await sendInOrder(key, [quit, quit]);
    await applied(quit.id);
    await eventually(async () => expect(await read(job.id, auth)).toMatchObject({ filled: 1, status: 'open', version: 4 }), 30000);

    // A contract that ran its term frees nothing: the next placement fills the job again.
    const third = started(job.id, 'match');
    await sendInOrder(key, [ended(second, 'contract_end'), third]);
    await applied(third.id);
    expect(await read(job.id, auth)).toMatchObject({ filled: 2, status: 'filled', version: 5 });

    // Raising the headcount of a filled job opens it again (new material version).
    const { body: reopened } = await request(running.url).put(`/v1/jobs/${job.id}`).set('Authorization', auth).send({ ...body, headcount: 3 }).expect(200);
    expect(reopened).toMatchObject({ filled: 2, status: 'open', version: 6, materialVersion: 2 });

    await jobs.waitFor(() => eventsFor(job.id).length >= 6);
    expect(eventsFor(job.id).map((e) => [e.version, e.materialVersion, e.change, e.status, e.filled])).toEqual([
      [1, 1, 'created', 'open', 0],
      [2, 1, 'filled_count', 'open', 1],
      [3, 1, 'filled_count', 'filled', 2],
      [4, 1, 'filled_count', 'open', 1],
      [5, 1, 'filled_count', 'filled', 2],
      [6, 2, 'updated', 'open', 2],
    ]);
  });

  it('no longer counts a WorkerArrived: dispatch makes a batch arrival a placement of its own', async () => {
    const agency = newAgencyId();
    const auth = asAgency(agency);
    const { body: arrivedAt } = await request(running.url).post('/v1/jobs').set('Authorization', auth).send(gigJob({ headcount: 1 })).expect(201);
    const { body: other } = await request(running.url).post('/v1/jobs').set('Authorization', auth).send(gigJob({ headcount: 1 })).expect(201);
    const after = started(other.id);
    await sendInOrder(arrivedAt.id, [arrival(arrivedAt.id, agency), after]);
    await applied(after.id);
    expect(await read(other.id, auth)).toMatchObject({ filled: 1, status: 'filled', version: 2 });
    expect(await read(arrivedAt.id, auth)).toMatchObject({ filled: 0, status: 'open', version: 1 });
  });

  it('frees a seat of a closed job without reopening it, and never counts below 0', async () => {
    const agency = newAgencyId();
    const auth = asAgency(agency);
    const { body: job } = await request(running.url).post('/v1/jobs').set('Authorization', auth).send(gigJob({ headcount: 1 })).expect(201);
    const placed = started(job.id);
    await sendInOrder(job.id, [placed]);
    await applied(placed.id);
    await request(running.url).post(`/v1/jobs/${job.id}/close`).set('Authorization', auth).expect(200);
    const dismissed = ended(placed, 'dismissed');
    const strayEnd = ended(started(job.id), 'other'); // an end for a seat that was never counted
    await sendInOrder(job.id, [dismissed, strayEnd]);
    await applied(strayEnd.id);
    expect(await read(job.id, auth)).toMatchObject({ filled: 0, status: 'closed', version: 4 });
  });
});
