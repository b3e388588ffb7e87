import { type Principal } from '@laowu/auth';
import { deterministicUuid, PlacementEnded, PlacementStarted, TOPICS, WorkerArrived } from '@laowu/contracts';
import { chinaDate } from '@laowu/domain';
import { eventually } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TopicRecorder } from '../../../test/support/kafka';
import { type TestApp } from '../../../test/support/test-app';
import { type DispatchConfig } from '../src/dispatch.config';
import { PlacementExpirySweeper } from '../src/placements/placement-expiry.sweeper';
import { SCHEMA } from '../src/schema';
import { Events, job, match, startDispatch, tokens, viewsHold, worker } from './dispatch.fixtures';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => chinaDate(new Date(Date.now() - n * DAY_MS));
const isoDaysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString();

/** The 15th of the month `shift` months from today's China month (no month-end clamping involved). */
function fifteenth(shift: number): string {
  const [year, month] = chinaDate().split('-').map(Number);
  const index = year * 12 + (month - 1) + shift;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-15`;
}

interface Recorded {
  id: string;
  type: string;
  key: string;
  data: Record<string, unknown>;
}

describe('dispatch: placements (issue 16 #1)', () => {
  let running: TestApp<DispatchConfig>;
  let recorder: TopicRecorder;
  let dataSource: DataSource;
  const events = new Events();
  const suffix = randomUUID().slice(0, 8);
  const [stationA, stationB] = [`station-a-${suffix}`, `station-b-${suffix}`];
  const [agencyA, agencyB] = [`agency-a-${suffix}`, `agency-b-${suffix}`];
  const coordinator = `coordinator-${suffix}`;
  const asAgency = (sub: string) => tokens.as({ sub, role: 'agency', region: '440300' });
  const asBureau = (region: string) => tokens.as({ sub: `bureau-${region}`, role: 'bureau', region } satisfies Principal);

  const factory = job({ agencyId: agencyA, kind: 'fulltime', headcount: 50 });
  const gig = job({ agencyId: agencyA, kind: 'gig', headcount: 50 });
  const otherAgencyJob = job({ agencyId: agencyB, kind: 'gig', headcount: 50 });
  const welfare = job({
    agencyId: agencyA, kind: 'public_welfare', headcount: 50, instant: false,
    location: { regionCode: '513401', lat: 26.65, lon: 102.25 }, postedAt: isoDaysAgo(30), endAt: new Date(Date.now() + 200 * DAY_MS).toISOString(),
  });
  const welfareEnding = job({
    agencyId: agencyA, kind: 'public_welfare', headcount: 50, instant: false,
    location: { regionCode: '513401', lat: 26.65, lon: 102.25 }, postedAt: isoDaysAgo(30), endAt: isoDaysAgo(2),
  });
  const closed = job({ agencyId: agencyA, status: 'closed' });
  const jobs = [factory, gig, otherAgencyJob, welfare, welfareEnding, closed];
  const workers = Array.from({ length: 26 }, (_, i) => worker({ stationId: stationA, priorityGroups: i % 2 ? ['poverty_alleviated'] : [] }));
  const stranger = worker({ stationId: stationB, residenceRegionCode: '520102', homeRegionCode: '520102' });
  let next = 0;
  const freshWorker = () => workers[next++];

  beforeAll(async () => {
    running = await startDispatch({ PLACEMENT_SWEEP_INTERVAL_MS: '3600000' });
    dataSource = running.app.get(DataSource);
    recorder = await TopicRecorder.start([TOPICS.dispatch]);
    await events.jobs(...jobs);
    await events.workers(...workers, stranger);
    await viewsHold(running, { jobs: jobs.map((j) => j.jobId), workers: [...workers, stranger].map((w) => w.workerId) });
  });

  afterAll(async () => {
    await recorder?.stop();
    await events.close();
    await running?.close();
  });

  const api = () => request(running.url);
  const place = (token: string, body: object) => api().post('/v1/placements').set('Authorization', token).send(body);
  const direct = (workerId: string, overrides: object = {}) => ({
    workerId, jobId: factory.jobId, employer: { name: '某电子厂' }, startDate: daysAgo(1), source: 'direct', ...overrides,
  });
  const recorded = (workerId: string): Recorded[] =>
    recorder.messages.filter((m) => m.key === workerId).map((m) => ({ key: m.key, ...(JSON.parse(m.value) as Omit<Recorded, 'key'>) }));
  const ofType = (workerId: string, type: string) => recorded(workerId).filter((e) => e.type === type);
  const placementsOf = async (workerId: string) =>
    (await api().get(`/v1/placements?workerId=${workerId}`).set('Authorization', tokens.admin()).expect(200)).body.items as Record<string, unknown>[];

  /** Waits for `count` events of `type` for the worker, then a moment longer to see no more arrive. */
  async function exactly(workerId: string, type: string, count: number): Promise<Recorded[]> {
    await recorder.waitFor(() => ofType(workerId, type).length >= count, 30000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const found = ofType(workerId, type);
    expect(found).toHaveLength(count);
    return found;
  }

  it('a station places its worker directly: 201, and exactly one PlacementStarted on laowu.dispatch.v1', async () => {
    const placed = freshWorker();
    const res = await place(tokens.station(stationA), direct(placed.workerId, { wage: { amount: 5200, unit: 'month' }, employer: { name: '某电子厂', creditCode: '91440300MA5F000001' } })).expect(201);
    expect(res.body).toMatchObject({
      workerId: placed.workerId, jobId: factory.jobId, agencyId: agencyA, stationId: stationA, source: 'direct',
      employer: { name: '某电子厂', creditCode: '91440300MA5F000001' }, regionCode: '440306', workerRegionCode: '513401',
      jobKind: 'fulltime', concurrent: false, active: true, startDate: daysAgo(1), wage: { amount: 5200, unit: 'month' }, checks: [],
    });
    expect(res.body.plannedEndDate).toBeUndefined();
    const [started] = await exactly(placed.workerId, PlacementStarted.type, 1);
    expect(started.id).toBe(deterministicUuid(`dispatch.placement-started:${res.body.id}`));
    expect(started.data).toEqual({
      placementId: res.body.id, workerId: placed.workerId, jobId: factory.jobId, agencyId: agencyA, stationId: stationA, source: 'direct',
      employerName: '某电子厂', employerCreditCode: '91440300MA5F000001', regionCode: '440306', jobKind: 'fulltime', concurrent: false,
      startDate: daysAgo(1), priorityGroups: placed.priorityGroups,
    });

    const again = await place(tokens.station(stationA), direct(placed.workerId)).expect(409);
    expect(again.body).toMatchObject({ code: 'PLACEMENT.ALREADY_ACTIVE', placementId: res.body.id });
    const elsewhere = await place(asAgency(agencyA), direct(placed.workerId, { jobId: gig.jobId })).expect(409);
    expect(elsewhere.body).toMatchObject({ code: 'PLACEMENT.ALREADY_ACTIVE', placementId: res.body.id });
    expect(await placementsOf(placed.workerId)).toHaveLength(1);
  });

  it('10 concurrent placements of one worker: exactly one starts, the rest 409 naming it', async () => {
    const contested = freshWorker();
    const jobIds = [factory.jobId, gig.jobId];
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => place(tokens.station(stationA), direct(contested.workerId, { jobId: jobIds[i % 2] }))));
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    const started = results.filter((r) => r.status === 201);
    expect(started).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).map((r) => [r.body.code, r.body.placementId])).toEqual(Array(9).fill(['PLACEMENT.ALREADY_ACTIVE', started[0].body.id]));
    await exactly(contested.workerId, PlacementStarted.type, 1);
  });

  it('allows concurrent placements only beside or into public-welfare posts (十六)', async () => {
    const employed = freshWorker();
    await place(tokens.station(stationA), direct(employed.workerId)).expect(201);
    const gigBeside = await place(tokens.station(stationA), direct(employed.workerId, { jobId: gig.jobId, concurrent: true })).expect(422);
    expect(gigBeside.body.details).toEqual([{ field: 'concurrent', problem: expect.stringContaining('public-welfare') }]);
    const postBeside = await place(tokens.station(stationA), direct(employed.workerId, { jobId: welfare.jobId, concurrent: true })).expect(201);
    expect(postBeside.body).toMatchObject({ concurrent: true, jobKind: 'public_welfare', regionCode: '513401' });

    const postHolder = freshWorker();
    await place(tokens.station(stationA), direct(postHolder.workerId, { jobId: welfare.jobId })).expect(201);
    await place(tokens.station(stationA), direct(postHolder.workerId, { jobId: gig.jobId, concurrent: true })).expect(201);
    const exclusive = await place(tokens.station(stationA), direct(postHolder.workerId)).expect(409);
    expect(exclusive.body.code).toBe('PLACEMENT.ALREADY_ACTIVE');

    const nobodyBeside = freshWorker();
    const alone = await place(tokens.station(stationA), direct(nobodyBeside.workerId, { jobId: gig.jobId, concurrent: true })).expect(422);
    expect(alone.body.details.map((d: { field: string }) => d.field)).toEqual(['concurrent']);
  });

  it('refuses another station or agency with the same 403 as for a missing worker, job or placement; admin gets 404', async () => {
    const placed = freshWorker();
    const { body } = await place(tokens.station(stationA), direct(placed.workerId)).expect(201);

    const othersWorker = await place(tokens.station(stationB), direct(placed.workerId)).expect(403);
    const missingWorker = await place(tokens.station(stationB), direct(randomUUID())).expect(403);
    expect(othersWorker.body).toEqual(missingWorker.body);
    expect(othersWorker.body.code).toBe('PLACEMENT.NOT_YOURS');
    const othersJob = await place(asAgency(agencyB), direct(stranger.workerId)).expect(403);
    const missingJob = await place(asAgency(agencyB), direct(stranger.workerId, { jobId: randomUUID() })).expect(403);
    expect(othersJob.body).toEqual(missingJob.body);
    // access comes before the rules: another's closed job or a future start tells nothing either
    expect((await place(asAgency(agencyB), direct(stranger.workerId, { jobId: closed.jobId, startDate: daysAgo(-5) })).expect(403)).body).toEqual(missingJob.body);
    const noJob = await place(asAgency(agencyB), direct(stranger.workerId, { jobId: undefined })).expect(422);
    expect(noJob.body.details.map((d: { field: string }) => d.field)).toEqual(['jobId']);

    const missing = randomUUID();
    for (const token of [tokens.station(stationB), asAgency(agencyB), asBureau('520000')]) {
      const existing = await api().get(`/v1/placements/${body.id}`).set('Authorization', token);
      const absent = await api().get(`/v1/placements/${missing}`).set('Authorization', token);
      expect({ status: existing.status, body: existing.body }).toEqual({ status: 403, body: absent.body });
    }
    for (const [path, send] of [['end', { endDate: daysAgo(0), reason: 'quit' }], ['checks', { afterMonths: 1, stillEmployed: true }]] as const) {
      for (const token of [tokens.station(stationB), asAgency(agencyB)]) {
        const existing = await api().post(`/v1/placements/${body.id}/${path}`).set('Authorization', token).send(send);
        const absent = await api().post(`/v1/placements/${missing}/${path}`).set('Authorization', token).send(send);
        expect({ status: existing.status, body: existing.body }).toEqual({ status: 403, body: absent.body });
      }
      await api().post(`/v1/placements/${missing}/${path}`).set('Authorization', tokens.admin()).send(send).expect(404);
    }
    await api().get(`/v1/placements/${missing}`).set('Authorization', tokens.admin()).expect(404);
    await api().get('/v1/placements').set('Authorization', tokens.coordinator()).expect(403);
    await place(tokens.coordinator(), direct(placed.workerId)).expect(403);
    await place(asBureau('513400'), direct(placed.workerId)).expect(403);
    // the job's agency and the worker's station act on it; a bureau reads it where the worker lives
    await api().get(`/v1/placements/${body.id}`).set('Authorization', asAgency(agencyA)).expect(200);
    await api().get(`/v1/placements/${body.id}`).set('Authorization', asBureau('513400')).expect(200);
    await api().get(`/v1/placements/${body.id}`).set('Authorization', asBureau('440300')).expect(200);
    await api().get(`/v1/placements/${body.id}`).set('Authorization', asBureau('520000')).expect(403);
  });

  it('names the rule a placement breaks (422) and refuses malformed bodies (400)', async () => {
    const w = freshWorker();
    const station = tokens.station(stationA);
    const field = async (body: object) => (await place(station, body).expect(422)).body.details.map((d: { field: string }) => d.field);
    expect(await field(direct(w.workerId, { source: 'batch' }))).toEqual(['source']);
    expect(await field(direct(w.workerId, { source: 'match' }))).toEqual(['matchId']);
    expect(await field(direct(w.workerId, { source: 'match', matchId: randomUUID() }))).toEqual(['matchId']);
    expect(await field(direct(w.workerId, { jobId: closed.jobId }))).toEqual(['jobId']);
    expect(await field(direct(w.workerId, { jobId: randomUUID() }))).toEqual(['jobId']);
    expect(await field(direct(w.workerId, { startDate: daysAgo(-2) }))).toEqual(['startDate']);
    expect(await field(direct(w.workerId, { regionCode: '999999' }))).toEqual(['regionCode']);
    expect(await field(direct(w.workerId, { jobId: welfareEnding.jobId, startDate: daysAgo(0) }))).toEqual(['startDate']);
    const unknown = await place(tokens.admin(), direct(randomUUID())).expect(422);
    expect(unknown.body.details.map((d: { field: string }) => d.field)).toEqual(['workerId']);

    const bad = await place(station, {
      workerId: 'x', employer: { name: '', creditCode: 'abc', extra: 1 }, startDate: '2026-02-30', source: 'hire', wage: { amount: 0, unit: 'week' }, concurrent: 'yes', more: 1,
    }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining([
      'workerId', 'employer.name', 'employer.creditCode', 'startDate', 'source', 'wage.amount', 'wage.unit', 'concurrent',
    ]));
    expect(await placementsOf(w.workerId)).toEqual([]);
  });

  it('places from an accepted match (jobId from the match) and refuses one not accepted', async () => {
    const matched = freshWorker();
    const found = match(stationA, gig, { workerId: matched.workerId });
    const pending = freshWorker();
    const notAccepted = match(stationA, gig, { workerId: pending.workerId });
    await events.matches(found, notAccepted);
    await eventually(async () => (await api().post(`/v1/matches/${found.matchId}/accept`).set('Authorization', tokens.station(stationA))).status === 200, 60000);
    await eventually(async () => (await dataSource.query(`SELECT 1 FROM "${SCHEMA}".matches WHERE id = $1`, [notAccepted.matchId])).length === 1, 60000);

    const res = await place(tokens.station(stationA), { workerId: matched.workerId, matchId: found.matchId, employer: { name: '某物流公司' }, startDate: daysAgo(0), source: 'match' }).expect(201);
    expect(res.body).toMatchObject({ jobId: gig.jobId, matchId: found.matchId, source: 'match', agencyId: agencyA });
    const refused = await place(tokens.station(stationA), { workerId: pending.workerId, matchId: notAccepted.matchId, employer: { name: '某物流公司' }, startDate: daysAgo(0), source: 'match' }).expect(422);
    expect(refused.body.details).toEqual([{ field: 'matchId', problem: expect.stringContaining('not accepted') }]);
    const someoneElses = await place(tokens.station(stationA), { workerId: pending.workerId, matchId: found.matchId, employer: { name: '某物流公司' }, startDate: daysAgo(0), source: 'match' }).expect(422);
    expect(someoneElses.body.details.map((d: { field: string }) => d.field)).toEqual(['matchId']);
  });

  it('ends a placement once, with PlacementEnded counting the other active placements', async () => {
    const w = freshWorker();
    const post = (await place(tokens.station(stationA), direct(w.workerId, { jobId: welfare.jobId, startDate: daysAgo(20) })).expect(201)).body;
    const side = (await place(tokens.station(stationA), direct(w.workerId, { jobId: gig.jobId, concurrent: true, startDate: daysAgo(10) })).expect(201)).body;

    const end = (body: object, token = asAgency(agencyA)) => api().post(`/v1/placements/${side.id}/end`).set('Authorization', token).send(body);
    expect((await end({ endDate: daysAgo(11), reason: 'quit' }).expect(422)).body.details.map((d: { field: string }) => d.field)).toEqual(['endDate']);
    expect((await end({ endDate: daysAgo(-1), reason: 'quit' }).expect(422)).body.details.map((d: { field: string }) => d.field)).toEqual(['endDate']);
    expect((await end({ endDate: 'today', reason: 'bored' }).expect(400)).body.details.map((d: { field: string }) => d.field).sort()).toEqual(['endDate', 'reason']);
    const ended = await end({ endDate: daysAgo(3), reason: 'quit' }).expect(200);
    expect(ended.body).toMatchObject({ active: false, endDate: daysAgo(3), endReason: 'quit' });
    expect((await end({ endDate: daysAgo(2), reason: 'quit' }, tokens.station(stationA)).expect(409)).body).toMatchObject({ code: 'PLACEMENT.ALREADY_ENDED', endDate: daysAgo(3) });

    await api().post(`/v1/placements/${post.id}/end`).set('Authorization', tokens.station(stationA)).send({ endDate: daysAgo(0), reason: 'dismissed' }).expect(200);
    const endings = await exactly(w.workerId, PlacementEnded.type, 2);
    expect(endings.map((e) => e.id)).toEqual([side.id, post.id].map((id) => deterministicUuid(`dispatch.placement-ended:${id}`)));
    expect(endings.map((e) => e.data)).toEqual([
      { placementId: side.id, workerId: w.workerId, jobId: gig.jobId, agencyId: agencyA, jobKind: 'gig', endDate: daysAgo(3), reason: 'quit', otherActivePlacements: 1 },
      { placementId: post.id, workerId: w.workerId, jobId: welfare.jobId, agencyId: agencyA, jobKind: 'public_welfare', endDate: daysAgo(0), reason: 'dismissed', otherActivePlacements: 0 },
    ]);
    // ended: the worker may be placed again
    await place(tokens.station(stationA), direct(w.workerId)).expect(201);
  });

  it('records retention checks only once they are due, once per month count, with numbers masked in the note', async () => {
    const w = freshWorker();
    const start = fifteenth(-4);
    const { body } = await place(tokens.station(stationA), direct(w.workerId, { startDate: start })).expect(201);
    const check = (send: object, token = tokens.station(stationA)) => api().post(`/v1/placements/${body.id}/checks`).set('Authorization', token).send(send);

    const first = await check({ afterMonths: 1, stillEmployed: true, note: '电话回访 13812345678 本人接听' }).expect(201);
    expect(first.body).toMatchObject({ afterMonths: 1, stillEmployed: true, note: '电话回访 138******78 本人接听', checkedBy: stationA });
    await check({ afterMonths: 3, stillEmployed: false }, asAgency(agencyA)).expect(201);
    const twice = await check({ afterMonths: 1, stillEmployed: false }, tokens.admin()).expect(409);
    expect(twice.body.code).toBe('PLACEMENT.CHECK_ALREADY_RECORDED');
    const early = await check({ afterMonths: 6, stillEmployed: true }).expect(422);
    expect(early.body).toMatchObject({ code: 'PLACEMENT.CHECK_NOT_DUE', dueDate: fifteenth(2), details: [{ field: 'afterMonths', problem: `is not due before ${fifteenth(2)}` }] });
    expect((await check({ afterMonths: 2, stillEmployed: 'yes' }).expect(400)).body.details.map((d: { field: string }) => d.field).sort()).toEqual(['afterMonths', 'stillEmployed']);

    const read = await api().get(`/v1/placements/${body.id}`).set('Authorization', tokens.station(stationA)).expect(200);
    expect(read.body).toMatchObject({ active: true, checks: [{ afterMonths: 1, stillEmployed: true }, { afterMonths: 3, stillEmployed: false }] });
  });

  it('a batch arrival creates its placements, none for a worker already placed in the job, ending another exclusive one', async () => {
    const [placedHere, newcomer, placedElsewhere] = [freshWorker(), freshWorker(), freshWorker()];
    const posted = (await place(tokens.station(stationA), direct(placedHere.workerId, { startDate: daysAgo(2) })).expect(201)).body;
    const earlier = (await place(tokens.station(stationA), direct(placedElsewhere.workerId, { jobId: gig.jobId, startDate: daysAgo(5) })).expect(201)).body;

    const asCoordinator = tokens.coordinator(coordinator);
    const batch = await api().post('/v1/dispatch/batches').set('Authorization', asCoordinator).send({
      originRegionCode: '513401',
      destination: { jobIds: [factory.jobId], regionCode: '440306', address: '深圳市宝安区福永街道', employer: '某电子厂' },
      departAt: '2026-12-01T07:00:00+08:00',
      transport: { mode: 'bus', capacity: 5 },
    }).expect(201);
    const act = (action: string) => api().post(`/v1/dispatch/batches/${batch.body.id}/${action}`).set('Authorization', asCoordinator).send({});
    const trio = [placedHere, newcomer, placedElsewhere].map((w) => w.workerId);
    expect((await api().post(`/v1/dispatch/batches/${batch.body.id}/workers`).set('Authorization', asCoordinator).send({ workerIds: trio }).expect(200)).body.seated.sort()).toEqual([...trio].sort());
    await act('board').expect(200);
    await act('depart').expect(200);
    await act('arrive').expect(200);

    const arrivalDay = chinaDate();
    expect((await placementsOf(placedHere.workerId)).map((p) => p.id)).toEqual([posted.id]);
    expect(await placementsOf(newcomer.workerId)).toEqual([
      expect.objectContaining({
        source: 'batch', batchId: batch.body.id, jobId: factory.jobId, agencyId: agencyA, stationId: stationA, employer: { name: '某电子厂' },
        regionCode: '440306', workerRegionCode: '513401', startDate: arrivalDay, active: true, concurrent: false,
      }),
    ]);
    const elsewhere = await placementsOf(placedElsewhere.workerId);
    expect(elsewhere.find((p) => p.id === earlier.id)).toMatchObject({ active: false, endReason: 'other', endDate: arrivalDay });
    expect(elsewhere.filter((p) => p.active)).toEqual([expect.objectContaining({ source: 'batch', batchId: batch.body.id })]);

    expect(await exactly(placedHere.workerId, PlacementStarted.type, 1)).toEqual([expect.objectContaining({ data: expect.objectContaining({ source: 'direct' }) })]);
    await exactly(newcomer.workerId, PlacementStarted.type, 1);
    const [ended] = await exactly(placedElsewhere.workerId, PlacementEnded.type, 1);
    expect(ended.data).toMatchObject({ placementId: earlier.id, reason: 'other', endDate: arrivalDay });
    // WorkerArrived (keyed by batch) is still emitted for every arrival
    const arrivals = recorder.messages.filter((m) => m.key === batch.body.id).map((m) => JSON.parse(m.value)).filter((e) => e.type === WorkerArrived.type);
    expect(arrivals.map((e) => e.data.workerId).sort()).toEqual([...trio].sort());
    await act('close').expect(200);
  });

  it("ends a public-welfare post's placement at the job's end: planned end date, then the sweeper", async () => {
    const w = freshWorker();
    const { body } = await place(tokens.station(stationA), direct(w.workerId, { jobId: welfareEnding.jobId, startDate: daysAgo(10) })).expect(201);
    const plannedEnd = chinaDate(new Date(welfareEnding.endAt!));
    expect(body).toMatchObject({ plannedEndDate: plannedEnd, jobKind: 'public_welfare', active: true });
    const [started] = await exactly(w.workerId, PlacementStarted.type, 1);
    expect(started.data.plannedEndDate).toBe(plannedEnd);

    expect(await running.app.get(PlacementExpirySweeper).sweep()).toBeGreaterThanOrEqual(1);
    const after = await api().get(`/v1/placements/${body.id}`).set('Authorization', tokens.station(stationA)).expect(200);
    expect(after.body).toMatchObject({ active: false, endDate: plannedEnd, endReason: 'contract_end' });
    const [ended] = await exactly(w.workerId, PlacementEnded.type, 1);
    expect(ended.data).toMatchObject({ placementId: body.id, reason: 'contract_end', endDate: plannedEnd, otherActivePlacements: 0, jobKind: 'public_welfare' });
    expect(await running.app.get(PlacementExpirySweeper).sweep()).toBe(0);
  });

  it('lists by filter within each caller’s scope', async () => {
    const [a, b] = [freshWorker(), freshWorker()];
    const pa = (await place(tokens.station(stationA), direct(a.workerId, { startDate: daysAgo(3) })).expect(201)).body;
    const pb = (await place(tokens.station(stationA), direct(b.workerId, { jobId: undefined, regionCode: '513401', startDate: daysAgo(2) })).expect(201)).body;
    await api().post(`/v1/placements/${pb.id}/end`).set('Authorization', tokens.station(stationA)).send({ endDate: daysAgo(1), reason: 'quit' }).expect(200);
    const strangers = (await place(tokens.station(stationB), direct(stranger.workerId, { jobId: otherAgencyJob.jobId, regionCode: '520102' })).expect(201)).body;

    const ids = async (token: string, query: string) => {
      const res = await api().get(`/v1/placements?${query}`).set('Authorization', token).expect(200);
      return (res.body.items as { id: string }[]).map((p) => p.id);
    };
    const station = tokens.station(stationA);
    expect(await ids(station, `workerId=${a.workerId}`)).toEqual([pa.id]);
    expect(await ids(station, `workerId=${stranger.workerId}`)).toEqual([]);
    expect(await ids(tokens.station(stationB), `workerId=${a.workerId}`)).toEqual([]);
    expect(await ids(tokens.station(stationB), `workerId=${stranger.workerId}`)).toEqual([strangers.id]);
    expect(await ids(station, `workerId=${b.workerId}&active=false`)).toEqual([pb.id]);
    expect(await ids(station, `workerId=${b.workerId}&active=true`)).toEqual([]);

    const agencyItems = (await api().get(`/v1/placements?jobId=${factory.jobId}&pageSize=100`).set('Authorization', asAgency(agencyA)).expect(200)).body.items;
    expect(agencyItems.map((p: { id: string }) => p.id)).toContain(pa.id);
    expect(agencyItems.every((p: { agencyId: string; priorityGroups?: unknown }) => p.agencyId === agencyA && p.priorityGroups === undefined)).toBe(true);
    expect(await ids(asAgency(agencyA), `workerId=${b.workerId}`)).toEqual([]); // no job, no agency
    expect(await ids(asAgency(agencyB), `workerId=${a.workerId}`)).toEqual([]);
    await api().get(`/v1/placements?agencyId=${agencyA}`).set('Authorization', asAgency(agencyB)).expect(403);

    expect(await ids(asBureau('513400'), `workerId=${b.workerId}`)).toEqual([pb.id]);
    expect(await ids(asBureau('440300'), `workerId=${a.workerId}&regionCode=440306`)).toEqual([pa.id]);
    expect(await ids(asBureau('440300'), `workerId=${b.workerId}`)).toEqual([]);
    expect(await ids(asBureau('520000'), `workerId=${stranger.workerId}`)).toEqual([strangers.id]);
    await api().get('/v1/placements?regionCode=510000').set('Authorization', asBureau('513400')).expect(403);
    expect(await ids(tokens.admin(), `agencyId=${agencyB}&workerId=${stranger.workerId}`)).toEqual([strangers.id]);

    const page = await api().get(`/v1/placements?agencyId=${agencyA}&page=2&pageSize=2`).set('Authorization', tokens.admin()).expect(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.body.total).toBeGreaterThan(4);
    expect(page.body.items).toHaveLength(2);
    const bad = await api().get('/v1/placements?workerId=x&active=maybe&pageSize=1000&regionCode=51').set('Authorization', tokens.admin()).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['active', 'pageSize', 'regionCode', 'workerId']);
  });

  it('a crash halfway leaves nothing: an outbox failure rolls the placement (or its end) back', async () => {
    const w = freshWorker();
    await dataSource.query(`CREATE OR REPLACE FUNCTION "${SCHEMA}".crash_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'crash test'; END $$`);
    await dataSource.query(
      `CREATE TRIGGER crash_test_refuse BEFORE INSERT ON "${SCHEMA}".outbox FOR EACH ROW WHEN (NEW.key = '${w.workerId}') EXECUTE FUNCTION "${SCHEMA}".crash_test_refuse()`,
    );
    try {
      await place(tokens.station(stationA), direct(w.workerId)).expect(500);
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM "${SCHEMA}".placements WHERE worker_id = $1`, [w.workerId]);
      expect(n).toBe(0);
    } finally {
      await dataSource.query(`DROP TRIGGER crash_test_refuse ON "${SCHEMA}".outbox`);
    }
    const { body } = await place(tokens.station(stationA), direct(w.workerId)).expect(201);

    // Occupy the outbox id the end's event takes: its insert fails after the placement row was updated.
    const eventId = deterministicUuid(`dispatch.placement-ended:${body.id}`);
    await dataSource.query(`INSERT INTO "${SCHEMA}".outbox (id, topic, key, type, payload, sent_at) VALUES ($1, 'crash.test', $2, 'crash', '{}', now())`, [eventId, w.workerId]);
    try {
      await api().post(`/v1/placements/${body.id}/end`).set('Authorization', tokens.station(stationA)).send({ endDate: daysAgo(0), reason: 'quit' }).expect(500);
      const after = await api().get(`/v1/placements/${body.id}`).set('Authorization', tokens.station(stationA)).expect(200);
      expect(after.body).toMatchObject({ active: true });
      expect(after.body.endDate).toBeUndefined();
    } finally {
      await dataSource.query(`DELETE FROM "${SCHEMA}".outbox WHERE id = $1`, [eventId]);
    }
    await exactly(w.workerId, PlacementStarted.type, 1);
    expect(ofType(w.workerId, PlacementEnded.type)).toEqual([]);
  });
});
