import { chinaDate } from '@laowu/domain';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type TestApp } from '../../../test/support/test-app';
import { asAdmin } from '../../../test/support/tokens';
import { type WorkerProfilesConfig } from '../src/worker-profiles.config';
import { LogCapture, registration, startWorkerProfiles, stationToken } from './support/worker-fixtures';

const daysAgo = (n: number) => chinaDate(new Date(Date.now() - n * 86_400_000));

/**
 * Issue 14 #1: who may record a worker's employment status. A station of another province may
 * record only unemployment registered where the worker works or is insured (九), audited, and gets
 * only the entry back; any other attempt is the same 403 as for a worker that does not exist,
 * decided before any rule could answer 422 about the worker.
 */
describe('worker-profiles: recording a status without access to the worker', () => {
  let running: TestApp<WorkerProfilesConfig>;
  const logs = new LogCapture();
  const run = randomUUID().slice(0, 8);
  // The worker lives in 凉山 木里 (513422): a code no request of a stranger below names.
  const residence = '513422';
  const homeStationId = `station-${residence}-${run}`;
  const home = stationToken(homeStationId, residence);
  const shenzhenId = `station-440306-${run}`;
  const shenzhen = stationToken(shenzhenId, '440306');
  const admin = asAdmin();

  beforeAll(async () => {
    running = await startWorkerProfiles({ env: { LOG_LEVEL: 'info' }, logDestination: logs });
  });

  afterAll(async () => {
    await running?.close();
  });

  const http = () => request(running.url);
  const personal = { name: '木里测试工', phone: `137${String(Date.now()).slice(-8)}` };
  const registerWorker = async () => {
    const body = registration({ stationId: homeStationId, homeRegionCode: residence, residenceRegionCode: residence, ...personal });
    const id = (await http().post('/v1/workers').set('Authorization', home).send(body).expect(201)).body.id as string;
    return { id, idNumber: body.idNumber as string };
  };
  const recordStatus = (id: string, body: Record<string, unknown>, token: string) =>
    http().post(`/v1/workers/${id}/employment-status`).set('Authorization', token).send(body);
  const asSeenByAdmin = async (id: string) => {
    const worker = (await http().get(`/v1/workers/${id}`).set('Authorization', admin).expect(200)).body;
    const history = (await http().get(`/v1/workers/${id}/employment-status`).set('Authorization', admin).expect(200)).body;
    return { version: worker.version, employmentStatus: worker.employmentStatus, history };
  };

  /** Requests of a Shenzhen station on no audited basis for a worker of 木里. */
  const strangerRequests: Record<string, unknown>[] = [
    { status: 'employed', effectiveDate: daysAgo(2), regionCode: '440306', employer: '深圳某电子厂' },
    { status: 'seeking', effectiveDate: daysAgo(2), regionCode: '440306' },
    { status: 'unemployed', effectiveDate: daysAgo(2), regionCode: '440306', registeredAt: 'residence' },
    // employment basis, but the worker was never employed in 宝安
    { status: 'unemployed', effectiveDate: daysAgo(2), regionCode: '440306', registeredAt: 'employment' },
    // insured, but in a region that is not the station's
    { status: 'unemployed', effectiveDate: daysAgo(2), regionCode: '513401', registeredAt: 'insured' },
  ];

  it('refuses a cross-province station with 403 and leaves the status as it was (read back as admin)', async () => {
    const { id } = await registerWorker();
    const before = await asSeenByAdmin(id);
    const refusal = (await http().get(`/v1/workers/${id}`).set('Authorization', shenzhen).expect(403)).body;
    for (const body of strangerRequests) {
      const res = await recordStatus(id, body, shenzhen);
      expect({ body, status: res.status, answer: res.body }).toEqual({ body, status: 403, answer: refusal });
    }
    expect(await asSeenByAdmin(id)).toEqual(before);
    expect(before.history).toHaveLength(1);
  });

  it('gives a worker id that does not exist and a foreign worker the same 403 body', async () => {
    const { id } = await registerWorker();
    for (const body of strangerRequests) {
      const foreign = await recordStatus(id, body, shenzhen);
      const unknown = await recordStatus(randomUUID(), body, shenzhen);
      expect({ status: unknown.status, body: unknown.body }).toEqual({ status: foreign.status, body: foreign.body });
      expect(foreign.status).toBe(403);
    }
    // the audited path too cannot tell a worker that does not exist from one it may not see
    const audited = { status: 'unemployed', effectiveDate: daysAgo(1), regionCode: '440306', registeredAt: 'insured' };
    const unknown = await recordStatus(randomUUID(), audited, shenzhen).expect(403);
    expect(unknown.body).toEqual((await recordStatus(id, strangerRequests[0], shenzhen)).body);
  });

  it('never answers a caller who cannot read the worker with a 422 that shows the residence', async () => {
    const { id } = await registerWorker();
    // what used to be checked against the residence and answered 422 naming it
    const againstResidence = await recordStatus(id, { status: 'unemployed', effectiveDate: daysAgo(1), regionCode: '440306', registeredAt: 'residence' }, shenzhen);
    expect(againstResidence.status).toBe(403);
    expect(JSON.stringify(againstResidence.body)).not.toContain(residence);
    // on the audited path the rules still apply, but they speak only of the request
    const future = await recordStatus(id, { status: 'unemployed', effectiveDate: '2099-01-01', regionCode: '440306', registeredAt: 'insured' }, shenzhen).expect(422);
    expect(future.body.details).toEqual([{ field: 'effectiveDate', problem: 'must not be in the future' }]);
    expect(JSON.stringify(future.body)).not.toContain(residence);
    expect((await asSeenByAdmin(id)).history).toHaveLength(1);
    // the home station, which may read the worker, is still told why its entry does not fit
    const own = await recordStatus(id, { status: 'unemployed', effectiveDate: daysAgo(1), regionCode: '440306', registeredAt: 'residence' }, home).expect(422);
    expect(own.body.code).toBe('STATUS.BASIS_MISMATCH');
  });

  it('records unemployment where the worker is insured or works on an audited basis, answering only the entry', async () => {
    const { id, idNumber } = await registerWorker();
    const insured = await recordStatus(id, { status: 'unemployed', effectiveDate: daysAgo(3), regionCode: '440306', registeredAt: 'insured' }, shenzhen).expect(201);
    expect(insured.body).toEqual({
      workerId: id,
      status: 'unemployed',
      effectiveDate: daysAgo(3),
      regionCode: '440306',
      registeredAt: 'insured',
      employer: null,
      source: 'station',
      basis: 'insurance_declared',
      recordedAt: expect.any(String),
    });
    expect(JSON.stringify(insured.body)).not.toContain(residence);
    await http().get(`/v1/workers/${id}`).set('Authorization', shenzhen).expect(403);

    // where the worker works: once an employment in 宝安 is on record
    await recordStatus(id, { status: 'employed', effectiveDate: daysAgo(40), regionCode: '440306', employer: '深圳某电子厂' }, admin).expect(201);
    const atWork = await recordStatus(id, { status: 'unemployed', effectiveDate: daysAgo(1), regionCode: '440306', registeredAt: 'employment' }, shenzhen).expect(201);
    expect(Object.keys(atWork.body).sort()).toEqual(Object.keys(insured.body).sort());
    expect(atWork.body).toMatchObject({ basis: 'workplace_on_record', registeredAt: 'employment' });

    const after = await asSeenByAdmin(id);
    expect(after.employmentStatus).toMatchObject({ status: 'unemployed', effectiveDate: daysAgo(1), registeredAt: 'employment' });
    const audited = after.history.filter((e: { basis: string | null }) => e.basis !== null);
    expect(audited.map((e: { basis: string; effectiveDate: string }) => [e.basis, e.effectiveDate])).toEqual([
      ['insurance_declared', daysAgo(3)],
      ['workplace_on_record', daysAgo(1)],
    ]);

    // an audit row per entry, naming the station and the basis, and nothing personal
    const db = running.app.get(DataSource);
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT a.station_id, a.station_region_code, a.basis, a.region_code, e.recorded_by
       FROM worker_profiles.status_record_audit a JOIN worker_profiles.employment_status_history e ON e.seq = a.entry_seq
       WHERE a.worker_id = $1 ORDER BY a.id`,
      [id],
    );
    expect(rows).toEqual([
      { station_id: shenzhenId, station_region_code: '440306', basis: 'insurance_declared', region_code: '440306', recorded_by: `station:${shenzhenId}` },
      { station_id: shenzhenId, station_region_code: '440306', basis: 'workplace_on_record', region_code: '440306', recorded_by: `station:${shenzhenId}` },
    ]);
    const auditLines = logs.lines.filter((line) => line.includes(id) && line.includes('audited'));
    expect(auditLines).toHaveLength(2);
    for (const line of auditLines) {
      expect(JSON.parse(line)).toMatchObject({ stationId: shenzhenId, workerId: id });
      for (const secret of [idNumber, personal.phone, personal.name]) expect(line).not.toContain(secret);
    }
  });
});
