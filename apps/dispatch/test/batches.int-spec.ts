import { TOPICS, WorkerArrived, BatchStateChanged } from '@laowu/contracts';
import { FieldCipher } from '@laowu/platform';
import { eventually } from '@laowu/testkit';
import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TopicRecorder } from '../../../test/support/kafka';
import { type TestApp } from '../../../test/support/test-app';
import { bearer } from '../../../test/support/tokens';
import { type DispatchConfig } from '../src/dispatch.config';
import { Events, job, match, startDispatch, tokens, viewsHold, worker } from './dispatch.fixtures';

const ACTIONS = ['board', 'depart', 'arrive', 'close', 'cancel'] as const;

describe('dispatch: point-to-point batches', () => {
  let running: TestApp<DispatchConfig>;
  let recorder: TopicRecorder;
  const events = new Events();
  const coordinator = `coordinator-${randomUUID().slice(0, 8)}`;
  const asCoordinator = () => tokens.coordinator(coordinator);
  const agencyId = `agency-${randomUUID().slice(0, 8)}`;
  const destination = job({ agencyId, headcount: 200 });
  const pool = Array.from({ length: 60 }, () => worker());
  const poor = worker({ priorityGroups: ['poverty_alleviated'] });
  const stayAtHome = worker({ willingToMigrate: false });

  beforeAll(async () => {
    // The races below send 50 calls at once on purpose: room for all of them past admission control.
    running = await startDispatch({ MAX_IN_FLIGHT: '128' });
    recorder = await TopicRecorder.start([TOPICS.dispatch]);
    await events.jobs(destination);
    await events.workers(...pool, poor, stayAtHome);
    await viewsHold(running, { jobs: [destination.jobId], workers: [...pool, poor, stayAtHome].map((w) => w.workerId) });
  });

  afterAll(async () => {
    await recorder?.stop();
    await events.close();
    await running?.close();
  });

  const api = () => request(running.url);

  async function createBatch(capacity: number, jobIds = [destination.jobId]): Promise<string> {
    const res = await api()
      .post('/v1/dispatch/batches')
      .set('Authorization', asCoordinator())
      .send({
        originRegionCode: '513401',
        destination: { jobIds, regionCode: '440306', address: '深圳市宝安区福永街道', employer: '某电子厂' },
        departAt: '2026-12-01T07:00:00+08:00',
        transport: { mode: 'bus', capacity },
      })
      .expect(201);
    expect(res.body).toMatchObject({ state: 'planned', seatsLeft: capacity, workers: [] });
    return res.body.id;
  }

  const act = (batchId: string, action: string, body?: object) =>
    api().post(`/v1/dispatch/batches/${batchId}/${action}`).set('Authorization', asCoordinator()).send(body);
  const addWorkers = (batchId: string, workerIds: string[]) =>
    api().post(`/v1/dispatch/batches/${batchId}/workers`).set('Authorization', asCoordinator()).send({ workerIds });
  const manifest = async (batchId: string) => (await api().get(`/v1/dispatch/batches/${batchId}`).set('Authorization', asCoordinator()).expect(200)).body;

  async function expectOnly(batchId: string, allowed: string[]): Promise<void> {
    const { state } = await manifest(batchId);
    for (const action of ACTIONS.filter((a) => !allowed.includes(a))) {
      const res = await act(batchId, action);
      expect({ state, action, status: res.status, code: res.body.code, currentState: res.body.currentState }).toEqual({
        state, action, status: 409, code: 'BATCH.INVALID_TRANSITION', currentState: state,
      });
    }
  }

  it('refuses every invalid transition with 409 naming the current state', async () => {
    const batchId = await createBatch(5);
    await addWorkers(batchId, [pool[0].workerId]).expect(200);
    await expectOnly(batchId, ['board', 'cancel']);
    await act(batchId, 'board').expect(200);
    await expectOnly(batchId, ['board', 'depart', 'cancel']);
    await act(batchId, 'depart').expect(200);
    await expectOnly(batchId, ['arrive', 'cancel']);
    await act(batchId, 'arrive').expect(200);
    await expectOnly(batchId, ['arrive', 'close']);
    await act(batchId, 'close').expect(200);
    await expectOnly(batchId, []);

    const cancelled = await createBatch(5);
    await act(cancelled, 'cancel').expect(200);
    await expectOnly(cancelled, []);
    const late = await addWorkers(cancelled, [pool[1].workerId]).expect(409);
    expect(late.body).toMatchObject({ code: 'BATCH.MANIFEST_CLOSED', currentState: 'cancelled' });
  });

  it('50 concurrent add-worker calls never exceed capacity', async () => {
    const batchId = await createBatch(10);
    const candidates = pool.slice(2, 52).map((w) => w.workerId);
    const results = await Promise.all(candidates.map((workerId) => addWorkers(batchId, [workerId])));
    expect(results.filter((r) => r.status === 200)).toHaveLength(10);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'BATCH.FULL')).toBe(true);
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    const seated = await manifest(batchId);
    expect(seated).toMatchObject({ seatsTaken: 10, seatsLeft: 0 });
    expect(seated.workers).toHaveLength(10);
    await act(batchId, 'cancel').expect(200);
  });

  it('50 concurrent add-worker calls across two batches never put one worker on two active batches', async () => {
    const [first, second] = [await createBatch(40), await createBatch(40)];
    const contested = pool.slice(2, 27).map((w) => w.workerId);
    const calls = contested.flatMap((workerId) => [addWorkers(first, [workerId]), addWorkers(second, [workerId])]);
    const results = await Promise.all(calls);
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(25);
    const onBoth = [...(await manifest(first)).workers, ...(await manifest(second)).workers].map((w: { workerId: string }) => w.workerId);
    expect(onBoth.sort()).toEqual([...contested].sort());
    await act(first, 'cancel').expect(200);
    await act(second, 'cancel').expect(200);
  });

  it('seats poverty-alleviated workers first when over-subscribed (十四) and refuses ineligible workers', async () => {
    const batchId = await createBatch(2);
    const [plainA, plainB] = [pool[52].workerId, pool[53].workerId];
    const res = await addWorkers(batchId, [plainA, plainB, poor.workerId]).expect(200);
    expect(res.body).toMatchObject({ seated: [poor.workerId, plainA], waitlisted: [plainB], rejected: [], seatsLeft: 0 });
    const lines = (await manifest(batchId)).workers;
    expect(lines.find((w: { workerId: string }) => w.workerId === poor.workerId).priorityGroups).toEqual(['poverty_alleviated']);

    const other = await createBatch(2);
    const refused = await addWorkers(other, [stayAtHome.workerId]).expect(422);
    expect(refused.body.details).toEqual([{ field: 'workerIds[0]', problem: expect.stringContaining('willing-to-migrate') }]);
    const taken = await addWorkers(other, [poor.workerId]).expect(409);
    expect(taken.body.code).toBe('BATCH.WORKER_ON_ANOTHER_BATCH');
    await act(batchId, 'cancel').expect(200);
    await act(other, 'cancel').expect(200);
  });

  it('runs a batch end to end: accepted match → seat → board → depart → arrive, with events and outcome figures', async () => {
    const stationId = `station-${randomUUID().slice(0, 8)}`;
    const traveller = worker({ stationId, willingToMigrate: false, priorityGroups: ['poverty_alleviated'] });
    const noShow = pool[54];
    await events.workers(traveller);
    const found = match(stationId, destination, { workerId: traveller.workerId });
    await events.matches(found);
    await viewsHold(running, { workers: [traveller.workerId] });
    await eventually(() => api().post(`/v1/matches/${found.matchId}/accept`).set('Authorization', tokens.station(stationId)).expect(200), 60000);

    const batchId = await createBatch(3);
    const seated = await addWorkers(batchId, [traveller.workerId, noShow.workerId]).expect(200);
    expect(seated.body.seated).toEqual([traveller.workerId, noShow.workerId]);
    await act(batchId, 'board', { workerIds: [traveller.workerId] }).expect(200);
    const departed = (await act(batchId, 'depart').expect(200)).body;
    expect(departed.state).toBe('departed');
    expect(departed.workers.find((w: { workerId: string }) => w.workerId === noShow.workerId).status).toBe('no_show');
    const arrived = (await act(batchId, 'arrive').expect(200)).body;
    expect(arrived.state).toBe('arrived');
    expect(arrived.workers.find((w: { workerId: string }) => w.workerId === traveller.workerId)).toMatchObject({ status: 'arrived', basis: 'accepted_match' });

    const messages = await recorder.waitFor((all) => all.filter((m) => m.key === batchId).length >= 4, 30000);
    const ofBatch = messages.filter((m) => m.key === batchId).map((m) => JSON.parse(m.value));
    expect(ofBatch.filter((e) => e.type === BatchStateChanged.type).map((e) => e.data.state)).toEqual(['boarding', 'departed', 'arrived']);
    const arrivals = ofBatch.filter((e) => e.type === WorkerArrived.type).map((e) => e.data);
    expect(arrivals).toEqual([
      expect.objectContaining({
        batchId, jobId: destination.jobId, workerId: traveller.workerId, agencyId, employer: '某电子厂',
        regionCode: '440306', priorityGroups: ['poverty_alleviated'],
      }),
    ]);

    const stats = await api().get(`/v1/dispatch/stats?agencyId=${agencyId}`).set('Authorization', tokens.admin()).expect(200);
    // The first test's batch went to the same agency's job with one worker of no priority group
    // (placements and retention: outcomes.int-spec.ts).
    expect(stats.body.agencies).toMatchObject([
      {
        agencyId,
        dispatched: { total: 2, byPriorityGroup: { poverty_alleviated: 1, monitoring_target: 0, relocated: 0 } },
        arrived: { total: 2, byPriorityGroup: { poverty_alleviated: 1, monitoring_target: 0, relocated: 0 } },
      },
    ]);
    const asAgency = bearer({ sub: agencyId, role: 'agency', region: '440300' });
    await api().get('/v1/dispatch/stats?agencyId=someone-else').set('Authorization', asAgency).expect(403);
    expect((await api().get('/v1/dispatch/stats').set('Authorization', asAgency).expect(200)).body.agencies).toHaveLength(1);
    await act(batchId, 'close').expect(200);
  });

  it("lists a coordinator's own batches, latest departure first, with their seats and without manifests", async () => {
    const lister = `coordinator-${randomUUID().slice(0, 8)}`;
    const plan = async (departAt: string, capacity: number) =>
      (await api().post('/v1/dispatch/batches').set('Authorization', tokens.coordinator(lister))
        .send({ originRegionCode: '513401', destination: { jobIds: [destination.jobId], regionCode: '440306', address: '深圳市宝安区' }, departAt, transport: { mode: 'train', capacity } })
        .expect(201)).body.id as string;
    const early = await plan('2026-12-01T07:00:00+08:00', 4);
    const late = await plan('2026-12-02T07:00:00+08:00', 3);
    await api().post(`/v1/dispatch/batches/${early}/workers`).set('Authorization', tokens.coordinator(lister)).send({ workerIds: [pool[55].workerId] }).expect(200);

    const first = await api().get('/v1/dispatch/batches?pageSize=1').set('Authorization', tokens.coordinator(lister)).expect(200);
    expect(first.body).toMatchObject({ total: 2, page: 1, pageSize: 1, items: [{ id: late, seatsTaken: 0, seatsLeft: 3, state: 'planned' }] });
    const second = await api().get('/v1/dispatch/batches?page=2&pageSize=1').set('Authorization', tokens.coordinator(lister)).expect(200);
    expect(second.body.items).toEqual([expect.objectContaining({ id: early, seatsTaken: 1, seatsLeft: 3, transport: { mode: 'train', capacity: 4 } })]);
    expect(second.body.items[0]).not.toHaveProperty('workers');
    // Another coordinator of the same region sees none of them.
    const other = await api().get('/v1/dispatch/batches').set('Authorization', asCoordinator()).expect(200);
    const othersIds = other.body.items.map((b: { id: string }) => b.id);
    expect(othersIds).not.toContain(early);
    expect(othersIds).not.toContain(late);
    await api().get('/v1/dispatch/batches').set('Authorization', tokens.station('s')).expect(403);
    await api().post(`/v1/dispatch/batches/${early}/cancel`).set('Authorization', tokens.coordinator(lister)).expect(200);
  });

  it('validates a new batch: fields named, unknown regions and jobs 422', async () => {
    const bad = await api().post('/v1/dispatch/batches').set('Authorization', asCoordinator())
      .send({ originRegionCode: 'x', destination: { jobIds: ['nope'], regionCode: '440306', address: '' }, departAt: 'soon', transport: { mode: 'boat', capacity: 0 } })
      .expect(400);
    const fields = bad.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['originRegionCode', 'destination.jobIds', 'destination.address', 'departAt', 'transport.mode', 'transport.capacity']));
    // an admin: for a coordinator, an origin outside its region is a 403 before any rule (batch-scope.int-spec)
    const unknown = await api().post('/v1/dispatch/batches').set('Authorization', tokens.admin())
      .send({ originRegionCode: '999999', destination: { jobIds: [randomUUID()], regionCode: '440306', address: '某地' }, departAt: '2026-12-01T07:00:00+08:00', transport: { mode: 'bus', capacity: 5 } })
      .expect(422);
    expect(unknown.body.details.map((d: { field: string }) => d.field)).toEqual(['originRegionCode', 'destination.jobIds[0]']);
    await api().post('/v1/dispatch/batches').set('Authorization', tokens.station('s')).send({}).expect(403);
  });

  describe('the escort (带队联系人, issue 19)', () => {
    const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
    const mobile = `139${digits(8)}`;
    const landline = `0834-${randomInt(2, 10)}${digits(6)}`;
    const bureau = () => tokens.as({ sub: `bureau-${randomUUID().slice(0, 8)}`, role: 'bureau', region: '513400' });
    const plan = (contact?: unknown, token = asCoordinator()) =>
      api().post('/v1/dispatch/batches').set('Authorization', token).send({
        originRegionCode: '513401',
        destination: { jobIds: [destination.jobId], regionCode: '440306', address: '深圳市宝安区福永街道' },
        departAt: '2026-12-03T07:00:00+08:00',
        transport: { mode: 'bus', capacity: 2 },
        ...(contact === undefined ? {} : { contact }),
      });
    const read = async (batchId: string, token: string) => (await api().get(`/v1/dispatch/batches/${batchId}`).set('Authorization', token).expect(200)).body;
    const storedRow = async (batchId: string) =>
      (await running.app.get(DataSource).query(`SELECT contact_name, contact_phone_enc, row_to_json(b)::text AS everything FROM dispatch.batches b WHERE id = $1`, [batchId]))[0];
    const batchCount = async () => (await running.app.get(DataSource).query(`SELECT count(*)::int AS n FROM dispatch.batches WHERE coordinator_id = $1`, [coordinator]))[0].n as number;

    it('keeps the phone encrypted, shows it in full to whoever may change the batch and masked to a bureau', async () => {
      const written = `+86 ${mobile.slice(0, 3)} ${mobile.slice(3, 7)}-${mobile.slice(7)}`;
      const created = (await plan({ name: '王建华', phone: written }).expect(201)).body;
      expect(created.contact).toEqual({ name: '王建华', phone: mobile });

      const row = await storedRow(created.id);
      expect(row.contact_name).toBe('王建华');
      expect(row.contact_phone_enc).toMatch(/^dev1:[A-Za-z0-9+/]+=*$/);
      expect(row.everything).not.toContain(mobile);
      expect(row.everything).not.toContain(mobile.slice(3));
      expect(running.app.get(FieldCipher).decrypt(row.contact_phone_enc, created.id, 'contactPhone')).toBe(mobile);
      // Bound to its batch: the same ciphertext read as another batch's does not decrypt.
      expect(() => running.app.get(FieldCipher).decrypt(row.contact_phone_enc, randomUUID(), 'contactPhone')).toThrow();

      expect((await read(created.id, asCoordinator())).contact).toEqual({ name: '王建华', phone: mobile });
      expect((await read(created.id, tokens.admin())).contact).toEqual({ name: '王建华', phone: mobile });
      const masked = `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
      expect((await read(created.id, bureau())).contact).toEqual({ name: '王建华', phone: masked });
      const listed = (await api().get('/v1/dispatch/batches?pageSize=100').set('Authorization', asCoordinator()).expect(200)).body.items;
      expect(listed.find((b: { id: string }) => b.id === created.id).contact).toEqual({ name: '王建华', phone: mobile });
      await act(created.id, 'cancel').expect(200);
    });

    it('takes a landline with its area code, and leaves contact out of a batch planned without one', async () => {
      const created = (await plan({ name: '李队长', phone: `(${landline.slice(0, 4)}) ${landline.slice(5)}` }).expect(201)).body;
      expect(created.contact).toEqual({ name: '李队长', phone: landline });
      expect((await read(created.id, bureau())).contact).toEqual({ name: '李队长', phone: `${landline.slice(0, 5)}***${landline.slice(-4)}` });
      const without = (await plan().expect(201)).body;
      expect(without).not.toHaveProperty('contact');
      expect(await read(without.id, tokens.admin())).not.toHaveProperty('contact');
      expect((await storedRow(without.id))).toMatchObject({ contact_name: null, contact_phone_enc: null });
      await act(created.id, 'cancel').expect(200);
      await act(without.id, 'cancel').expect(200);
    });

    it('refuses a bad phone or name with 400 naming the field, and writes nothing', async () => {
      const before = await batchCount();
      for (const phone of ['12812345678', '2345678', '0834-2345678-801', 13912345678, '']) {
        const refused = (await plan({ name: '王建华', phone }).expect(400)).body;
        expect(refused.details).toEqual([{ field: 'contact.phone', problem: expect.stringContaining('landline') }]);
      }
      const noName = (await plan({ phone: mobile }).expect(400)).body;
      expect([...new Set(noName.details.map((d: { field: string }) => d.field))]).toEqual(['contact.name']);
      const long = (await plan({ name: '王'.repeat(51), phone: mobile }).expect(400)).body;
      expect(long.details.map((d: { field: string }) => d.field)).toEqual(['contact.name']);
      const notObject = (await plan('13912345678').expect(400)).body;
      expect(notObject.details.map((d: { field: string }) => d.field)).toContain('contact');
      expect(await batchCount()).toBe(before);
    });

    it('puts neither the phone nor the name in any event of the batch', async () => {
      const traveller = pool[56].workerId;
      const batchId = (await plan({ name: '赵师傅', phone: mobile }).expect(201)).body.id;
      await addWorkers(batchId, [traveller]).expect(200);
      await act(batchId, 'board').expect(200);
      await act(batchId, 'depart').expect(200);
      await act(batchId, 'arrive').expect(200);
      await act(batchId, 'close').expect(200);
      const ofBatch = (all: { value: string }[]) => all.filter((m) => m.value.includes(batchId));
      const messages = ofBatch(await recorder.waitFor((all) => ofBatch(all).filter((m) => m.value.includes(BatchStateChanged.type)).length >= 4, 30000));
      expect(messages.some((m) => m.value.includes(WorkerArrived.type))).toBe(true);
      const outbox: { payload: string }[] = await running.app.get(DataSource).query(
        `SELECT payload::text AS payload FROM dispatch.outbox WHERE payload::text LIKE '%' || $1 || '%'`,
        [batchId],
      );
      expect(outbox.length).toBeGreaterThanOrEqual(messages.length);
      for (const text of [...messages.map((m) => m.value), ...outbox.map((o) => o.payload)]) {
        expect(text).not.toContain(mobile.slice(3));
        expect(text).not.toContain('赵师傅');
      }
    });
  });
});
