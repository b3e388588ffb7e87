import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer } from '../../../test/support/tokens';
import { type TestApp } from '../../../test/support/test-app';
import { PiiCipher } from '../src/pii/pii-cipher';
import { SCHEMA } from '../src/schema';
import { type WorkerProfilesConfig } from '../src/worker-profiles.config';
import { freshIdNumber, registration, startWorkerProfiles, stationToken } from './support/worker-fixtures';

type Row = Record<string, unknown>;
interface Result {
  index: number;
  id?: string;
  status: string;
  error?: { code: string; message: string; details?: { field: string; problem: string }[] };
}

describe('worker-profiles: bulk registration (POST /v1/workers/bulk)', () => {
  let running: TestApp<WorkerProfilesConfig>;
  let db: DataSource;
  // A station of this run only: the test database keeps earlier runs' workers.
  const stationId = `station-bulk-${randomUUID().slice(0, 8)}`;
  const station = stationToken(stationId, '513401');

  beforeAll(async () => {
    running = await startWorkerProfiles();
    db = running.app.get(DataSource);
  });

  afterAll(async () => {
    await running?.close();
  });

  const http = () => request(running.url);
  const bulk = (body: unknown, token = station) => http().post('/v1/workers/bulk').set('Authorization', token).send(body as object);
  const row = (overrides: Row = {}): Row => registration({ stationId, ...overrides });

  /** `n` distinct resident ID numbers that nobody has registered yet (checked by their blind index). */
  async function unregisteredIdNumbers(n: number): Promise<string[]> {
    const cipher = running.app.get(PiiCipher);
    const numbers = new Set<string>();
    while (numbers.size < n) {
      while (numbers.size < n) numbers.add(freshIdNumber());
      const taken: { hash: Buffer }[] = await db.query(`SELECT id_number_hash AS hash FROM "${SCHEMA}".workers WHERE id_number_hash = ANY($1::bytea[])`, [
        [...numbers].map((id) => cipher.blindIndex(id)),
      ]);
      const takenHex = new Set(taken.map((t) => t.hash.toString('hex')));
      for (const id of numbers) if (takenHex.has(cipher.blindIndex(id).toString('hex'))) numbers.delete(id);
    }
    return [...numbers];
  }

  const rows = async (n: number, overrides: Row = {}) => (await unregisteredIdNumbers(n)).map((idNumber) => row({ idNumber, ...overrides }));
  const workersOfStation = async (): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM "${SCHEMA}".workers WHERE station_id = $1`, [stationId]))[0].n;
  const eventsOfStation = async (): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM "${SCHEMA}".outbox WHERE payload->'data'->>'stationId' = $1`, [stationId]))[0].n;
  const eventsOf = async (ids: string[]): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM "${SCHEMA}".outbox WHERE key = ANY($1)`, [ids]))[0].n;
  const byIndex = (results: Result[]) => results.map((r) => r.status);

  it('answers every row on its own: created, exists (id only to who may read it), invalid naming the fields, forbidden', async () => {
    const [mine, foreign, good, duplicate] = await unregisteredIdNumbers(4);
    const elsewhere = 'station-440306-01';
    await http().post('/v1/workers').set('Authorization', station).send(row({ idNumber: mine })).expect(201);
    await http()
      .post('/v1/workers')
      .set('Authorization', stationToken(elsewhere, '440306'))
      .send(registration({ idNumber: foreign, stationId: elsewhere, homeRegionCode: '440306', residenceRegionCode: '440306' }))
      .expect(201);
    const badCheckDigit = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const body = {
      workers: [
        row({ idNumber: good }),
        row({ idNumber: mine }),
        row({ idNumber: foreign }),
        row({ idNumber: badCheckDigit, phone: '12345' }),
        row({ idNumber: duplicate, skills: [{ code: 'time-travel', level: 2 }] }),
        row({ idNumber: duplicate, stationId: 'station-other' }),
        'not a worker',
        row({ idNumber: good.toLowerCase(), name: '重复' }),
      ],
    };
    const before = await workersOfStation();
    const { body: answer } = await bulk(body).expect(200);
    const results: Result[] = answer.results;
    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(byIndex(results)).toEqual(['created', 'exists', 'exists', 'invalid', 'invalid', 'forbidden', 'invalid', 'invalid']);

    const [created, existsMine, existsForeign, invalid, unknownCode, forbidden, notObject, duplicated] = results;
    const mineId = (await http().post('/v1/workers').set('Authorization', station).send(row({ idNumber: mine })).expect(409)).body.existingId;
    expect(existsMine.id).toBe(mineId);
    expect(existsForeign).toEqual({ index: 2, status: 'exists' });
    expect(invalid.error!.code).toBe('REQUEST.INVALID');
    expect(invalid.error!.details!.map((d) => d.field).sort()).toEqual(['idNumber', 'phone']);
    expect(unknownCode.error).toMatchObject({ code: 'WORKER.UNKNOWN_CODE', details: [{ field: 'skills.0.code' }] });
    expect(forbidden.error!.code).toBe('WORKER.FORBIDDEN');
    expect(notObject.error!.code).toBe('REQUEST.INVALID');
    expect(duplicated.error).toMatchObject({ code: 'WORKER.DUPLICATE_IN_REQUEST', details: [{ field: 'idNumber', problem: expect.stringContaining('row 0') }] });
    // no resident ID number in any answer
    expect(JSON.stringify(answer)).not.toMatch(/\d{17}[\dXx]/);

    // exactly the created row was written, with its WorkerChanged event, readable as a single POST's worker
    expect(await workersOfStation()).toBe(before + 1);
    expect(await eventsOf([created.id!])).toBe(1);
    const shown = await http().get(`/v1/workers/${created.id}`).set('Authorization', station).expect(200);
    expect(shown.body).toMatchObject({ stationId, idNumber: `${good.slice(0, 4)}**********${good.slice(14)}`, employmentStatus: { status: 'seeking' } });
  });

  it('writes nothing on a dry run, then registers each good row once however often the file is imported', async () => {
    const file = { workers: [...(await rows(3)), row({ phone: 'not-a-phone' })] };
    const [before, eventsBefore] = [await workersOfStation(), await eventsOfStation()];
    const preview = (await bulk({ ...file, dryRun: true }).expect(200)).body.results as Result[];
    expect(byIndex(preview)).toEqual(['valid', 'valid', 'valid', 'invalid']);
    expect(preview.every((r) => r.id === undefined)).toBe(true);
    expect([await workersOfStation(), await eventsOfStation()]).toEqual([before, eventsBefore]);

    const first = (await bulk(file).expect(200)).body.results as Result[];
    expect(byIndex(first)).toEqual(['created', 'created', 'created', 'invalid']);
    const again = (await bulk(file).expect(200)).body.results as Result[];
    expect(again.map((r) => [r.status, r.id])).toEqual([...first.slice(0, 3).map((r) => ['exists', r.id]), ['invalid', undefined]]);
    expect(await workersOfStation()).toBe(before + 3);
    expect(await eventsOf(first.slice(0, 3).map((r) => r.id!))).toBe(3);
  });

  it('leaves the rows before a failure registered and nothing of the failed one; importing again finishes the job', async () => {
    // The outbox refuses the event of the row whose maxCommuteKm is 4321: its transaction fails after the worker row.
    await db.query(`CREATE OR REPLACE FUNCTION "${SCHEMA}".fail_bulk_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.payload->'data'->'preferences'->>'maxCommuteKm' = '4321' THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$`);
    await db.query(`CREATE TRIGGER fail_bulk_row BEFORE INSERT ON "${SCHEMA}".outbox FOR EACH ROW EXECUTE FUNCTION "${SCHEMA}".fail_bulk_row()`);
    const file = { workers: await rows(5) };
    (file.workers[2] as { preferences: Row }).preferences = { ...((file.workers[2] as { preferences: Row }).preferences), maxCommuteKm: 4321 };
    const before = await workersOfStation();
    let first: Result[];
    try {
      first = (await bulk(file).expect(200)).body.results;
    } finally {
      await db.query(`DROP TRIGGER IF EXISTS fail_bulk_row ON "${SCHEMA}".outbox`);
      await db.query(`DROP FUNCTION IF EXISTS "${SCHEMA}".fail_bulk_row()`);
    }
    expect(byIndex(first)).toEqual(['created', 'created', 'failed', 'created', 'created']);
    expect(first[2]).toEqual({ index: 2, status: 'failed', error: { code: 'WORKER.NOT_SAVED', message: expect.any(String) } });
    expect(await workersOfStation()).toBe(before + 4);

    const retry = (await bulk(file).expect(200)).body.results as Result[];
    expect(byIndex(retry)).toEqual(['exists', 'exists', 'created', 'exists', 'exists']);
    expect(retry.filter((r) => r.status === 'exists').map((r) => r.id)).toEqual(first.filter((r) => r.status === 'created').map((r) => r.id));
    expect(await workersOfStation()).toBe(before + 5);
    expect(await eventsOf(retry.map((r) => r.id!))).toBe(5);
  });

  it.each([
    ['no workers', {}],
    ['workers not an array', { workers: { 0: registration() } }],
    ['workers empty', { workers: [] }],
    ['a body that is an array', [registration()]],
  ])('refuses %s: 400 naming workers, nothing written', async (_, body) => {
    const response = await bulk(body).expect(400);
    expect(response.body.details.map((d: { field: string }) => d.field)).toContain('workers');
  });

  it('refuses 1,001 rows, a dryRun that is not a boolean and an unknown envelope field, writing nothing', async () => {
    const before = await workersOfStation();
    const tooMany = await bulk({ workers: Array.from({ length: 1001 }, () => row()) }).expect(400);
    expect(tooMany.body.details).toEqual([expect.objectContaining({ field: 'workers' })]);
    const dryRun = await bulk({ workers: [row()], dryRun: 'yes' }).expect(400);
    expect(dryRun.body.details).toEqual([expect.objectContaining({ field: 'dryRun' })]);
    const unknown = await bulk({ workers: [row()], force: true }).expect(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'force' })]);
    expect(await workersOfStation()).toBe(before);
  });

  it('lets stations and admins import, nobody else', async () => {
    const body = { workers: [row()], dryRun: true };
    await bulk(body, bearer({ sub: 'agency-1', role: 'agency', region: '513401' })).expect(403);
    await bulk(body, bearer({ sub: 'bureau-513401', role: 'bureau', region: '513401' })).expect(403);
    await bulk(body).set('Authorization', '').expect(401);
    await bulk(body, bearer({ sub: 'admin', role: 'admin', region: '100000' })).expect(200);
  });

  it('imports 1,000 rows (measured: dry run, then for real)', async () => {
    const file = { workers: await rows(1000) };
    const timed = async (dryRun: boolean) => {
      const started = performance.now();
      const results = (await bulk({ ...file, dryRun }).expect(200)).body.results as Result[];
      return { results, ms: Math.round(performance.now() - started) };
    };
    const preview = await timed(true);
    const real = await timed(false);
    console.log(`bulk registration of 1,000 rows: dry run ${preview.ms} ms, registration ${real.ms} ms`);
    expect(new Set(preview.results.map((r) => r.status))).toEqual(new Set(['valid']));
    expect(new Set(real.results.map((r) => r.status))).toEqual(new Set(['created']));
    expect(await eventsOf(real.results.map((r) => r.id!))).toBe(1000);
  });
});
