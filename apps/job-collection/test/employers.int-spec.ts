import {
  createEnvelope, type EmployerRegisteredData, type EventEnvelope, type JobChangedData, PlacementEnded, type PlacementEndedData, PlacementStarted,
  type PlacementStartedData, TOPICS,
} from '@laowu/contracts';
import { createKafka, EventPublisher } from '@laowu/messaging';
import { eventually } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { testInfra } from '../../../test/support/infra';
import { TopicRecorder } from '../../../test/support/kafka';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { asAdmin, bearer } from '../../../test/support/tokens';
import { type JobCollectionConfig } from '../src/job-collection.config';
import { SCHEMA } from '../src/schema';
import { asAgency, chinaDay, employerBody, gigJob, newAgencyId, SPEC } from './job-collection.fixtures';

/** Real published codes (company registry): 深圳市腾讯计算机系统有限公司, 华为技术有限公司. */
const TENCENT = '9144030071526726XG';
const HUAWEI = '914403001922038216';
/** Huawei's code with its check character changed (GB 32100 wants 6). */
const BAD_CHECK = '914403001922038217';
/**
 * Huawei's with the organisation code's second digit changed (19220382 → 13220382, whose GB 11714
 * check character is X, not 1) and the GB 32100 check recomputed by hand to R: only the
 * organisation code is wrong.
 */
const BAD_ORGANISATION = '91440300132203821R';

const asBureau = (region: string) => bearer({ sub: `bureau-${region}`, role: 'bureau', region });
const asStation = () => bearer({ sub: 'station-1', role: 'station', region: '440306' });

