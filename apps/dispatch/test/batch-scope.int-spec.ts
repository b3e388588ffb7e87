import { type Principal } from '@laowu/auth';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type TestApp } from '../../../test/support/test-app';
import { mayReadBatch, readableBatchesSql } from '../src/batches/batch.access';
import { BatchEntity } from '../src/batches/batch.entity';
import { type DispatchConfig } from '../src/dispatch.config';
import { Events, job, startDispatch, tokens, viewsHold, worker } from './dispatch.fixtures';

/**
 * Issue 14 #5: a coordinator's batches, origins and workers stay inside its region, and bureaus
 * read the batches leaving theirs. A refusal reads the same whether the batch exists or not.
 */
describe('dispatch: batches stay inside the coordinator’s region', () => {
  let running: TestApp<DispatchConfig>;
  const events = new Events();
  const run = randomUUID().slice(0, 8);
  const as = (role: Principal['role'], region: string, sub = `${role}-${region}-${run}`) => tokens.as({ sub, role, region });
  const xichang = as('coordinator', '513401');
  const sichuan = as('coordinator', '510000');
  const liangshan = as('coordinator', '513400');
  const neighbour = as('coordinator', '513401', `coordinator-neighbour-${run}`);
  const shenzhen = as('coordinator', '440306');
  const destination = job({ agencyId: `agency-${run}`, headcount: 100 });
  const local = worker();
  const fromHere = worker({ homeRegionCode: '513401', residenceRegionCode: '440306' });
  const chengdu = worker({ homeRegionCode: '510104', residenceRegionCode: '510104' });
  const guangdong = worker({ homeRegionCode: '440306', residenceRegionCode: '440306' });
  const shenzhenStation = `station-440306-${run}`;
  const xichangStation = `station-513401-${run}`;

  beforeAll(async () => {
    running = await startDispatch();
    await events.jobs(destination);
    await events.workers(local, fromHere, chengdu, guangdong);
    await viewsHold(running, { jobs: [destination.jobId], workers: [local, fromHere, chengdu, guangdong].map((w) => w.workerId) });
    for (const [id, regionCode] of [[shenzhenStation, '440306'], [xichangStation, '513401']]) {
      await api().post('/v1/stations').set('Authorization', tokens.admin())
        .send({ id, name: `scope ${run} ${regionCode}`, regionCode, location: { lat: 27.88, lon: 102.27 } }).expect(201);
    }
  });

  afterAll(async () => {
    await events.close();
    await running?.close();
  });

  const api = () => request(running.url);
  const plan = (token: string, overrides: Record<string, unknown> = {}) =>
    api().post('/v1/dispatch/batches').set('Authorization', token).send({
      originRegionCode: '513401',
      destination: { jobIds: [destination.jobId], regionCode: '440306', address: `scope ${run} 宝安区` },
      departAt: '2026-12-01T07:00:00+08:00',
      transport: { mode: 'bus', capacity: 10 },
      ...overrides,
    });
  const seat = (token: string, batchId: string, workerIds: string[]) => api().post(`/v1/dispatch/batches/${batchId}/workers`).set('Authorization', token).send({ workerIds });
  const asAdmin = async (batchId: string) => (await api().get(`/v1/dispatch/batches/${batchId}`).set('Authorization', tokens.admin()).expect(200)).body;
  const batchesOf = async (coordinatorId: string) =>
    (await running.app.get(DataSource).query(`SELECT count(*)::int AS n FROM dispatch.batches WHERE coordinator_id = $1`, [coordinatorId]))[0].n as number;

  it('lets a coordinator plan only from inside its region (a province covers its province, a prefecture its prefecture)', async () => {
    const outside = await plan(shenzhen).expect(403);
    expect(outside.body).toMatchObject({ code: 'BATCH.OUTSIDE_REGION', details: [{ field: 'originRegionCode' }] });
    await plan(liangshan, { originRegionCode: '510104' }).expect(403);
    expect(await batchesOf(`coordinator-440306-${run}`)).toBe(0);
    expect(await batchesOf(`coordinator-513400-${run}`)).toBe(0);

    expect((await plan(sichuan).expect(201)).body.originRegionCode).toBe('513401');
    await plan(liangshan).expect(201);
    await plan(xichang).expect(201);
  });

  it('keeps the origin station inside the region too: a station elsewhere 403, one dispatch does not know 422', async () => {
    const foreign = await plan(xichang, { originStationId: shenzhenStation }).expect(403);
    expect(foreign.body).toMatchObject({ code: 'BATCH.OUTSIDE_REGION', details: [{ field: 'originStationId' }] });
    const unknown = await plan(xichang, { originStationId: `station-nowhere-${run}` }).expect(422);
    expect(unknown.body.details).toEqual([{ field: 'originStationId', problem: expect.stringContaining('not a station') }]);
    expect((await plan(xichang, { originStationId: xichangStation }).expect(201)).body.originStationId).toBe(xichangStation);
  });

  it('seats only workers who live in or are from the region; a worker elsewhere or unknown is the same 403', async () => {
    const batchId = (await plan(liangshan).expect(201)).body.id as string;
    const refused = await seat(liangshan, batchId, [local.workerId, chengdu.workerId, guangdong.workerId, randomUUID()]).expect(403);
    expect(refused.body).toMatchObject({
      code: 'BATCH.WORKERS_OUTSIDE_REGION',
      details: [1, 2, 3].map((i) => ({ field: `workerIds[${i}]`, problem: 'is not a worker of your region' })),
    });
    expect((await asAdmin(batchId)).workers).toEqual([]);

    const seated = await seat(liangshan, batchId, [local.workerId, fromHere.workerId]).expect(200);
    expect(seated.body.seated.sort()).toEqual([local.workerId, fromHere.workerId].sort());
    // the province covers 成都 as well
    const provincial = (await plan(sichuan).expect(201)).body.id as string;
    expect((await seat(sichuan, provincial, [chengdu.workerId]).expect(200)).body.seated).toEqual([chengdu.workerId]);
    await api().post(`/v1/dispatch/batches/${batchId}/cancel`).set('Authorization', liangshan).expect(200);
    await api().post(`/v1/dispatch/batches/${provincial}/cancel`).set('Authorization', sichuan).expect(200);
  });

  it('refuses another coordinator’s batch with the answer it gives for a batch that does not exist, and leaves the batch as it was', async () => {
    const batchId = (await plan(xichang).expect(201)).body.id as string;
    await seat(xichang, batchId, [local.workerId]).expect(200);
    const before = await asAdmin(batchId);
    const missing = randomUUID();
    const calls: [string, string, object?][] = [
      ['GET', ''],
      ['POST', '/workers', { workerIds: [local.workerId] }],
      ['DELETE', `/workers/${local.workerId}`],
      ...(['board', 'depart', 'arrive', 'close', 'cancel'] as const).map((step): [string, string, object?] => ['POST', `/${step}`, {}]),
    ];
    for (const token of [neighbour, sichuan, shenzhen]) {
      for (const [method, suffix, body] of calls) {
        const send = (id: string) => {
          const req = api()[method.toLowerCase() as 'get' | 'post' | 'delete'](`/v1/dispatch/batches/${id}${suffix}`).set('Authorization', token);
          return body ? req.send(body) : req;
        };
        const [foreign, unknown] = [await send(batchId), await send(missing)];
        expect({ call: `${method} ${suffix}`, status: foreign.status, body: foreign.body }).toEqual({ call: `${method} ${suffix}`, status: 403, body: unknown.body });
        expect(foreign.body.code).toBe('BATCH.NOT_YOURS');
        expect(JSON.stringify(foreign.body)).not.toContain(batchId);
      }
    }
    expect(await asAdmin(batchId)).toEqual(before);
    await api().get(`/v1/dispatch/batches/${missing}`).set('Authorization', tokens.admin()).expect(404);
    await api().post(`/v1/dispatch/batches/${batchId}/cancel`).set('Authorization', xichang).expect(200);
  });

  it('lets a bureau read the batches leaving its region only', async () => {
    const batchId = (await plan(xichang).expect(201)).body.id as string;
    await api().get(`/v1/dispatch/batches/${batchId}`).set('Authorization', as('bureau', '513400')).expect(200);
    await api().get(`/v1/dispatch/batches/${batchId}`).set('Authorization', as('bureau', '510000')).expect(200);
    const away = as('bureau', '440300');
    const foreign = await api().get(`/v1/dispatch/batches/${batchId}`).set('Authorization', away).expect(403);
    const unknown = await api().get(`/v1/dispatch/batches/${randomUUID()}`).set('Authorization', away).expect(403);
    expect(foreign.body).toEqual(unknown.body);
    await api().post(`/v1/dispatch/batches/${batchId}/cancel`).set('Authorization', as('bureau', '513400')).expect(403);
  });

  it('lists, in SQL, exactly the batches mayReadBatch lets each caller read', async () => {
    // Batches of this run from four origins, planned by three coordinators.
    for (const [token, originRegionCode] of [[sichuan, '510104'], [liangshan, '513402'], [neighbour, '513401'], [shenzhen, '440306']] as const) {
      await plan(token, { originRegionCode }).expect(201);
    }
    const ofThisRun = () => running.app.get(DataSource).getRepository(BatchEntity).createQueryBuilder('b').andWhere('b.destination_address = :address', { address: `scope ${run} 宝安区` });
    const all = await ofThisRun().getMany();
    const principals: Principal[] = [
      { sub: `coordinator-513401-${run}`, role: 'coordinator', region: '513401' },
      { sub: `coordinator-510000-${run}`, role: 'coordinator', region: '510000' },
      { sub: `coordinator-neighbour-${run}`, role: 'coordinator', region: '513401' },
      { sub: `coordinator-510000-${run}`, role: 'coordinator', region: '513400' },
      { sub: 'b', role: 'bureau', region: '513400' },
      { sub: 'b', role: 'bureau', region: '510000' },
      { sub: 'b', role: 'bureau', region: '440300' },
      { sub: 's', role: 'station', region: '513401' },
      { sub: 'a', role: 'admin', region: '100000' },
    ];
    for (const principal of principals) {
      const readable = readableBatchesSql(principal, 'b');
      const query = ofThisRun();
      if (readable) query.andWhere(readable.sql, readable.params);
      const listed = (await query.getMany()).map((b) => b.id).sort();
      expect({ principal, listed }).toEqual({ principal, listed: all.filter((b) => mayReadBatch(principal, b)).map((b) => b.id).sort() });
    }
    expect(new Set(all.map((b) => b.coordinatorId)).size).toBeGreaterThanOrEqual(4);
  });
});
