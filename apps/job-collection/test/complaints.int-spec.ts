import { type Principal } from '@laowu/auth';
import { createEnvelope, TOPICS, WorkerChanged, type WorkerChangedData } from '@laowu/contracts';
import { makeResidentId } from '@laowu/domain';
import { createKafka, EventPublisher } from '@laowu/messaging';
import { eventually, workerData } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { testInfra } from '../../../test/support/infra';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { type JobCollectionConfig } from '../src/job-collection.config';
import { SCHEMA } from '../src/schema';
import { as, asAgency, freshCreditCode, newAgencyId, SPEC } from './job-collection.fixtures';

/** 维权 (十一): complaints filed by the worker's station, routed to the bureau of the employer's region. */
describe('job-collection: complaints', () => {
  let running: TestApp<JobCollectionConfig>;
  let dataSource: DataSource;
  let publisher: EventPublisher;

  const run = randomUUID().slice(0, 8);
  const stationA: Principal = { sub: `station-a-${run}`, role: 'station', region: '513401' };
  const stationB: Principal = { sub: `station-b-${run}`, role: 'station', region: '440306' };
  const bureauA: Principal = { sub: `bureau-a-${run}`, role: 'bureau', region: '513400' };
  const bureauB: Principal = { sub: `bureau-b-${run}`, role: 'bureau', region: '440300' };
  const admin: Principal = { sub: `admin-${run}`, role: 'admin', region: '100000' };
  const workerA = randomUUID();
  const workerB = randomUUID();

  /** A resident ID number and a mobile number as a station might type them into the description. */
  const idNumber = makeResidentId({ regionCode: '513401', birthDate: '1988-03-14', gender: 'male' });
  const phone = '13912345678';

  beforeAll(async () => {
    running = await startTestApp(SPEC);
    dataSource = running.app.get(DataSource);
    publisher = new EventPublisher(createKafka({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'job-collection-complaints-test' }));
    const send = (events: WorkerChangedData[]) =>
      publisher.send(TOPICS.workers, events.map((w) => ({ key: workerA, value: JSON.stringify(createEnvelope(WorkerChanged, w, { producer: 'worker-profiles' })) })));
    const known = (workerId: string) =>
      eventually(async () => {
        const rows: unknown[] = await dataSource.query(`SELECT 1 FROM "${SCHEMA}".worker_view WHERE worker_id = $1`, [workerId]);
        return rows.length === 1;
      }, 60000, 200, `worker ${workerId} in worker_view`);
    // Worker A at version 2; then, on the same partition and in order, a stale version 1 of A
    // naming station B (ignored: the view keeps the higher version) and worker B. Once B is in the
    // view, the stale event has been handled.
    await send([workerData({ workerId: workerA, stationId: stationA.sub, version: 2 })]);
    await known(workerA);
    await send([workerData({ workerId: workerA, stationId: stationB.sub, version: 1 }), workerData({ workerId: workerB, stationId: stationB.sub })]);
    await known(workerB);
    const view = await dataSource.query(`SELECT station_id, version FROM "${SCHEMA}".worker_view WHERE worker_id = $1`, [workerA]);
    expect(view).toEqual([{ station_id: stationA.sub, version: 2 }]);
  });

  afterAll(async () => {
    await publisher?.close();
    await running?.close();
  });

  const complaint = (overrides: Record<string, unknown> = {}) => ({
    workerId: workerA,
    employer: { name: `凉山某建筑劳务公司-${run}`, regionCode: '513401' },
    kind: 'wage_arrears',
    amount: 12800.5,
    description: `工地拖欠三个月工资。身份证 ${idNumber}，电话 ${phone}`,
    ...overrides,
  });
  const file = (who: Principal, body: Record<string, unknown>) => request(running.url).post('/v1/complaints').set('Authorization', as(who)).send(body);
  const get = (who: Principal, id: string) => request(running.url).get(`/v1/complaints/${id}`).set('Authorization', as(who));
  const move = (who: Principal, id: string, body: Record<string, unknown>) =>
    request(running.url).post(`/v1/complaints/${id}/status`).set('Authorization', as(who)).send(body);
  const list = (who: Principal, query: Record<string, string | number>) => request(running.url).get('/v1/complaints').query(query).set('Authorization', as(who));
  const refusal = (body: Record<string, unknown>) => ({ statusCode: body.statusCode, code: body.code, message: body.message });
  /** No resident ID (18 characters) or phone-length digit run anywhere in a response. */
  const assertNoPersonalNumbers = (body: unknown) => {
    const text = JSON.stringify(body).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'uuid');
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain(phone);
    expect(text).not.toMatch(/\d{11,}/);
  };

  it("files a complaint for the station's own worker, routed to the employer's region, with personal numbers masked", async () => {
    const { body } = await file(stationA, complaint({ placementId: randomUUID() })).expect(201);
    expect(body).toMatchObject({
      workerId: workerA, stationId: stationA.sub, kind: 'wage_arrears', amount: 12800.5, status: 'received', routedRegionCode: '513401',
      employer: { name: `凉山某建筑劳务公司-${run}`, regionCode: '513401' },
      history: [{ status: 'received', by: stationA.sub }],
    });
    expect(body.description).toBe(`工地拖欠三个月工资。身份证 ${idNumber.slice(0, 3)}${'*'.repeat(13)}${idNumber.slice(-2)}，电话 139******78`);
    assertNoPersonalNumbers(body);
    // Not stored either.
    const [row] = await dataSource.query(`SELECT description FROM "${SCHEMA}".complaints WHERE id = $1`, [body.id]);
    expect(row.description).toBe(body.description);
    assertNoPersonalNumbers((await get(stationA, body.id).expect(200)).body);
    assertNoPersonalNumbers((await list(stationA, { pageSize: 100 }).expect(200)).body);
  });

  it("refuses another station's worker and an unknown worker with one 403 body, writing nothing", async () => {
    const before = await dataSource.query(`SELECT count(*)::int AS n FROM "${SCHEMA}".complaints WHERE station_id = $1`, [stationB.sub]);
    const foreign = await file(stationB, complaint()).expect(403);
    const unknown = await file(stationB, complaint({ workerId: randomUUID() })).expect(403);
    expect(foreign.body.code).toBe('COMPLAINT.WORKER_NOT_YOURS');
    expect(refusal(unknown.body)).toEqual(refusal(foreign.body));
    // Access is decided before the body's rules: an invalid credit code on another's worker is still the 403.
    const ruled = await file(stationB, complaint({ employer: { name: 'x', creditCode: '914403001922038217' } })).expect(403);
    expect(refusal(ruled.body)).toEqual(refusal(foreign.body));
    const after = await dataSource.query(`SELECT count(*)::int AS n FROM "${SCHEMA}".complaints WHERE station_id = $1`, [stationB.sub]);
    expect(after).toEqual(before);
    // Stations file; bureaus, agencies and admins do not.
    await file(bureauA, complaint()).expect(403);
  });

  it("is visible to the routed region's bureau and not to another region's (403 by id, absent from its list)", async () => {
    const { body: filed } = await file(stationA, complaint()).expect(201);
    expect((await get(bureauA, filed.id).expect(200)).body.id).toBe(filed.id);
    expect((await get(admin, filed.id).expect(200)).body.id).toBe(filed.id);
    const foreign = await get(bureauB, filed.id).expect(403);
    const missing = await get(bureauB, randomUUID()).expect(403);
    expect(foreign.body.code).toBe('COMPLAINT.NOT_YOURS');
    expect(refusal(missing.body)).toEqual(refusal(foreign.body));
    await get(stationB, filed.id).expect(403);
    await get(admin, randomUUID()).expect(404);

    const ids = async (who: Principal, query: Record<string, string | number>) =>
      ((await list(who, { pageSize: 100, ...query }).expect(200)).body.items as { id: string }[]).map((c) => c.id);
    expect(await ids(bureauA, { regionCode: '513401', status: 'received' })).toContain(filed.id);
    expect(await ids(bureauA, {})).toContain(filed.id);
    expect(await ids(bureauA, { status: 'accepted' })).not.toContain(filed.id);
    expect(await ids(bureauB, {})).not.toContain(filed.id);
    expect(await ids(stationA, {})).toContain(filed.id);
    expect(await ids(stationB, {})).not.toContain(filed.id);
    // One worker's complaints (the worker's page), still inside the caller's scope.
    expect(await ids(stationA, { workerId: workerA })).toContain(filed.id);
    expect(await ids(stationA, { workerId: workerB })).toEqual([]);
    expect(await ids(stationB, { workerId: workerA })).toEqual([]);
    expect((await list(stationA, { workerId: 'not-a-uuid' }).expect(400)).body.details[0].field).toBe('workerId');
    // A bureau asks only inside its own region.
    const outside = await list(bureauB, { regionCode: '513400' }).expect(403);
    expect(outside.body.code).toBe('REGION.FORBIDDEN');
  });

  it('routes by the registered employer, else by the credit code, else asks for the region', async () => {
    const registered = freshCreditCode('513401'); // registered in 西昌 but the employer record says 440306
    await request(running.url).post('/v1/employers').set('Authorization', asAgency(newAgencyId()))
      .send({ name: '深圳某电子厂', creditCode: registered, regionCode: '440306' }).expect(201);
    const byRegistry = await file(stationA, complaint({ employer: { name: '深圳某电子厂', creditCode: registered } })).expect(201);
    expect(byRegistry.body.routedRegionCode).toBe('440306');
    await get(bureauB, byRegistry.body.id).expect(200);
    await get(bureauA, byRegistry.body.id).expect(403);

    const unregistered = freshCreditCode('510106');
    const byCode = await file(stationA, complaint({ employer: { name: '成都某物业公司', creditCode: unregistered } })).expect(201);
    expect(byCode.body.routedRegionCode).toBe('510106');

    // The station's regionCode wins over both.
    const stated = await file(stationA, complaint({ employer: { name: '深圳某电子厂', creditCode: registered, regionCode: '513401' } })).expect(201);
    expect(stated.body.routedRegionCode).toBe('513401');

    const none = await file(stationA, complaint({ employer: { name: '某包工头' } })).expect(422);
    expect(none.body).toMatchObject({ code: 'COMPLAINT.REGION_REQUIRED', details: [{ field: 'employer.regionCode' }] });
    const badCheck = await file(stationA, complaint({ employer: { name: '某公司', creditCode: `${unregistered.slice(0, 17)}${unregistered[17] === '0' ? '1' : '0'}` } })).expect(422);
    expect(badCheck.body).toMatchObject({ code: 'COMPLAINT.CREDIT_CODE_INVALID', details: [{ field: 'employer.creditCode' }] });
    const unknownRegion = await file(stationA, complaint({ employer: { name: '某公司', regionCode: '999999' } })).expect(422);
    expect(unknownRegion.body).toMatchObject({ code: 'REGION.UNKNOWN', details: [{ field: 'employer.regionCode' }] });
    const badInput = await file(stationA, complaint({ kind: 'theft', amount: 1.234, description: 'x'.repeat(2001) })).expect(400);
    expect((badInput.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['amount', 'description', 'kind']);
  });

  it('moves received → accepted → resolved with a history, refuses other moves with 409 naming status and other bureaus with 403', async () => {
    const { body: filed } = await file(stationA, complaint()).expect(201);
    const notYours = await move(bureauB, filed.id, { status: 'accepted' }).expect(403);
    expect(refusal((await move(bureauB, randomUUID(), { status: 'accepted' }).expect(403)).body)).toEqual(refusal(notYours.body));
    await move(stationA, filed.id, { status: 'accepted' }).expect(403);

    const skip = await move(bureauA, filed.id, { status: 'resolved' }).expect(409);
    expect(skip.body).toMatchObject({ code: 'COMPLAINT.STATUS_MOVE_NOT_ALLOWED', details: [{ field: 'status' }] });
    await move(bureauA, filed.id, { status: 'received' }).expect(400);

    const accepted = await move(bureauA, filed.id, { status: 'accepted', note: `已受理，联系人电话 ${phone}` }).expect(200);
    expect(accepted.body.status).toBe('accepted');
    assertNoPersonalNumbers(accepted.body);
    await move(admin, filed.id, { status: 'resolved', note: '已追回工资' }).expect(200);
    const again = await move(bureauA, filed.id, { status: 'rejected' }).expect(409);
    expect(again.body.details).toEqual([{ field: 'status', problem: expect.stringContaining('final') }]);

    const { body: seen } = await get(stationA, filed.id).expect(200);
    expect(seen.status).toBe('resolved');
    expect(seen.history.map((h: { status: string; by: string; note?: string }) => [h.status, h.by, h.note])).toEqual([
      ['received', stationA.sub, undefined],
      ['accepted', bureauA.sub, '已受理，联系人电话 139******78'],
      ['resolved', admin.sub, '已追回工资'],
    ]);
  });

  it('counts complaints per employer for the bureau of their region', async () => {
    const code = freshCreditCode('513401');
    const employer = { name: `西昌某砖厂-${run}`, creditCode: code, regionCode: '513401' };
    const ids: string[] = [];
    for (const kind of ['wage_arrears', 'wage_arrears', 'injury']) {
      ids.push((await file(stationA, complaint({ employer, kind })).expect(201)).body.id);
    }
    await move(bureauA, ids[0], { status: 'rejected' }).expect(200);
    const nameOnly = `西昌某餐馆-${run}`;
    await file(stationA, complaint({ employer: { name: nameOnly, regionCode: '513401' }, kind: 'contract' })).expect(201);
    await file(stationA, complaint({ employer: { name: nameOnly, regionCode: '513401' }, kind: 'other' })).expect(201);

    const { body: counts } = await request(running.url).get('/v1/complaints/by-employer').query({ regionCode: '513401' }).set('Authorization', as(bureauA)).expect(200);
    expect(counts.find((c: { creditCode?: string }) => c.creditCode === code)).toEqual({
      creditCode: code, name: employer.name, total: 3, open: 2, byKind: { wage_arrears: 2, injury: 1 },
    });
    expect(counts.find((c: { name: string }) => c.name === nameOnly)).toEqual({ name: nameOnly, total: 2, open: 2, byKind: { contract: 1, other: 1 } });

    const { body: elsewhere } = await request(running.url).get('/v1/complaints/by-employer').set('Authorization', as(bureauB)).expect(200);
    expect(elsewhere.find((c: { creditCode?: string }) => c.creditCode === code)).toBeUndefined();
    await request(running.url).get('/v1/complaints/by-employer').query({ regionCode: '513401' }).set('Authorization', as(bureauB)).expect(403);
    await request(running.url).get('/v1/complaints/by-employer').set('Authorization', as(stationA)).expect(403);
  });
});
