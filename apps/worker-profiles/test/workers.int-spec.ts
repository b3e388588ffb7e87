import { ageOn, chinaDate, parseResidentId } from '@laowu/domain';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer } from '../../../test/support/tokens';
import { type TestApp } from '../../../test/support/test-app';
import { SCHEMA } from '../src/schema';
import { type WorkerProfilesConfig } from '../src/worker-profiles.config';
import { bureauToken, freshIdNumber, freshPhone, registration, startWorkerProfiles, stationToken } from './support/worker-fixtures';

describe('worker-profiles: register, read, patch', () => {
  let running: TestApp<WorkerProfilesConfig>;
  let db: DataSource;
  const station = stationToken();

  beforeAll(async () => {
    running = await startWorkerProfiles();
    db = running.app.get(DataSource);
  });

  afterAll(async () => {
    await running?.close();
  });

  const http = () => request(running.url);
  const register = (body: Record<string, unknown>, token = station) => http().post('/v1/workers').set('Authorization', token).send(body);
  const countWorkers = async () => Number((await db.query(`SELECT count(*) AS n FROM "${SCHEMA}".workers`))[0].n);

  describe('registration', () => {
    it('registers a worker and shows it masked, with birth date and gender taken from the ID number', async () => {
      const idNumber = freshIdNumber('513401', 'female');
      const phone = freshPhone();
      const created = await register(registration({ idNumber, phone, name: '李秀英' })).expect(201);
      expect(Object.keys(created.body)).toEqual(['id']);

      const shown = await http().get(`/v1/workers/${created.body.id}`).set('Authorization', station).expect(200);
      const identity = parseResidentId(idNumber);
      expect(identity.ok).toBe(true);
      expect(shown.body).toMatchObject({
        id: created.body.id,
        version: 1,
        idNumber: `${idNumber.slice(0, 4)}**********${idNumber.slice(14)}`,
        phone: `${phone.slice(0, 3)}****${phone.slice(7)}`,
        name: '李**',
        gender: 'female',
        ageYears: ageOn(identity.ok ? identity.birthDate : '', new Date()),
        homeRegionCode: '513401',
        skills: [{ code: 'welding', level: 3 }],
        employmentStatus: { status: 'seeking', effectiveDate: chinaDate(), regionCode: '513401', registeredAt: 'residence' },
        available: true,
      });
      expect(JSON.stringify(shown.body)).not.toContain(idNumber);
      expect(JSON.stringify(shown.body)).not.toContain(phone);
      expect(shown.body).not.toHaveProperty('birthDate');
    });

    it('fills defaults: location from the residence region centre, all job kinds, 30 km commute', async () => {
      const body = registration({ location: undefined, preferences: undefined });
      const created = await register(body).expect(201);
      const shown = await http().get(`/v1/workers/${created.body.id}`).set('Authorization', station).expect(200);
      expect(shown.body.location.lat).toBeCloseTo(27.9, 0);
      expect(shown.body.preferences).toEqual({
        kinds: ['gig', 'fulltime', 'seasonal', 'public_welfare', 'work_relief', 'workshop'],
        willingToMigrate: false,
        targetRegionCodes: [],
        maxCommuteKm: 30,
      });
    });

    it('answers 409 with the existing id when the same resident ID number comes again (also written with a lower-case x)', async () => {
      const idNumber = freshIdNumber();
      const first = await register(registration({ idNumber })).expect(201);
      const again = await register(registration({ idNumber, name: '另一个人' })).expect(409);
      expect(again.body).toMatchObject({ statusCode: 409, code: 'WORKER.ALREADY_REGISTERED', existingId: first.body.id });

      let withX = freshIdNumber();
      while (!withX.endsWith('X')) withX = freshIdNumber();
      const upper = await register(registration({ idNumber: withX })).expect(201);
      const lower = await register(registration({ idNumber: withX.toLowerCase() })).expect(409);
      expect(lower.body.existingId).toBe(upper.body.id);
    });

    it('tells a station that may not read the registered worker only that the number is taken, not whose it is', async () => {
      const idNumber = freshIdNumber();
      await register(registration({ idNumber })).expect(201);
      const elsewhere = stationToken('station-440306-01', '440306');
      const again = await register(registration({ idNumber, stationId: 'station-440306-01', homeRegionCode: '440306', residenceRegionCode: '440306' }), elsewhere).expect(409);
      expect(again.body.code).toBe('WORKER.ALREADY_REGISTERED');
      expect(again.body).not.toHaveProperty('existingId');
    });

    it('lets exactly one of several concurrent registrations of one number in (unique blind index)', async () => {
      const idNumber = freshIdNumber();
      const responses = await Promise.all(Array.from({ length: 6 }, () => register(registration({ idNumber }))));
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
      const id = responses.find((r) => r.status === 201)!.body.id;
      expect(responses.filter((r) => r.status === 409).every((r) => r.body.existingId === id)).toBe(true);
    });

    it.each([
      ['wrong check digit', (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0')],
      ['17 characters', (id: string) => id.slice(0, 17)],
      ['a letter inside', (id: string) => `${id.slice(0, 10)}A${id.slice(11)}`],
      ['an arbitrary string', () => 'not-an-id-number!!'],
    ])('refuses an ID number with %s: 400 naming idNumber, nothing written', async (_, mutate) => {
      const before = await countWorkers();
      const response = await register(registration({ idNumber: mutate(freshIdNumber()) })).expect(400);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'idNumber' })]);
      expect(await countWorkers()).toBe(before);
    });

    it('checks the birth date and region of an ID number whose check digit is right', async () => {
      const { makeResidentId, residentIdCheckCharacter } = await import('@laowu/domain');
      const withCheck = (first17: string) => first17 + residentIdCheckCharacter(first17);
      const badDate = await register(registration({ idNumber: withCheck('51340119900230123') })).expect(400);
      expect(badDate.body.details[0]).toMatchObject({ field: 'idNumber', problem: expect.stringContaining('not a real date') });
      const badRegion = await register(registration({ idNumber: makeResidentId({ regionCode: '990101', birthDate: '1990-01-01', gender: 'male' }) })).expect(400);
      expect(badRegion.body.details[0]).toMatchObject({ field: 'idNumber', problem: expect.stringContaining('region') });
      const future = await register(registration({ idNumber: withCheck('51340120990101123') })).expect(400);
      expect(future.body.details[0].problem).toContain('future');
      // the number never appears in the error
      expect(JSON.stringify(badRegion.body)).not.toMatch(/\d{17}/);
    });

    it('lists every bad field at once, and refuses unknown fields', async () => {
      const response = await register(
        registration({ phone: '12345', name: '', homeRegionCode: '51', skills: [{ code: 'welding', level: 9 }], extra: true }),
      ).expect(400);
      const fields = response.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['phone', 'name', 'homeRegionCode', 'skills.0.level', 'extra']));
    });

    it('answers 422 for well-formed codes that name nothing (region, target region, skill, certificate)', async () => {
      const before = await countWorkers();
      const response = await register(
        registration({
          residenceRegionCode: '519999',
          skills: [{ code: 'time-travel', level: 2 }],
          certificates: [{ code: 'welder-cert', level: 2 }, { code: 'wizard-cert', level: 1 }],
          preferences: { targetRegionCodes: ['449999'] },
        }),
      ).expect(422);
      expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual(
        ['certificates.1.code', 'preferences.targetRegionCodes.0', 'residenceRegionCode', 'skills.0.code'].sort(),
      );
      expect(await countWorkers()).toBe(before);
    });

    it('lets a station register only under its own stationId; agencies, bureaus and coordinators not at all', async () => {
      await register(registration({ stationId: 'station-other' })).expect(403);
      await register(registration(), bearer({ sub: 'agency-1', role: 'agency', region: '513401' })).expect(403);
      await register(registration(), bureauToken('513401')).expect(403);
      await register(registration(), bearer({ sub: 'coord-1', role: 'coordinator', region: '513401' })).expect(403);
      await register(registration()).set('Authorization', '').expect(401);
      await register(registration({ stationId: 'station-other' }), bearer({ sub: 'admin', role: 'admin', region: '100000' })).expect(201);
    });
  });

  describe('a crash halfway through a write', () => {
    it('leaves nothing behind when the transaction fails after the worker row (outbox insert fails)', async () => {
      // Simulates a failure between the worker row and its event: the outbox refuses this station's rows.
      // A station of this run only: the test database keeps earlier runs' workers.
      const stationId = `station-crash-${randomUUID().slice(0, 8)}`;
      await db.query(`CREATE OR REPLACE FUNCTION "${SCHEMA}".fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.payload->'data'->>'stationId' = '${stationId}' THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$`);
      await db.query(`CREATE TRIGGER fail_outbox BEFORE INSERT ON "${SCHEMA}".outbox FOR EACH ROW EXECUTE FUNCTION "${SCHEMA}".fail_outbox()`);
      try {
        const idNumber = freshIdNumber();
        const admin = bearer({ sub: 'admin', role: 'admin', region: '100000' });
        await register(registration({ idNumber, stationId }), admin).expect(500);
        const [{ workers, entries }] = await db.query(
          `SELECT (SELECT count(*)::int FROM "${SCHEMA}".workers WHERE station_id = $1) AS workers,
                  (SELECT count(*)::int FROM "${SCHEMA}".employment_status_history WHERE recorded_by = 'admin:admin'
                     AND worker_id NOT IN (SELECT id FROM "${SCHEMA}".workers)) AS entries`,
          [stationId],
        );
        expect({ workers, entries }).toEqual({ workers: 0, entries: 0 });
        // the retry after the "crash" succeeds: the number was never taken
        await db.query(`DROP TRIGGER fail_outbox ON "${SCHEMA}".outbox`);
        await register(registration({ idNumber, stationId }), admin).expect(201);
      } finally {
        await db.query(`DROP TRIGGER IF EXISTS fail_outbox ON "${SCHEMA}".outbox`);
        await db.query(`DROP FUNCTION IF EXISTS "${SCHEMA}".fail_outbox()`);
      }
    });
  });

  describe('access to a worker', () => {
    let workerId: string;

    beforeAll(async () => {
      // registered by a 西昌 station, living in 会东 (513426), also in 凉山 (513400)
      const body = registration({ residenceRegionCode: '513426', homeRegionCode: '513426' });
      workerId = (await register(body).expect(201)).body.id;
    });

    const read = (token: string) => http().get(`/v1/workers/${workerId}`).set('Authorization', token);

    it('is visible to the registering station and to stations and bureaus of the residence region', async () => {
      await read(station).expect(200);
      await read(stationToken('station-513426-01', '513426')).expect(200);
      await read(stationToken('station-513400-01', '513400')).expect(200);
      await read(bureauToken('510000')).expect(200);
    });

    it('shows the full name to the registering station only, on the worker page, never in lists', async () => {
      const fullName = registration().name;
      expect((await read(station).expect(200)).body).toMatchObject({ fullName, name: expect.stringContaining('*') });
      for (const other of [stationToken('station-513426-01', '513426'), bureauToken('510000'), bearer({ sub: 'admin', role: 'admin', region: '100000' })]) {
        expect((await read(other).expect(200)).body.fullName).toBeUndefined();
      }
      const listed = (await http().get('/v1/workers').query({ pageSize: 5 }).set('Authorization', station).expect(200)).body.items;
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.filter((w: object) => 'fullName' in w)).toEqual([]);
    });

    it('is refused (403) to other stations, bureaus of other regions, agencies and coordinators', async () => {
      const refusal = await read(stationToken('station-440306-01', '440306')).expect(403);
      expect(refusal.body.code).toBe('WORKER.FORBIDDEN');
      await read(stationToken('station-513402-01', '513402')).expect(403);
      await read(bureauToken('440000')).expect(403);
      await read(bearer({ sub: 'agency-1', role: 'agency', region: '513426' })).expect(403);
      await read(bearer({ sub: 'coord-1', role: 'coordinator', region: '513426' })).expect(403);
    });

    it('answers 404 for an unknown worker and 400 naming id for a malformed one', async () => {
      await http().get('/v1/workers/5f0c4b57-0a51-4a55-9a59-3c8d9d5f2a10').set('Authorization', station).expect(404);
      const bad = await http().get('/v1/workers/not-a-uuid').set('Authorization', station).expect(400);
      expect(bad.body.details).toEqual([expect.objectContaining({ field: 'id' })]);
    });
  });

  describe('patch', () => {
    it('changes non-identity fields, raises the version and keeps the rest', async () => {
      const { body } = await register(registration()).expect(201);
      const phone = freshPhone();
      const patched = await http()
        .patch(`/v1/workers/${body.id}`)
        .set('Authorization', station)
        .send({ phone, name: '王五', skills: [{ code: 'electrician', level: 2 }], preferences: { willingToMigrate: false } })
        .expect(200);
      expect(patched.body).toMatchObject({
        version: 2,
        phone: `${phone.slice(0, 3)}****${phone.slice(7)}`,
        name: '王*',
        skills: [{ code: 'electrician', level: 2 }],
        certificates: [{ code: 'welder-cert', level: 4 }],
        preferences: { willingToMigrate: false, targetRegionCodes: ['440000'], maxCommuteKm: 30 },
      });
    });

    it('refuses the ID number (400), unknown codes (422), strangers (403) and bureaus (403), writing nothing', async () => {
      const { body } = await register(registration()).expect(201);
      const patch = (payload: Record<string, unknown>, token = station) =>
        http().patch(`/v1/workers/${body.id}`).set('Authorization', token).send(payload);
      const idChange = await patch({ idNumber: freshIdNumber() }).expect(400);
      expect(idChange.body.details[0].field).toBe('idNumber');
      const unknown = await patch({ residenceRegionCode: '519999' }).expect(422);
      expect(unknown.body.details[0].field).toBe('residenceRegionCode');
      await patch({ name: '赵六' }, stationToken('station-440306-01', '440306')).expect(403);
      await patch({ name: '赵六' }, bureauToken('513401')).expect(403);
      const after = await http().get(`/v1/workers/${body.id}`).set('Authorization', station).expect(200);
      expect(after.body.version).toBe(1);
      expect(after.body.name).toBe('张**');
    });
  });
});
