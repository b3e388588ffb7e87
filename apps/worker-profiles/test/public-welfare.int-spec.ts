import { createEnvelope, type EventEnvelope, PlacementEnded, PlacementStarted, type PlacementStartedData, TOPICS } from '@laowu/contracts';
import { chinaDate } from '@laowu/domain';
import { createKafka, ensureTopics, EventPublisher } from '@laowu/messaging';
import { eventually } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { testInfra } from '../../../test/support/infra';
import { type TestApp } from '../../../test/support/test-app';
import { bearer } from '../../../test/support/tokens';
import { SCHEMA } from '../src/schema';
import { type WorkerProfilesConfig } from '../src/worker-profiles.config';
import { bureauToken, registration, startWorkerProfiles, stationToken } from './support/worker-fixtures';

const COUNTY = '513423'; // 盐源县, 凉山: no other worker-profiles test registers workers here
const CITY = '513400';
const PROVINCE = '510000';
const admin = bearer({ sub: 'admin-test', role: 'admin', region: '100000' });
const station = stationToken(`station-${COUNTY}-01`, COUNTY);
const otherStation = stationToken('station-440306-01', '440306');

/** The month `n` months before the current one (China time), computed with Date, not with the code under test. */
const monthsAgo = (n: number) => {
  const [year, month] = chinaDate().split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 - n, 1)).toISOString().slice(0, 7);
};
const lastDayOf = (month: string) => {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
};
const THIS_MONTH = monthsAgo(0);

