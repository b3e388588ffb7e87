import {
  createEnvelope, type EventEnvelope, PlacementEnded, PlacementStarted, type PlacementStartedData, TOPICS, WorkerArrived, type WorkerArrivedData,
  type WorkerChangedData,
} from '@laowu/contracts';
import { chinaDate } from '@laowu/domain';
import { EventPublisher, createKafka, ensureTopics } from '@laowu/messaging';
import { eventually } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { testInfra } from '../../../test/support/infra';
import { TopicRecorder } from '../../../test/support/kafka';
import { type TestApp } from '../../../test/support/test-app';
import { SCHEMA } from '../src/schema';
import { type WorkerProfilesConfig } from '../src/worker-profiles.config';
import { bureauToken, registration, startWorkerProfiles, stationToken } from './support/worker-fixtures';

const daysAgo = (n: number) => chinaDate(new Date(Date.now() - n * 86_400_000));

describe('worker-profiles: employment status, events, placements', () => {
  let running: TestApp<WorkerProfilesConfig>;
  let workers: TopicRecorder;
  const station = stationToken();
  const kafka = () => createKafka({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'worker-profiles-test' });

  beforeAll(async () => {
    await ensureTopics(kafka());
    workers = await TopicRecorder.start([TOPICS.workers]);
    running = await startWorkerProfiles({ consume: true });
  });

  afterAll(async () => {
    await workers?.stop();
    await running?.close();
  });

  const http = () => request(running.url);
  const registerWorker = async (overrides: Record<string, unknown> = {}) =>
    (await http().post('/v1/workers').set('Authorization', station).send(registration(overrides)).expect(201)).body.id as string;
  const recordStatus = (id: string, body: Record<string, unknown>, token = station) =>
    http().post(`/v1/workers/${id}/employment-status`).set('Authorization', token).send(body);
  const eventsOf = (id: string) =>
    workers.messages.filter((m) => m.key === id).map((m) => JSON.parse(m.value) as { type: string; data: WorkerChangedData });

  describe('employment status with history', () => {
    it('records statuses with effective dates; the current one is the latest effective', async () => {
      const id = await registerWorker();
      await recordStatus(id, { status: 'employed', effectiveDate: daysAgo(20), regionCode: '440306', employer: '深圳某电子厂' }).expect(201);
      const unemployed = await recordStatus(id, { status: 'unemployed', effectiveDate: daysAgo(5), regionCode: '513401', registeredAt: 'residence' }).expect(201);
      expect(unemployed.body).toMatchObject({
        version: 3,
        employmentStatus: { status: 'unemployed', effectiveDate: daysAgo(5), regionCode: '513401', registeredAt: 'residence', employer: null },
        available: true,
      });
      // a back-dated entry completes the history but does not replace the current status
      const backdated = await recordStatus(id, { status: 'seeking', effectiveDate: daysAgo(30), regionCode: '513401' }).expect(201);
      expect(backdated.body.employmentStatus.status).toBe('unemployed');
      const history = await http().get(`/v1/workers/${id}/employment-status`).set('Authorization', station).expect(200);
      expect(history.body.map((e: { status: string }) => e.status)).toEqual(['seeking', 'employed', 'unemployed', 'seeking']);
      expect(history.body.map((e: { source: string }) => e.source)).toEqual(['station', 'station', 'station', 'default']);
    });

    it('registers unemployment where the worker lives, works or is insured (九), recording which', async () => {
      const id = await registerWorker();
      // where the worker works: only where an employment is on record
      const noJob = await recordStatus(id, { status: 'unemployed', effectiveDate: daysAgo(1), regionCode: '440306', registeredAt: 'employment' }).expect(422);
      expect(noJob.body).toMatchObject({ code: 'STATUS.BASIS_MISMATCH', details: [{ field: 'regionCode' }] });
      await recordStatus(id, { status: 'employed', effectiveDate: daysAgo(40), regionCode: '440306' }).expect(201);
      // …and a station of the workplace (深圳 宝安) may record it, though it cannot read the profile
      const shenzhen = stationToken('station-440306-01', '440306');
      await http().get(`/v1/workers/${id}`).set('Authorization', shenzhen).expect(403);
      const atWork = await recordStatus(id, { status: 'unemployed', effectiveDate: daysAgo(3), regionCode: '440306', registeredAt: 'employment' }, shenzhen).expect(201);
      expect(atWork.body).toMatchObject({ workerId: id, status: 'unemployed', regionCode: '440306', registeredAt: 'employment', basis: 'workplace_on_record' });
      // but nothing other than unemployment
      await recordStatus(id, { status: 'seeking', effectiveDate: daysAgo(3), regionCode: '440306' }, shenzhen).expect(403);
      // where the worker lives: the region must contain the residence
      const notHome = await recordStatus(id, { status: 'unemployed', effectiveDate: daysAgo(1), regionCode: '513402', registeredAt: 'residence' }).expect(422);
      expect(notHome.body.details[0].field).toBe('regionCode');
      await recordStatus(id, { status: 'unemployed', effectiveDate: daysAgo(2), regionCode: '510000', registeredAt: 'residence' }).expect(201);
      // where the worker is insured: recorded as declared
      const insured = await recordStatus(id, { status: 'unemployed', effectiveDate: daysAgo(1), regionCode: '510100', registeredAt: 'insured' }).expect(201);
      expect(insured.body.employmentStatus).toMatchObject({ registeredAt: 'insured', regionCode: '510100' });
    });

    it('refuses bad status entries: 400 for shape, 422 for rules, 403 for strangers', async () => {
      const id = await registerWorker();
      const missingBasis = await recordStatus(id, { status: 'unemployed', effectiveDate: daysAgo(1), regionCode: '513401' }).expect(400);
      expect(missingBasis.body.details.map((d: { field: string }) => d.field)).toEqual(['registeredAt']);
      const shape = await recordStatus(id, { status: 'retired', effectiveDate: '2026-02-30', regionCode: '5134' }).expect(400);
      expect(shape.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['effectiveDate', 'regionCode', 'status']);
      const future = await recordStatus(id, { status: 'seeking', effectiveDate: '2099-01-01', regionCode: '513401' }).expect(422);
      expect(future.body.details[0].field).toBe('effectiveDate');
      const unknownRegion = await recordStatus(id, { status: 'seeking', effectiveDate: daysAgo(1), regionCode: '519999' }).expect(422);
      expect(unknownRegion.body.details[0].field).toBe('regionCode');
      await recordStatus(id, { status: 'seeking', effectiveDate: daysAgo(1), regionCode: '440306' }, stationToken('station-440306-01', '440306')).expect(403);
      await recordStatus(id, { status: 'seeking', effectiveDate: daysAgo(1), regionCode: '513401' }, bureauToken('513401')).expect(403);
      const history = await http().get(`/v1/workers/${id}/employment-status`).set('Authorization', station).expect(200);
      expect(history.body).toHaveLength(1);
    });
  });

  describe('events on laowu.workers.v1', () => {
    it('carries the matching projection and nothing personal, one version per change', async () => {
      const id = await registerWorker({ priorityGroups: ['monitoring_target'] });
      await recordStatus(id, { status: 'employed', effectiveDate: daysAgo(1), regionCode: '513401', employer: '西昌某农场' }).expect(201);
      await workers.waitFor(() => eventsOf(id).length === 2);
      const [registered, employed] = eventsOf(id);
      expect(registered.type).toBe('worker.changed');
      expect(Object.keys(registered.data).sort()).toEqual(
        [
          'workerId', 'version', 'stationId', 'ageYears', 'gender', 'homeRegionCode', 'residenceRegionCode', 'location', 'skills',
          'certificates', 'priorityGroups', 'preferences', 'employmentStatus', 'available', 'updatedAt',
        ].sort(),
      );
      expect(registered.data).toMatchObject({ version: 1, employmentStatus: 'seeking', available: true, priorityGroups: ['monitoring_target'] });
      expect(employed.data).toMatchObject({ version: 2, employmentStatus: 'employed', available: false });
      expect(JSON.stringify(employed)).not.toContain('西昌某农场');
    });
  });

  describe('placements (laowu.dispatch.v1)', () => {
    const db = () => running.app.get(DataSource);
    const publish = async (messages: { key: string; value: string }[]) => {
      const publisher = new EventPublisher(kafka());
      try {
        await publisher.send(TOPICS.dispatch, messages);
      } finally {
        await publisher.close();
      }
    };
    const asMessage = (envelope: EventEnvelope, key = envelope.key) => ({ key, value: JSON.stringify(envelope) });
    const started = (workerId: string, overrides: Partial<PlacementStartedData> = {}) =>
      createEnvelope(
        PlacementStarted,
        {
          placementId: randomUUID(),
          workerId,
          jobId: randomUUID(),
          agencyId: 'agency-test',
          source: 'direct',
          employerName: '东莞某制衣厂',
          regionCode: '441900',
          jobKind: 'fulltime',
          concurrent: false,
          startDate: daysAgo(10),
          priorityGroups: ['poverty_alleviated'],
          ...overrides,
        },
        { producer: 'dispatch' },
      );
    const ended = (workerId: string, placementId: string, otherActivePlacements: number, endDate = daysAgo(2)) =>
      createEnvelope(
        PlacementEnded,
        { placementId, workerId, jobKind: 'fulltime', endDate, reason: 'quit', otherActivePlacements },
        { producer: 'dispatch' },
      );
    const currentStatus = async (id: string) => (await http().get(`/v1/workers/${id}`).set('Authorization', station).expect(200)).body.employmentStatus;
    const processed = async (eventId: string) =>
      (await db().query(`SELECT count(*)::int AS n FROM "${SCHEMA}".processed_events WHERE event_id = $1`, [eventId]))[0].n as number;
    const placementEntries = async (id: string) =>
      (await db().query(
        `SELECT status, to_char(effective_date, 'YYYY-MM-DD') AS "effectiveDate", region_code AS "regionCode", registered_at AS "registeredAt",
                employer, source, recorded_by AS "recordedBy"
           FROM "${SCHEMA}".employment_status_history WHERE worker_id = $1 AND source = 'dispatch' ORDER BY seq`,
        [id],
      )) as Record<string, string | null>[];

    it('a placement start sets the worker employed from its start date, once even when delivered twice', async () => {
      const id = await registerWorker();
      const start = started(id);
      await publish([asMessage(start), asMessage(start)]);
      const status = await eventually(async () => {
        const shown = await currentStatus(id);
        expect(shown.status).toBe('employed');
        return shown;
      }, 30000);
      expect(status).toEqual({ status: 'employed', effectiveDate: daysAgo(10), regionCode: '441900', registeredAt: 'employment', employer: '东莞某制衣厂' });
      await workers.waitFor(() => eventsOf(id).some((e) => e.data.version === 2));
      // the duplicate has been consumed too (same partition, after the first) and changed nothing
      await eventually(async () => expect(await processed(start.id)).toBe(1));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await placementEntries(id)).toEqual([
        {
          status: 'employed', effectiveDate: daysAgo(10), regionCode: '441900', registeredAt: 'employment', employer: '东莞某制衣厂', source: 'dispatch',
          recordedBy: `dispatch:placement:${start.data.placementId}`,
        },
      ]);
      expect(eventsOf(id).map((e) => e.data.version)).toEqual([1, 2]);
      expect(eventsOf(id)[1].data).toMatchObject({ employmentStatus: 'employed', available: false });
    });

    it('a placement end leaves the status while another placement is active, and makes the worker unemployed at home after the last', async () => {
      const id = await registerWorker({ residenceRegionCode: '513401' });
      const first = started(id, { startDate: daysAgo(30) });
      const second = started(id, { startDate: daysAgo(20), employerName: '西昌某农场', regionCode: '513401', concurrent: true });
      const endFirst = ended(id, first.data.placementId, 1, daysAgo(5));
      const endSecond = ended(id, second.data.placementId, 0, daysAgo(3));
      await publish([asMessage(first), asMessage(second), asMessage(endFirst)]);
      await eventually(async () => expect(await processed(endFirst.id)).toBe(1), 30000);
      expect(await currentStatus(id)).toMatchObject({ status: 'employed', employer: '西昌某农场', effectiveDate: daysAgo(20) });
      expect((await placementEntries(id)).map((e) => e.status)).toEqual(['employed', 'employed']);

      await publish([asMessage(endSecond), asMessage(endSecond)]);
      const status = await eventually(async () => {
        const shown = await currentStatus(id);
        expect(shown.status).toBe('unemployed');
        return shown;
      }, 30000);
      expect(status).toEqual({ status: 'unemployed', effectiveDate: daysAgo(3), regionCode: '513401', registeredAt: 'residence', employer: null });
      await eventually(async () => expect(await processed(endSecond.id)).toBe(1));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const entries = await placementEntries(id);
      expect(entries.map((e) => [e.status, e.recordedBy])).toEqual([
        ['employed', `dispatch:placement:${first.data.placementId}`],
        ['employed', `dispatch:placement:${second.data.placementId}`],
        ['unemployed', `dispatch:placement:${second.data.placementId}`],
      ]);
      // the worker is available again: matching pushes its jobs (转岗服务) from this event
      await workers.waitFor(() => eventsOf(id).some((e) => e.data.employmentStatus === 'unemployed'));
      expect(eventsOf(id).at(-1)!.data).toMatchObject({ version: 4, employmentStatus: 'unemployed', available: true });
    });

    it('a 共享用工 placement ending with none active sends the worker back to the lending employer; a worker not employed before becomes unemployed', async () => {
      const id = await registerWorker({ residenceRegionCode: '513401' });
      await recordStatus(id, { status: 'employed', effectiveDate: daysAgo(60), regionCode: '513401', employer: '会理市某农业专业合作社' }).expect(201);
      const lent = started(id, {
        source: 'sharing', jobId: undefined, jobKind: undefined, agreementId: randomUUID(), employerName: '攀枝花某钢铁有限公司', regionCode: '510402',
        concurrent: true, startDate: daysAgo(20), plannedEndDate: daysAgo(2),
      });
      const back = ended(id, lent.data.placementId, 0, daysAgo(2));
      await publish([asMessage(lent), asMessage(back), asMessage(back)]);
      await eventually(async () => expect(await processed(back.id)).toBe(1), 30000);
      expect(await currentStatus(id)).toEqual({
        status: 'employed', effectiveDate: daysAgo(2), regionCode: '513401', registeredAt: 'employment', employer: '会理市某农业专业合作社',
      });
      expect((await placementEntries(id)).map((e) => [e.status, e.employer, e.recordedBy])).toEqual([
        ['employed', '攀枝花某钢铁有限公司', `dispatch:sharing-placement:${lent.data.placementId}`],
        ['employed', '会理市某农业专业合作社', `dispatch:placement:${lent.data.placementId}`],
      ]);

      // lent while seeking (no employment to go back to): the usual end
      const seeking = await registerWorker({ residenceRegionCode: '513401' });
      const lentAnyway = started(seeking, { source: 'sharing', jobId: undefined, agreementId: randomUUID(), concurrent: true, startDate: daysAgo(20) });
      const endAnyway = ended(seeking, lentAnyway.data.placementId, 0, daysAgo(2));
      await publish([asMessage(lentAnyway), asMessage(endAnyway)]);
      await eventually(async () => expect(await processed(endAnyway.id)).toBe(1), 30000);
      expect(await currentStatus(seeking)).toMatchObject({ status: 'unemployed', effectiveDate: daysAgo(2), registeredAt: 'residence' });
    });

    it('a WorkerArrived alone changes nothing any more, and a placement of an unknown worker is skipped', async () => {
      const id = await registerWorker();
      const sentinel = await registerWorker();
      const arrival: WorkerArrivedData = {
        batchId: randomUUID(),
        jobId: randomUUID(),
        workerId: id,
        agencyId: 'agency-test',
        employer: '东莞某制衣厂',
        regionCode: '441900',
        priorityGroups: ['poverty_alleviated'],
        arrivedAt: new Date().toISOString(),
      };
      const unknown = started(randomUUID());
      const last = started(sentinel);
      // one key, one partition: once the sentinel's placement is applied, the two before it were consumed
      const key = randomUUID();
      await publish([asMessage(createEnvelope(WorkerArrived, arrival, { producer: 'dispatch' }), key), asMessage(unknown, key), asMessage(last, key)]);
      await eventually(async () => expect((await currentStatus(sentinel)).status).toBe('employed'), 30000);
      expect(await currentStatus(id)).toMatchObject({ status: 'seeking' });
      expect(await placementEntries(id)).toEqual([]);
      expect(await processed(unknown.id)).toBe(1);
      const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM "${SCHEMA}".employment_status_history WHERE worker_id = $1`, [unknown.data.workerId]);
      expect(n).toBe(0);
    });
  });
});