describe('job-collection: employer registry (统一社会信用代码) and 就业帮扶车间 figures', () => {
  let running: TestApp<JobCollectionConfig>;
  let dataSource: DataSource;
  let reference: TopicRecorder;
  let jobs: TopicRecorder;
  let publisher: EventPublisher;

  beforeAll(async () => {
    [reference, jobs] = await Promise.all([TopicRecorder.start([TOPICS.reference]), TopicRecorder.start([TOPICS.jobs])]);
    running = await startTestApp(SPEC);
    dataSource = running.app.get(DataSource);
    publisher = new EventPublisher(createKafka({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'job-collection-employers-test' }));
    // The real codes are registered once per database: start each run without them.
    await dataSource.query(`DELETE FROM "${SCHEMA}".employers WHERE credit_code = ANY($1)`, [[TENCENT, HUAWEI]]);
  });

  afterAll(async () => {
    await publisher?.close();
    await running?.close();
    await Promise.all([reference?.stop(), jobs?.stop()]);
  });

  const register = (auth: string, body: Record<string, unknown>) => request(running.url).post('/v1/employers').set('Authorization', auth).send(body);
  const read = (auth: string, id: string) => request(running.url).get(`/v1/employers/${id}`).set('Authorization', auth);

  describe('registration', () => {
    it('registers a real published code, stores it and publishes EmployerRegistered on laowu.reference.v1', async () => {
      const agency = newAgencyId();
      const res = await register(asAgency(agency), { name: '深圳市腾讯计算机系统有限公司', creditCode: TENCENT, regionCode: '440305' }).expect(201);
      expect(res.body).toMatchObject({ name: '深圳市腾讯计算机系统有限公司', creditCode: TENCENT, regionCode: '440305', workshop: false, agencyId: agency, version: 1 });
      expect(res.body).not.toHaveProperty('povertyAlleviatedEmployed');
      const [row] = await dataSource.query(`SELECT name, credit_code, region_code, workshop, agency_id FROM "${SCHEMA}".employers WHERE id = $1`, [res.body.id]);
      expect(row).toEqual({ name: '深圳市腾讯计算机系统有限公司', credit_code: TENCENT, region_code: '440305', workshop: false, agency_id: agency });
      await reference.waitFor((messages) => messages.some((m) => m.key === res.body.id));
      const event = JSON.parse(reference.messages.find((m) => m.key === res.body.id)!.value) as EventEnvelope<EmployerRegisteredData>;
      expect(event.type).toBe('reference.employer-registered');
      expect(event.data).toEqual({
        employerId: res.body.id, version: 1, agencyId: agency, name: '深圳市腾讯计算机系统有限公司', creditCode: TENCENT, regionCode: '440305',
        workshop: false, updatedAt: res.body.updatedAt,
      });
    });

    it('refuses a wrong check character and a wrong organisation code with 422 naming creditCode, writing nothing', async () => {
      const badCheck = await register(asAgency(newAgencyId()), { name: '华为', creditCode: BAD_CHECK, regionCode: '440307' }).expect(422);
      expect(badCheck.body.code).toBe('EMPLOYER.CREDIT_CODE_INVALID');
      expect(badCheck.body.details).toEqual([{ field: 'creditCode', problem: expect.stringMatching(/check character 7 is wrong/) }]);
      const badOrganisation = await register(asAgency(newAgencyId()), { name: '华为', creditCode: BAD_ORGANISATION, regionCode: '440307' }).expect(422);
      expect(badOrganisation.body.details).toEqual([{ field: 'creditCode', problem: expect.stringMatching(/organisation code 132203821 fails/) }]);
      const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM "${SCHEMA}".employers WHERE credit_code = ANY($1)`, [[BAD_CHECK, BAD_ORGANISATION]]);
      expect(count).toBe(0);
    });

    it('refuses an unknown region (422), a malformed body (400 naming the fields) and a role other than agency or admin (403)', async () => {
      const unknown = await register(asAgency(newAgencyId()), employerBody({ regionCode: '449999' })).expect(422);
      expect(unknown.body.details).toEqual([{ field: 'regionCode', problem: expect.stringMatching(/449999/) }]);
      const malformed = await register(asAgency(newAgencyId()), { name: '', creditCode: `${HUAWEI}0`, regionCode: '44', workshop: 'yes', extra: 1 }).expect(400);
      const fields = (malformed.body.details as { field: string }[]).map((d) => d.field).sort();
      expect(fields).toEqual(['creditCode', 'extra', 'name', 'regionCode', 'workshop']);
      await register(asStation(), employerBody()).expect(403);
      await register(asBureau('440000'), employerBody()).expect(403);
    });

    it('answers the same code again with 409 and the existing id, also when two registrations race', async () => {
      const first = await register(asAgency(newAgencyId()), { name: '华为技术有限公司', creditCode: HUAWEI, regionCode: '440307' }).expect(201);
      const again = await register(asAgency(newAgencyId()), { name: '华为 (again)', creditCode: HUAWEI, regionCode: '440307' }).expect(409);
      expect(again.body).toMatchObject({ code: 'EMPLOYER.ALREADY_REGISTERED', existingId: first.body.id });

      const body = employerBody();
      const raced = await Promise.all([1, 2, 3, 4].map(() => register(asAgency(newAgencyId()), body)));
      const statuses = raced.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409]);
      const winner = raced.find((r) => r.status === 201)!.body.id;
      for (const loser of raced.filter((r) => r.status === 409)) expect(loser.body.existingId).toBe(winner);
      const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM "${SCHEMA}".employers WHERE credit_code = $1`, [body.creditCode]);
      expect(count).toBe(1);
    });
  });

  describe('access', () => {
    it('lets the registering agency, a bureau containing the region and an admin read; others get one 403 whether it exists or not', async () => {
      const agency = newAgencyId();
      const { body: employer } = await register(asAgency(agency), employerBody({ regionCode: '440306' })).expect(201);
      await read(asAgency(agency), employer.id).expect(200);
      await read(asBureau('440000'), employer.id).expect(200);
      await read(asBureau('440300'), employer.id).expect(200);
      await read(asAdmin(), employer.id).expect(200);

      const missing = randomUUID();
      for (const auth of [asAgency(newAgencyId()), asBureau('510000'), asBureau('440100'), asStation()]) {
        const existing = await read(auth, employer.id).expect(403);
        const absent = await read(auth, missing).expect(403);
        expect(existing.body).toEqual(absent.body);
        expect(existing.body.code).toBe('EMPLOYER.NOT_YOURS');
      }
      expect((await read(asAdmin(), missing).expect(404)).body.code).toBe('EMPLOYER.NOT_FOUND');
    });

    it('lists an agency its own, a bureau its region (403 for a region outside), an admin anything, by credit code or region', async () => {
      const agency = newAgencyId();
      const mine = await register(asAgency(agency), employerBody({ regionCode: '440306' })).expect(201);
      const other = await register(asAgency(newAgencyId()), employerBody({ regionCode: '510104' })).expect(201);
      const list = (auth: string, query: Record<string, string>) => request(running.url).get('/v1/employers').query(query).set('Authorization', auth);

      const own = await list(asAgency(agency), {}).expect(200);
      expect(own.body.items.map((e: { id: string }) => e.id)).toEqual([mine.body.id]);
      expect((await list(asAgency(agency), { creditCode: other.body.creditCode }).expect(200)).body.total).toBe(0);

      const sichuan = await list(asBureau('510000'), { creditCode: other.body.creditCode }).expect(200);
      expect(sichuan.body.items.map((e: { id: string }) => e.id)).toEqual([other.body.id]);
      expect((await list(asBureau('510000'), { creditCode: mine.body.creditCode }).expect(200)).body.total).toBe(0);
      expect((await list(asBureau('510000'), { regionCode: '440300' }).expect(403)).body.code).toBe('EMPLOYER.NOT_YOURS');

      const admin = await list(asAdmin(), { regionCode: '510100', creditCode: other.body.creditCode }).expect(200);
      expect(admin.body.items.map((e: { id: string }) => e.id)).toEqual([other.body.id]);
      await list(asStation(), {}).expect(403);
    });
  });

  describe('就业帮扶车间 figures from dispatch placements', () => {
    const partitionKey = randomUUID();

    function started(overrides: Partial<PlacementStartedData>): EventEnvelope<PlacementStartedData> {
      const data: PlacementStartedData = {
        placementId: randomUUID(), workerId: randomUUID(), source: 'direct', employerName: '帮扶车间', regionCode: '440306', concurrent: false,
        startDate: chinaDay(0), priorityGroups: ['poverty_alleviated'], ...overrides,
      };
      return createEnvelope(PlacementStarted, data, { producer: 'dispatch' });
    }

    function ended(of: EventEnvelope<PlacementStartedData>, endDate = chinaDay(0)): EventEnvelope<PlacementEndedData> {
      const { placementId, workerId } = of.data;
      return createEnvelope(PlacementEnded, { placementId, workerId, endDate, reason: 'quit', otherActivePlacements: 0 }, { producer: 'dispatch' });
    }

    /** One Kafka key: applied in order, so once the last is in, the ones before it are too. */
    const send = (envelopes: EventEnvelope[]) => publisher.send(TOPICS.dispatch, envelopes.map((e) => ({ key: partitionKey, value: JSON.stringify(e) })));
    const ledgerHas = (placementId: string, ended: boolean) =>
      eventually(async () => {
        const rows: { end_date: string | null }[] = await dataSource.query(`SELECT end_date FROM "${SCHEMA}".employer_placements WHERE placement_id = $1`, [placementId]);
        return rows.length === 1 && (rows[0].end_date !== null) === ended;
      }, 30000, 100, `placement ${placementId} in the ledger${ended ? ', ended' : ''}`);

    it('counts active placements of poverty-alleviated workers and monitoring targets now and this year, by id or credit code, once each', async () => {
      const agency = newAgencyId();
      const { body: workshop } = await register(asAgency(agency), employerBody({ workshop: true })).expect(201);
      expect(workshop).toMatchObject({ workshop: true, povertyAlleviatedEmployed: 0, povertyAlleviatedEmployedThisYear: 0 });

      const byId = started({ employerId: workshop.id });
      const byCode = started({ employerCreditCode: workshop.creditCode, priorityGroups: ['monitoring_target', 'relocated'] });
      const notCounted = started({ employerId: workshop.id, priorityGroups: ['relocated'] });
      const elsewhere = started({ employerId: randomUUID() });
      const lastYear = started({ employerId: workshop.id, startDate: `${Number(chinaDay(0).slice(0, 4)) - 1}-03-01` });
      await send([byId, byCode, notCounted, elsewhere, lastYear, byId /* redelivered */, ended(lastYear, `${Number(chinaDay(0).slice(0, 4)) - 1}-12-31`)]);
      await ledgerHas(lastYear.data.placementId, true);

      const now = await read(asAgency(agency), workshop.id).expect(200);
      expect(now.body).toMatchObject({ povertyAlleviatedEmployed: 2, povertyAlleviatedEmployedThisYear: 2 });
      // a bureau of the region sees the same figures
      expect((await read(asBureau('440300'), workshop.id).expect(200)).body.povertyAlleviatedEmployed).toBe(2);

      // byId's worker leaves: no longer employed now, still placed this year; a repeated end changes nothing
      const leaves = ended(byId);
      await send([leaves, leaves]);
      await ledgerHas(byId.data.placementId, true);
      const after = await read(asAgency(agency), workshop.id).expect(200);
      expect(after.body).toMatchObject({ povertyAlleviatedEmployed: 1, povertyAlleviatedEmployedThisYear: 2 });

      // the same worker placed again this year counts once in the year's figure
      const back = started({ employerId: workshop.id, workerId: byId.data.workerId });
      await send([back]);
      await ledgerHas(back.data.placementId, false);
      expect((await read(asAgency(agency), workshop.id).expect(200)).body).toMatchObject({ povertyAlleviatedEmployed: 2, povertyAlleviatedEmployedThisYear: 2 });
    });

    it('shows the figures only while the employer is a workshop; the flag is switched by its agency or a bureau of the region', async () => {
      const agency = newAgencyId();
      const { body: employer } = await register(asAgency(agency), employerBody()).expect(201);
      const patch = (auth: string, body: object, id = employer.id) => request(running.url).patch(`/v1/employers/${id}`).set('Authorization', auth).send(body);

      await patch(asAgency(newAgencyId()), { workshop: true }).expect(403);
      await patch(asBureau('510000'), { workshop: true }).expect(403);
      await patch(asAgency(agency), { workshop: 'yes' }).expect(400);
      const on = await patch(asBureau('440300'), { workshop: true }).expect(200);
      expect(on.body).toMatchObject({ workshop: true, version: 2, povertyAlleviatedEmployed: 0, povertyAlleviatedEmployedThisYear: 0 });
      const same = await patch(asAgency(agency), { workshop: true }).expect(200);
      expect(same.body.version).toBe(2);
      const off = await patch(asAgency(agency), { workshop: false }).expect(200);
      expect(off.body.version).toBe(3);
      expect(off.body).not.toHaveProperty('povertyAlleviatedEmployed');
      await reference.waitFor((messages) => messages.filter((m) => m.key === employer.id).length === 3);
      const versions = reference.messages.filter((m) => m.key === employer.id).map((m) => JSON.parse(m.value).data);
      expect(versions.map((d: EmployerRegisteredData) => [d.version, d.workshop])).toEqual([[1, false], [2, true], [3, false]]);
    });
  });

  describe('jobs name a registered employer', () => {
    it('refuses an unregistered employerId with 422 naming it, returns and publishes a registered one', async () => {
      const agency = newAgencyId();
      const auth = asAgency(agency);
      const unknown = randomUUID();
      const refused = await request(running.url).post('/v1/jobs').set('Authorization', auth).send(gigJob({ employerId: unknown })).expect(422);
      expect(refused.body).toMatchObject({ code: 'JOB.UNKNOWN_REFERENCE', details: [{ field: 'employerId', problem: expect.stringMatching(unknown) }] });
      await request(running.url).post('/v1/jobs').set('Authorization', auth).send(gigJob({ employerId: 'not-a-uuid' })).expect(400);

      const { body: employer } = await register(auth, employerBody()).expect(201);
      const { body: job } = await request(running.url).post('/v1/jobs').set('Authorization', auth).send(gigJob({ employerId: employer.id })).expect(201);
      expect(job.employerId).toBe(employer.id);
      expect((await request(running.url).get(`/v1/jobs/${job.id}`).set('Authorization', auth).expect(200)).body.employerId).toBe(employer.id);
      await jobs.waitFor((messages) => messages.some((m) => m.key === job.id));
      const event = JSON.parse(jobs.messages.find((m) => m.key === job.id)!.value).data as JobChangedData;
      expect(event.employerId).toBe(employer.id);

      const put = await request(running.url).put(`/v1/jobs/${job.id}`).set('Authorization', auth).send(gigJob({ externalId: job.externalId, employerId: unknown })).expect(422);
      expect(put.body.details).toEqual([{ field: 'employerId', problem: expect.any(String) }]);
    });

    it('bulk: an item with an unregistered employer gets its own 422, the others are written', async () => {
      const auth = asAgency(newAgencyId());
      const { body: employer } = await register(auth, employerBody()).expect(201);
      const res = await request(running.url).post('/v1/jobs/bulk').set('Authorization', auth)
        .send({ jobs: [gigJob({ employerId: employer.id }), gigJob({ employerId: randomUUID() }), gigJob()] }).expect(200);
      expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([201, 422, 201]);
      expect(res.body.results[1].error).toMatchObject({ code: 'JOB.UNKNOWN_REFERENCE', details: [{ field: 'employerId', problem: expect.any(String) }] });
      const [row] = await dataSource.query(`SELECT employer_id FROM "${SCHEMA}".jobs WHERE id = $1`, [res.body.results[0].id]);
      expect(row.employer_id).toBe(employer.id);
    });
  });
});