describe('worker-profiles: public-welfare posts, flexible income, monitoring lines, exitRequired (十六)', () => {
  let running: TestApp<WorkerProfilesConfig>;
  const http = () => request(running.url);
  const kafka = () => createKafka({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'worker-profiles-welfare-test' });

  const registerWorker = async () =>
    (
      await http()
        .post('/v1/workers')
        .set('Authorization', station)
        .send(registration({ stationId: `station-${COUNTY}-01`, homeRegionCode: COUNTY, residenceRegionCode: COUNTY, priorityGroups: ['poverty_alleviated'] }))
        .expect(201)
    ).body.id as string;
  const recordIncome = (id: string, body: Record<string, unknown>, token = station) => http().post(`/v1/workers/${id}/income`).set('Authorization', token).send(body);
  const readIncome = (id: string, token = station) => http().get(`/v1/workers/${id}/income`).set('Authorization', token);
  const setLine = (regionCode: string, body: Record<string, unknown>, token = bureauToken(CITY)) =>
    http().put(`/v1/reference/monitoring-lines/${regionCode}`).set('Authorization', token).send(body);
  const readLine = (regionCode: string, token = station) => http().get(`/v1/reference/monitoring-lines/${regionCode}`).set('Authorization', token);
  const monitoringItem = async (id: string, month = THIS_MONTH) => {
    const body = (await http().get('/v1/monitoring/monthly').query({ month, regionCode: COUNTY, pageSize: 1000 }).set('Authorization', admin).expect(200)).body;
    const item = body.items.find((i: { id: string }) => i.id === id);
    expect(item).toBeDefined();
    return item as { publicWelfarePost: boolean; flexibleIncome12m: number | null; monitoringLine: number | null; exitRequired: boolean };
  };
  const welfare = async (id: string, month = THIS_MONTH) => {
    const { publicWelfarePost, flexibleIncome12m, monitoringLine, exitRequired } = await monitoringItem(id, month);
    return { publicWelfarePost, flexibleIncome12m, monitoringLine, exitRequired };
  };

  const publish = async (envelopes: EventEnvelope[]) => {
    const publisher = new EventPublisher(kafka());
    try {
      await publisher.send(TOPICS.dispatch, envelopes.map((e) => ({ key: e.key, value: JSON.stringify(e) })));
    } finally {
      await publisher.close();
    }
  };
  const placement = (workerId: string, jobKind: PlacementStartedData['jobKind'], startDate: string) =>
    createEnvelope(
      PlacementStarted,
      {
        placementId: randomUUID(), workerId, source: 'direct', employerName: '盐源县某村委会', regionCode: COUNTY, jobKind,
        concurrent: jobKind === 'public_welfare', startDate, priorityGroups: ['poverty_alleviated'],
      },
      { producer: 'dispatch' },
    );
  const statusOf = async (id: string) => (await http().get(`/v1/workers/${id}`).set('Authorization', station).expect(200)).body.employmentStatus.status;

  // in a public-welfare post for more than a year; not in one (a full-time job); in one that ended last month
  const ids = { inPost: '', notInPost: '', endedPost: '' };

  beforeAll(async () => {
    await ensureTopics(kafka());
    running = await startWorkerProfiles({ consume: true });
    await running.app.get(DataSource).query(`DELETE FROM "${SCHEMA}".monitoring_lines WHERE region_code = ANY($1)`, [
      [COUNTY, CITY, PROVINCE, '440306', '440300', '440000'],
    ]);
    ids.inPost = await registerWorker();
    ids.notInPost = await registerWorker();
    ids.endedPost = await registerWorker();
    const endedStart = placement(ids.endedPost, 'public_welfare', `${monthsAgo(6)}-01`);
    await publish([
      placement(ids.inPost, 'public_welfare', `${monthsAgo(13)}-01`),
      placement(ids.notInPost, 'fulltime', `${monthsAgo(13)}-01`),
      endedStart,
      createEnvelope(
        PlacementEnded,
        { placementId: endedStart.data.placementId, workerId: ids.endedPost, endDate: lastDayOf(monthsAgo(1)), reason: 'contract_end', otherActivePlacements: 0 },
        { producer: 'dispatch' },
      ),
    ]);
    await eventually(async () => {
      expect(await statusOf(ids.inPost)).toBe('employed');
      expect(await statusOf(ids.notInPost)).toBe('employed');
      expect(await statusOf(ids.endedPost)).toBe('unemployed');
    }, 30000);
  }, 60000);

  afterAll(async () => {
    await running?.close();
  });

  describe('monthly flexible income (POST/GET /v1/workers/:id/income)', () => {
    it('records a month (201), replaces it (200), and lists the months on record', async () => {
      const id = await registerWorker();
      const first = await recordIncome(id, { month: monthsAgo(2), flexibleIncome: 1200.5 }).expect(201);
      expect(first.body).toMatchObject({ workerId: id, month: monthsAgo(2), flexibleIncome: 1200.5 });
      await recordIncome(id, { month: THIS_MONTH, flexibleIncome: 0 }).expect(201);
      const replaced = await recordIncome(id, { month: monthsAgo(2), flexibleIncome: 980 }).expect(200);
      expect(replaced.body).toMatchObject({ workerId: id, month: monthsAgo(2), flexibleIncome: 980 });
      const listed = (await readIncome(id).expect(200)).body;
      expect(listed.workerId).toBe(id);
      expect(listed.months.map((m: { month: string; flexibleIncome: number }) => [m.month, m.flexibleIncome])).toEqual([
        [monthsAgo(2), 980],
        [THIS_MONTH, 0],
      ]);
    });

    it('lets the worker’s station, a bureau of its region and admin in; others get 403, the same for a missing worker', async () => {
      const id = await registerWorker();
      await recordIncome(id, { month: THIS_MONTH, flexibleIncome: 10 }, admin).expect(201);
      const strangerOnIt = await recordIncome(id, { month: THIS_MONTH, flexibleIncome: 10 }, otherStation).expect(403);
      const strangerOnNothing = await recordIncome(randomUUID(), { month: THIS_MONTH, flexibleIncome: 10 }, otherStation).expect(403);
      expect(strangerOnIt.body).toEqual(strangerOnNothing.body);
      expect(strangerOnIt.body.code).toBe('WORKER.FORBIDDEN');
      const ownStationOnNothing = await recordIncome(randomUUID(), { month: THIS_MONTH, flexibleIncome: 10 }).expect(403);
      expect(ownStationOnNothing.body).toEqual(strangerOnNothing.body);
      await recordIncome(randomUUID(), { month: THIS_MONTH, flexibleIncome: 10 }, admin).expect(404);
      await recordIncome(id, { month: THIS_MONTH, flexibleIncome: 10 }, bureauToken(CITY)).expect(403);

      await readIncome(id, bureauToken(CITY)).expect(200);
      await readIncome(id, admin).expect(200);
      const bureauElsewhere = await readIncome(id, bureauToken('440300')).expect(403);
      const bureauOnNothing = await readIncome(randomUUID(), bureauToken('440300')).expect(403);
      expect(bureauElsewhere.body).toEqual(bureauOnNothing.body);
      await readIncome(id, otherStation).expect(403);
      await readIncome(id, bearer({ sub: 'agency-a', role: 'agency', region: COUNTY })).expect(403);
      // nothing written by the refused calls
      expect((await readIncome(id).expect(200)).body.months).toEqual([expect.objectContaining({ month: THIS_MONTH, flexibleIncome: 10 })]);
    });

    it('refuses bad input naming the field: 400 for shape, 422 for a future month, nothing written', async () => {
      const id = await registerWorker();
      const fieldsOf = (body: { details: { field: string }[] }) => [...new Set(body.details.map((d) => d.field))].sort();
      expect(fieldsOf((await recordIncome(id, { month: '2026-13', flexibleIncome: 1 }).expect(400)).body)).toEqual(['month']);
      expect(fieldsOf((await recordIncome(id, { month: THIS_MONTH, flexibleIncome: -1 }).expect(400)).body)).toEqual(['flexibleIncome']);
      expect(fieldsOf((await recordIncome(id, { month: THIS_MONTH, flexibleIncome: 1.234 }).expect(400)).body)).toEqual(['flexibleIncome']);
      expect(fieldsOf((await recordIncome(id, { month: THIS_MONTH, flexibleIncome: 1e-7 }).expect(400)).body)).toEqual(['flexibleIncome']);
      expect(fieldsOf((await recordIncome(id, { month: THIS_MONTH, flexibleIncome: 10_000_000.01 }).expect(400)).body)).toEqual(['flexibleIncome']);
      expect(fieldsOf((await recordIncome(id, { month: THIS_MONTH, flexibleIncome: '100' }).expect(400)).body)).toEqual(['flexibleIncome']);
      expect(fieldsOf((await recordIncome(id, { flexibleIncome: 1 }).expect(400)).body)).toEqual(['month']);
      expect(fieldsOf((await recordIncome(id, { month: THIS_MONTH, flexibleIncome: 1, extra: 1 }).expect(400)).body)).toEqual(['extra']);
      expect(fieldsOf((await http().post('/v1/workers/not-a-uuid/income').set('Authorization', station).send({ month: THIS_MONTH, flexibleIncome: 1 }).expect(400)).body)).toEqual(['id']);
      const future = await recordIncome(id, { month: monthsAgo(-1), flexibleIncome: 1 }).expect(422);
      expect(future.body).toMatchObject({ code: 'INCOME.FUTURE_MONTH', details: [{ field: 'month' }] });
      await recordIncome(id, { month: THIS_MONTH, flexibleIncome: 10_000_000 }).expect(201);
      expect((await readIncome(id).expect(200)).body.months).toEqual([expect.objectContaining({ month: THIS_MONTH, flexibleIncome: 10_000_000 })]);
    });
  });

  describe('monitoring lines (PUT/GET /v1/reference/monitoring-lines/:regionCode)', () => {
    it('a bureau sets the line of a region inside its own; anyone signed in reads the line applying to a region', async () => {
      await readLine(COUNTY).expect(404);
      expect((await setLine(CITY, { annualIncome: 5000 }).expect(201)).body).toMatchObject({ regionCode: CITY, annualIncome: 5000 });
      expect((await setLine(CITY, { annualIncome: 6000 }).expect(200)).body).toMatchObject({ regionCode: CITY, annualIncome: 6000 });
      expect((await readLine(COUNTY).expect(200)).body).toMatchObject({ regionCode: COUNTY, lineRegionCode: CITY, annualIncome: 6000 });
      expect((await readLine(CITY, bearer({ sub: 'agency-a', role: 'agency', region: '440300' })).expect(200)).body.lineRegionCode).toBe(CITY);
      // the province's line applies where the city has none (and 440306 has none at any level)
      await setLine(PROVINCE, { annualIncome: 5500 }, bureauToken(PROVINCE)).expect(201);
      expect((await readLine('510104').expect(200)).body).toMatchObject({ lineRegionCode: PROVINCE, annualIncome: 5500 });
      expect((await readLine('440306').expect(404)).body.code).toBe('MONITORING_LINE.NOT_FOUND');
    });

    it('refuses a bureau elsewhere or below, a station; bad input names the field; nothing written', async () => {
      expect((await setLine('440300', { annualIncome: 1 }).expect(403)).body.code).toBe('REGION.FORBIDDEN');
      await setLine(CITY, { annualIncome: 1 }, bureauToken('440300')).expect(403);
      await setLine(CITY, { annualIncome: 1 }, bureauToken(COUNTY)).expect(403);
      await setLine(COUNTY, { annualIncome: 1 }, station).expect(403);
      await setLine('519999', { annualIncome: 1 }, bureauToken('440300')).expect(403);
      const unknown = await setLine('519999', { annualIncome: 1 }, bureauToken(PROVINCE)).expect(422);
      expect(unknown.body).toMatchObject({ code: 'REGION.UNKNOWN', details: [{ field: 'regionCode' }] });
      expect((await readLine('519999').expect(422)).body.details[0].field).toBe('regionCode');
      expect((await setLine('5134', { annualIncome: 1 }).expect(400)).body.details.map((d: { field: string }) => d.field)).toEqual(['regionCode']);
      expect((await readLine('51340a').expect(400)).body.details.map((d: { field: string }) => d.field)).toEqual(['regionCode']);
      for (const annualIncome of [0, -5, 'x', 1.001, 10_000_001, null]) {
        const refused = await setLine(CITY, { annualIncome }).expect(400);
        expect(new Set(refused.body.details.map((d: { field: string }) => d.field))).toEqual(new Set(['annualIncome']));
      }
      expect((await readLine(COUNTY).expect(200)).body).toMatchObject({ lineRegionCode: CITY, annualIncome: 6000 });
    });
  });

  describe('exitRequired in monthly monitoring', () => {
    it('is true once flexible income over the 12 months ending with the month passes the line, for a worker in a post', async () => {
      await setLine(CITY, { annualIncome: 6000 }).expect((res) => expect([200, 201]).toContain(res.status));
      await recordIncome(ids.inPost, { month: monthsAgo(12), flexibleIncome: 5000 }).expect(201); // outside this month's window
      await recordIncome(ids.inPost, { month: monthsAgo(11), flexibleIncome: 3000 }).expect(201);
      await recordIncome(ids.inPost, { month: THIS_MONTH, flexibleIncome: 2000 }).expect(201);
      expect(await welfare(ids.inPost)).toEqual({ publicWelfarePost: true, flexibleIncome12m: 5000, monitoringLine: 6000, exitRequired: false });
      await recordIncome(ids.inPost, { month: THIS_MONTH, flexibleIncome: 3000 }).expect(200);
      expect(await welfare(ids.inPost)).toEqual({ publicWelfarePost: true, flexibleIncome12m: 6000, monitoringLine: 6000, exitRequired: false });
      await recordIncome(ids.inPost, { month: monthsAgo(5), flexibleIncome: 0.01 }).expect(201);
      expect(await welfare(ids.inPost)).toEqual({ publicWelfarePost: true, flexibleIncome12m: 6000.01, monitoringLine: 6000, exitRequired: true });
      // last month's window reaches one month further back: 5000 + 3000 + 0.01
      expect(await welfare(ids.inPost, monthsAgo(1))).toEqual({ publicWelfarePost: true, flexibleIncome12m: 8000.01, monitoringLine: 6000, exitRequired: true });
    });

    it('is false for a worker not in a post, whatever the income, and only true in the months a post was held', async () => {
      await recordIncome(ids.notInPost, { month: THIS_MONTH, flexibleIncome: 20000 }).expect(201);
      expect(await welfare(ids.notInPost)).toEqual({ publicWelfarePost: false, flexibleIncome12m: 20000, monitoringLine: 6000, exitRequired: false });
      await recordIncome(ids.endedPost, { month: monthsAgo(1), flexibleIncome: 20000 }).expect(201);
      expect(await welfare(ids.endedPost, monthsAgo(1))).toEqual({ publicWelfarePost: true, flexibleIncome12m: 20000, monitoringLine: 6000, exitRequired: true });
      expect(await welfare(ids.endedPost)).toEqual({ publicWelfarePost: false, flexibleIncome12m: 20000, monitoringLine: 6000, exitRequired: false });
      // from the month the post started
      expect(await welfare(ids.endedPost, monthsAgo(6))).toEqual({ publicWelfarePost: true, flexibleIncome12m: null, monitoringLine: 6000, exitRequired: false });
    });

    it('is in the CSV columns too', async () => {
      const csv = (await http().get('/v1/monitoring/monthly').query({ month: THIS_MONTH, regionCode: COUNTY, format: 'csv' }).set('Authorization', admin).expect(200)).text;
      const lines = csv.split('\r\n');
      expect(lines[0].split(',').slice(-4)).toEqual(['公益性岗位', '近12个月灵活就业收入', '监测线', '需退出岗位']);
      expect(lines.find((l) => l.startsWith(ids.inPost))!.split(',').slice(-4)).toEqual(['是', '6000.01', '6000', '是']);
      expect(lines.find((l) => l.startsWith(ids.notInPost))!.split(',').slice(-4)).toEqual(['否', '20000', '6000', '否']);
    });

    it('applies the most specific line of the residence: a county line above the income lifts the exit', async () => {
      await setLine(COUNTY, { annualIncome: 30000 }, bureauToken(PROVINCE)).expect(201);
      expect((await readLine(COUNTY).expect(200)).body).toMatchObject({ lineRegionCode: COUNTY, annualIncome: 30000 });
      expect(await welfare(ids.inPost)).toEqual({ publicWelfarePost: true, flexibleIncome12m: 6000.01, monitoringLine: 30000, exitRequired: false });
    });
  });
});
