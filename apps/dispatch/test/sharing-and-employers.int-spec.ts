import {
  createEnvelope, EmployerRegistered, type EmployerRegisteredData, PlacementEnded, PlacementStarted, SharingAgreed, type SharingAgreedData, TOPICS,
} from '@laowu/contracts';
import { chinaDate } from '@laowu/domain';
import { eventually } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TopicRecorder } from '../../../test/support/kafka';
import { type TestApp } from '../../../test/support/test-app';
import { type DispatchConfig } from '../src/dispatch.config';
import { PlacementExpirySweeper } from '../src/placements/placement-expiry.sweeper';
import { sharingPlacementId } from '../src/placements/sharing-placements.service';
import { SCHEMA } from '../src/schema';
import { Events, job, startDispatch, tokens, viewsHold, worker } from './dispatch.fixtures';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysFromNow = (n: number) => chinaDate(new Date(Date.now() + n * DAY_MS));
const CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A credit code of this run only (dispatch checks the shape, job-collection the check character). */
const freshCreditCode = () => `91510400${Array.from({ length: 10 }, () => CODE_CHARACTERS[Math.floor(Math.random() * CODE_CHARACTERS.length)]).join('')}`;

interface Recorded {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

describe('dispatch: registered employers and 共享用工 placements (issue 17)', () => {
  let running: TestApp<DispatchConfig>;
  let recorder: TopicRecorder;
  let dataSource: DataSource;
  const events = new Events();
  const suffix = randomUUID().slice(0, 8);
  const station = `station-${suffix}`;
  const agency = `agency-${suffix}`;
  const factory = job({ agencyId: agency, kind: 'fulltime', headcount: 50 });
  const workers = Array.from({ length: 8 }, (_, i) => worker({ stationId: station, priorityGroups: i % 2 ? ['poverty_alleviated'] : [] }));
  let next = 0;
  const freshWorker = () => workers[next++];
  const employer: EmployerRegisteredData = {
    employerId: randomUUID(), version: 1, agencyId: agency, name: '攀枝花某钢铁有限公司', creditCode: freshCreditCode(), regionCode: '510402',
    workshop: false, updatedAt: new Date().toISOString(),
  };
  const lender = { employerId: randomUUID(), name: '会理市某农业专业合作社', creditCode: '93513401MA62Y0YY2R', regionCode: '513401' };

  beforeAll(async () => {
    running = await startDispatch({ PLACEMENT_SWEEP_INTERVAL_MS: '3600000' });
    dataSource = running.app.get(DataSource);
    recorder = await TopicRecorder.start([TOPICS.dispatch]);
    await events.jobs(factory);
    await events.workers(...workers);
    // an older version of the employer arriving after the newer one must not win
    await events.publish(TOPICS.reference, [
      createEnvelope(EmployerRegistered, { ...employer, version: 2 }, { producer: 'job-collection' }),
      createEnvelope(EmployerRegistered, { ...employer, name: '旧名称', version: 1 }, { producer: 'job-collection' }),
    ]);
    await viewsHold(running, { jobs: [factory.jobId], workers: workers.map((w) => w.workerId) });
    await eventually(
      async () => (await dataSource.query(`SELECT 1 FROM "${SCHEMA}".employer_view WHERE employer_id = $1`, [employer.employerId])).length === 1,
      60000,
      100,
      () => 'the employer reached the employer view',
    );
  });

  afterAll(async () => {
    await recorder?.stop();
    await events.close();
    await running?.close();
  });

  const api = () => request(running.url);
  const place = (body: object) => api().post('/v1/placements').set('Authorization', tokens.station(station)).send(body);
  const ofType = (workerId: string, type: string): Recorded[] =>
    recorder.messages.filter((m) => m.key === workerId).map((m) => JSON.parse(m.value) as Recorded).filter((e) => e.type === type);
  const placementsOf = async (workerId: string) =>
    (await api().get(`/v1/placements?workerId=${workerId}`).set('Authorization', tokens.admin()).expect(200)).body.items as Record<string, unknown>[];
  async function exactly(workerId: string, type: string, count: number): Promise<Recorded[]> {
    await recorder.waitFor(() => ofType(workerId, type).length >= count, 30000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const found = ofType(workerId, type);
    expect(found).toHaveLength(count);
    return found;
  }

  it('a placement naming a registered employerId stores its name and credit code (the newest version) and PlacementStarted carries the id', async () => {
    const w = freshWorker();
    const res = await place({ workerId: w.workerId, jobId: factory.jobId, employerId: employer.employerId, startDate: daysFromNow(-1), source: 'direct' }).expect(201);
    expect(res.body.employer).toEqual({ id: employer.employerId, name: '攀枝花某钢铁有限公司', creditCode: employer.creditCode });
    const [started] = await exactly(w.workerId, PlacementStarted.type, 1);
    expect(started.data).toMatchObject({ employerId: employer.employerId, employerName: '攀枝花某钢铁有限公司', employerCreditCode: employer.creditCode });
    // beside employer, the registered one wins
    const other = freshWorker();
    const both = await place({
      workerId: other.workerId, jobId: factory.jobId, employerId: employer.employerId, employer: { name: '别的名字' }, startDate: daysFromNow(-1), source: 'direct',
    }).expect(201);
    expect(both.body.employer.name).toBe('攀枝花某钢铁有限公司');
  });

  it('refuses an unknown employerId (422 naming it), no employer at all (400), and source sharing by POST (422), writing nothing', async () => {
    const w = freshWorker();
    const unknown = await place({ workerId: w.workerId, jobId: factory.jobId, employerId: randomUUID(), startDate: daysFromNow(-1), source: 'direct' }).expect(422);
    expect(unknown.body).toMatchObject({ code: 'PLACEMENT.INVALID', details: [{ field: 'employerId' }] });
    const none = await place({ workerId: w.workerId, jobId: factory.jobId, startDate: daysFromNow(-1), source: 'direct' }).expect(400);
    expect(new Set(none.body.details.map((d: { field: string }) => d.field))).toEqual(new Set(['employer']));
    expect(none.body.details).toContainEqual({ field: 'employer', problem: 'employer is required unless employerId is given' });
    const sharing = await place({ workerId: w.workerId, employer: { name: '某厂' }, startDate: daysFromNow(-1), source: 'sharing' }).expect(422);
    expect(sharing.body.details).toEqual([{ field: 'source', problem: expect.stringContaining('agreement') }]);
    expect(await placementsOf(w.workerId)).toEqual([]);
  });

  it('a batch to a registered employer shows its employerId and its arrival places workers with that employer', async () => {
    const coordinator = tokens.coordinator(`coordinator-${suffix}`);
    const body = (employerId: string) => ({
      originRegionCode: '513401',
      destination: { jobIds: [factory.jobId], regionCode: '510402', address: '攀枝花市东区', employerId },
      departAt: '2026-12-01T07:00:00+08:00',
      transport: { mode: 'bus', capacity: 5 },
    });
    const refused = await api().post('/v1/dispatch/batches').set('Authorization', coordinator).send(body(randomUUID())).expect(422);
    expect(refused.body.details).toEqual([{ field: 'destination.employerId', problem: expect.any(String) }]);
    const batch = await api().post('/v1/dispatch/batches').set('Authorization', coordinator).send(body(employer.employerId)).expect(201);
    expect(batch.body.destination).toMatchObject({ employerId: employer.employerId, employer: '攀枝花某钢铁有限公司' });

    const w = freshWorker();
    const act = (action: string) => api().post(`/v1/dispatch/batches/${batch.body.id}/${action}`).set('Authorization', coordinator).send({});
    await api().post(`/v1/dispatch/batches/${batch.body.id}/workers`).set('Authorization', coordinator).send({ workerIds: [w.workerId] }).expect(200);
    await act('board').expect(200);
    await act('depart').expect(200);
    await act('arrive').expect(200);
    expect(await placementsOf(w.workerId)).toEqual([
      expect.objectContaining({ source: 'batch', employer: { id: employer.employerId, name: '攀枝花某钢铁有限公司', creditCode: employer.creditCode } }),
    ]);
    const [started] = await exactly(w.workerId, PlacementStarted.type, 1);
    expect(started.data).toMatchObject({ source: 'batch', employerId: employer.employerId });
  });

  it('SharingAgreed delivered twice places each known worker once (source sharing, concurrent), skips an unknown one, and the sweeper ends it on the return date', async () => {
    const [kept, second] = [freshWorker(), freshWorker()];
    // `kept` works for the lender: the sharing placement is held beside that job, which goes on
    const own = (await place({ workerId: kept.workerId, jobId: factory.jobId, employer: { name: lender.name }, startDate: daysFromNow(-20), source: 'direct' }).expect(201)).body;
    await exactly(kept.workerId, PlacementStarted.type, 1);
    const stranger = randomUUID();
    const agreement: SharingAgreedData = {
      agreementId: randomUUID(), offerId: randomUUID(), requestId: randomUUID(), agencyId: agency, headcount: 3,
      workerIds: [kept.workerId, stranger, second.workerId], lender,
      borrower: { employerId: employer.employerId, name: employer.name, creditCode: employer.creditCode, regionCode: employer.regionCode },
      startDate: daysFromNow(-3), returnDate: daysFromNow(0), agreedAt: new Date().toISOString(),
    };
    const envelope = createEnvelope(SharingAgreed, agreement, { producer: 'job-collection' });
    await events.publish(TOPICS.sharing, [envelope]);
    await events.publish(TOPICS.sharing, [envelope, createEnvelope(SharingAgreed, agreement, { producer: 'job-collection' })]);

    const [startedKept] = await exactly(kept.workerId, PlacementStarted.type, 2).then((all) => all.filter((e) => e.data.source === 'sharing'));
    const [startedSecond] = await exactly(second.workerId, PlacementStarted.type, 1);
    expect(startedKept.data).toEqual({
      placementId: sharingPlacementId(agreement.agreementId, kept.workerId), workerId: kept.workerId, agencyId: agency, stationId: station,
      source: 'sharing', employerId: employer.employerId, agreementId: agreement.agreementId, employerName: employer.name,
      employerCreditCode: employer.creditCode, regionCode: '510402', concurrent: true, startDate: daysFromNow(-3), plannedEndDate: daysFromNow(0),
      priorityGroups: kept.priorityGroups,
    });
    expect(startedSecond.data).toMatchObject({ source: 'sharing', agreementId: agreement.agreementId, concurrent: true });
    const keptPlacements = await placementsOf(kept.workerId);
    expect(keptPlacements).toHaveLength(2);
    expect(keptPlacements.find((p) => p.id === own.id)).toMatchObject({ active: true, source: 'direct' });
    expect(keptPlacements.find((p) => p.source === 'sharing')).toMatchObject({
      agreementId: agreement.agreementId, employer: { id: employer.employerId, name: employer.name, creditCode: employer.creditCode },
      concurrent: true, active: true, plannedEndDate: daysFromNow(0), regionCode: '510402', agencyId: agency,
    });
    const ofAgreement = await api().get(`/v1/placements?agreementId=${agreement.agreementId}`).set('Authorization', tokens.admin()).expect(200);
    expect(ofAgreement.body.items.map((p: { workerId: string }) => p.workerId).sort()).toEqual([kept.workerId, second.workerId].sort());
    expect(await placementsOf(stranger)).toEqual([]);
    // the agency of the agreement sees it
    const asAgency = tokens.as({ sub: agency, role: 'agency', region: '510400' });
    const listed = await api().get(`/v1/placements?workerId=${second.workerId}`).set('Authorization', asAgency).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ source: 'sharing', agreementId: agreement.agreementId })]);

    // a later agreement returning next month is not swept today
    const later = { ...agreement, agreementId: randomUUID(), workerIds: [freshWorker().workerId], returnDate: daysFromNow(30) };
    await events.publish(TOPICS.sharing, [createEnvelope(SharingAgreed, later, { producer: 'job-collection' })]);
    await exactly(later.workerIds[0], PlacementStarted.type, 1);

    expect(await running.app.get(PlacementExpirySweeper).sweep()).toBeGreaterThanOrEqual(2);
    const [endedKept] = await exactly(kept.workerId, PlacementEnded.type, 1);
    expect(endedKept.data).toMatchObject({
      placementId: sharingPlacementId(agreement.agreementId, kept.workerId), reason: 'contract_end', endDate: daysFromNow(0), otherActivePlacements: 1,
    });
    await exactly(second.workerId, PlacementEnded.type, 1);
    expect((await placementsOf(kept.workerId)).find((p) => p.id === own.id)).toMatchObject({ active: true });
    expect((await placementsOf(later.workerIds[0]))[0]).toMatchObject({ active: true, plannedEndDate: daysFromNow(30) });
    await exactly(later.workerIds[0], PlacementEnded.type, 0);

    // delivered again after it ended: still nothing new
    await events.publish(TOPICS.sharing, [envelope]);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(ofType(kept.workerId, PlacementStarted.type)).toHaveLength(2);
    expect(await placementsOf(second.workerId)).toEqual([expect.objectContaining({ active: false, endReason: 'contract_end' })]);
  });

  it('counts sharing placements under placed in the stats, and a workshop by its credit code or by employerId', async () => {
    const stats = await api().get(`/v1/dispatch/stats?agencyId=${agency}`).set('Authorization', tokens.admin()).expect(200);
    // three direct placements, one batch arrival, three sharing placements (two of them ended since)
    expect(stats.body.agencies).toEqual([expect.objectContaining({ agencyId: agency, placed: expect.objectContaining({ total: 7 }) })]);
    const bureau = tokens.as({ sub: 'bureau-510400', role: 'bureau', region: '510400' });
    await api().put(`/v1/workshops/${employer.creditCode}`).set('Authorization', bureau).send({ name: employer.name, regionCode: '510402' }).expect(200);
    const workshop = await api().get(`/v1/workshops/${employer.creditCode}`).set('Authorization', bureau).expect(200);
    // active now: the two direct placements, the batch arrival and the later sharing placement
    expect(workshop.body.employedNow).toBe(4);

    // the employer's code corrected (version 3): a workshop under the new code counts its placements by employerId
    const corrected = { ...employer, version: 3, creditCode: freshCreditCode(), updatedAt: new Date().toISOString() };
    await events.publish(TOPICS.reference, [createEnvelope(EmployerRegistered, corrected, { producer: 'job-collection' })]);
    await eventually(
      async () => (await dataSource.query(`SELECT 1 FROM "${SCHEMA}".employer_view WHERE employer_id = $1 AND version = 3`, [employer.employerId])).length === 1,
      60000,
      100,
      () => 'version 3 of the employer reached the view',
    );
    await api().put(`/v1/workshops/${corrected.creditCode}`).set('Authorization', bureau).send({ name: employer.name, regionCode: '510402' }).expect(200);
    expect((await api().get(`/v1/workshops/${corrected.creditCode}`).set('Authorization', bureau).expect(200)).body.employedNow).toBe(4);
  });
});
