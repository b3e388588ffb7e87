import { randomUUID } from 'node:crypto';
import { eventually } from '@laowu/testkit';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer } from '../../../test/support/tokens';
import { type TestApp } from '../../../test/support/test-app';
import { SCHEMA } from '../src/schema';
import { type WorkerProfilesConfig } from '../src/worker-profiles.config';
import { PhoneHashBackfill } from '../src/workers/phone-hash.backfill';
import { bureauToken, freshIdNumber, freshPhone, registration, startWorkerProfiles, stationToken } from './support/worker-fixtures';

type Row = Record<string, unknown>;
const masked = (idNumber: string) => `${idNumber.slice(0, 4)}**********${idNumber.slice(14)}`;
const maskedPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;

describe('worker-profiles: listing workers and looking one up by number', () => {
  let running: TestApp<WorkerProfilesConfig>;
  let db: DataSource;
  // Stations of this run only: the test database keeps earlier runs' workers.
  const run = randomUUID().slice(0, 8);
  const stationId = `station-list-${run}`;
  const station = stationToken(stationId, '513401');
  const otherStationId = `station-list-other-${run}`;
  const otherStation = stationToken(otherStationId, '440306');

  beforeAll(async () => {
    running = await startWorkerProfiles();
    db = running.app.get(DataSource);
  });

  afterAll(async () => {
    await running?.close();
  });

  const http = () => request(running.url);
  const register = async (body: Row, token = station): Promise<string> => (await http().post('/v1/workers').set('Authorization', token).send(body).expect(201)).body.id;
  const list = (query: string, token = station) => http().get(`/v1/workers?${query}`).set('Authorization', token);
  const lookup = (body: Row, token = station) => http().post('/v1/workers/lookup').set('Authorization', token).send(body);
  const ids = (items: { id: string }[]) => items.map((item) => item.id);

  describe('GET /v1/workers', () => {
    /** The station's workers in the order registered, with what the filters look at. */
    const mine: { id: string; body: Row; status: string; group?: string; willing: boolean; skills: string[] }[] = [];
    const others: string[] = [];

    beforeAll(async () => {
      const specs = [
        { status: 'seeking', group: 'poverty_alleviated', willing: true, skills: ['welding'] },
        { status: 'seeking', willing: false, skills: ['electrician'] },
        { status: 'employed', group: 'relocated', willing: true, skills: ['welding', 'electrician'] },
        { status: 'seeking', group: 'monitoring_target', willing: false, skills: ['welding'] },
      ];
      for (const spec of specs) {
        const body = registration({
          stationId,
          priorityGroups: spec.group ? [spec.group] : [],
          preferences: { willingToMigrate: spec.willing },
          skills: spec.skills.map((code) => ({ code, level: 2 })),
          certificates: [],
          ...(spec.status === 'employed' ? { employmentStatus: { status: 'employed', effectiveDate: '2026-01-01', regionCode: '440306', employer: '某厂' } } : {}),
        });
        mine.push({ id: await register(body), body, ...spec });
      }
      // resident in the station's region but registered by another station: readable, yet not in the station's list
      others[0] = await register(registration({ stationId: otherStationId, homeRegionCode: '440306' }), otherStation);
    });

    const newestFirst = (keep: (w: (typeof mine)[number]) => boolean) => mine.filter(keep).map((w) => w.id).reverse();

    it("gives a station the workers it registered, newest first, masked as GET /v1/workers/{id} shows them", async () => {
      const { body } = await list('').expect(200);
      expect(body).toMatchObject({ total: 4, page: 1, pageSize: 20 });
      expect(ids(body.items)).toEqual(newestFirst(() => true));
      const single = await http().get(`/v1/workers/${mine[0].id}`).set('Authorization', station).expect(200);
      // The worker page adds the full name for the registering station; a list never carries it.
      const { fullName, ...asListed } = single.body;
      expect(fullName).toBe(mine[0].body.name);
      expect(body.items[3]).toEqual(asListed);
      expect(body.items[3]).toMatchObject({ idNumber: masked(mine[0].body.idNumber as string), phone: maskedPhone(mine[0].body.phone as string) });
    });

    it.each([
      ['status=employed', (w: (typeof mine)[number]) => w.status === 'employed'],
      ['priorityGroup=poverty_alleviated', (w: (typeof mine)[number]) => w.group === 'poverty_alleviated'],
      ['willingToMigrate=false', (w: (typeof mine)[number]) => !w.willing],
      ['willingToMigrate=true&skill=welding', (w: (typeof mine)[number]) => w.willing && w.skills.includes('welding')],
      ['skill=electrician&status=seeking', (w: (typeof mine)[number]) => w.skills.includes('electrician') && w.status === 'seeking'],
      ['priorityGroup=monitoring_target&skill=electrician', () => false],
    ])('filters by %s', async (query, keep) => {
      const { body } = await list(query).expect(200);
      expect({ ids: ids(body.items), total: body.total }).toEqual({ ids: newestFirst(keep), total: newestFirst(keep).length });
    });

    it('pages: pageSize and page, the total over all pages', async () => {
      const { body } = await list('pageSize=3&page=2').expect(200);
      expect(body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(ids(body.items)).toEqual([mine[0].id]);
    });

    it("reads only the named workers of the caller's scope: another station's worker is left out as if absent", async () => {
      const named = [mine[1].id, mine[3].id];
      const { body } = await list(`workerIds=${[...named, others[0], randomUUID()].join(',')}`).expect(200);
      expect({ ids: ids(body.items), total: body.total }).toEqual({ ids: [mine[3].id, mine[1].id], total: 2 });
      const filtered = await list(`workerIds=${named.join(',')}&willingToMigrate=true`).expect(200);
      expect(ids(filtered.body.items)).toEqual([]);
    });

    it("gives a bureau the workers resident in its region, whoever registered them, and nothing from elsewhere", async () => {
      const urumqi = await register(registration({ stationId, homeRegionCode: '650102', residenceRegionCode: '650102' }));
      const { body } = await list('pageSize=100', bureauToken('650100')).expect(200);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM "${SCHEMA}".workers WHERE residence_region_code LIKE '6501%'`);
      expect(body.total).toBe(n);
      expect(ids(body.items)).toContain(urumqi);
      expect(body.items.every((w: { residenceRegionCode: string }) => w.residenceRegionCode.startsWith('6501'))).toBe(true);
      const elsewhere = await list('pageSize=100', bureauToken('440300')).expect(200);
      expect(elsewhere.body.items.every((w: { residenceRegionCode: string }) => w.residenceRegionCode.startsWith('4403'))).toBe(true);
    });

    it.each([
      ['status=retired', 'status'],
      ['status=seeking&status=employed', 'status'],
      ['priorityGroup=rich', 'priorityGroup'],
      ['willingToMigrate=yes', 'willingToMigrate'],
      ['skill=time-travel', 'skill'],
      ['skill=%27%3B%20DROP', 'skill'],
      ['pageSize=101', 'pageSize'],
      ['page=0', 'page'],
      ['regionCode=513401', 'regionCode'],
      ['workerIds=not-a-uuid', 'workerIds'],
      [`workerIds=${Array.from({ length: 101 }, () => randomUUID()).join(',')}`, 'workerIds'],
    ])('refuses %s: 400 naming %s', async (query, field) => {
      const { body } = await list(query).expect(400);
      expect(body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    });

    it('is refused to agencies and coordinators', async () => {
      await list('', bearer({ sub: 'agency-1', role: 'agency', region: '513401' })).expect(403);
      await list('', bearer({ sub: 'coord-1', role: 'coordinator', region: '513401' })).expect(403);
    });
  });

  describe('POST /v1/workers/lookup', () => {
    it('finds a worker by resident ID number for those who may read it; to anyone else the answer is as for an unknown number', async () => {
      const idNumber = freshIdNumber();
      const id = await register(registration({ stationId, idNumber }));
      const found = await lookup({ idNumber }).expect(200);
      expect(ids(found.body.items)).toEqual([id]);
      expect(found.body.items[0].idNumber).toBe(masked(idNumber));
      expect(JSON.stringify(found.body)).not.toContain(idNumber);
      expect(ids((await lookup({ idNumber }, bureauToken('513400')).expect(200)).body.items)).toEqual([id]);
      expect((await lookup({ idNumber }, otherStation).expect(200)).body).toEqual({ items: [] });
      expect((await lookup({ idNumber }, bureauToken('440300')).expect(200)).body).toEqual({ items: [] });
      expect((await lookup({ idNumber: freshIdNumber() }).expect(200)).body).toEqual({ items: [] });
    });

    it('finds every readable worker with a phone number however it is written, newest first', async () => {
      const phone = freshPhone();
      const first = await register(registration({ stationId, phone }));
      const second = await register(registration({ stationId, phone }));
      await register(registration({ stationId: otherStationId, phone, homeRegionCode: '440306', residenceRegionCode: '440306' }), otherStation);
      const written = `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)} ${phone.slice(7)}`;
      const found = await lookup({ phone: written }).expect(200);
      expect(ids(found.body.items)).toEqual([second, first]);
      expect(found.body.items.map((w: { phone: string }) => w.phone)).toEqual([maskedPhone(phone), maskedPhone(phone)]);
      expect(JSON.stringify(found.body)).not.toContain(phone);
    });

    it('follows a phone number changed by PATCH', async () => {
      const [before, after] = [freshPhone(), freshPhone()];
      const id = await register(registration({ stationId, phone: before }));
      await http().patch(`/v1/workers/${id}`).set('Authorization', station).send({ phone: after }).expect(200);
      expect((await lookup({ phone: before }).expect(200)).body.items).toEqual([]);
      expect(ids((await lookup({ phone: after }).expect(200)).body.items)).toEqual([id]);
    });

    it('finds workers registered before the phone index once the start-up backfill has run, and a second run has nothing to do', async () => {
      const phone = freshPhone();
      const id = await register(registration({ stationId, phone }));
      await db.query(`UPDATE "${SCHEMA}".workers SET phone_hash = NULL WHERE id = $1`, [id]);
      expect((await lookup({ phone }).expect(200)).body.items).toEqual([]);
      const backfill = running.app.get(PhoneHashBackfill);
      // This run or the app's own start-up run (still passing over other suites' rows it cannot decrypt) fills it.
      await backfill.run();
      await eventually(async () => expect(ids((await lookup({ phone }).expect(200)).body.items)).toEqual([id]), 60_000, 200);
      expect((await backfill.run()).filled).toBe(0);
    });

    it('does not read, start after start, a phone written with a key no longer configured', async () => {
      const backfill = running.app.get(PhoneHashBackfill);
      // What a run passes over before this row exists (other suites' rows it cannot decrypt, if any).
      const { undecryptable: passedOver } = await backfill.run();
      const id = await register(registration({ stationId, phone: freshPhone() }));
      await db.query(`UPDATE "${SCHEMA}".workers SET phone_hash = NULL, phone_enc = 'retired-key:' || split_part(phone_enc, ':', 2) WHERE id = $1`, [id]);
      expect(await backfill.run()).toEqual({ filled: 0, undecryptable: passedOver });
      expect((await db.query(`SELECT phone_hash FROM "${SCHEMA}".workers WHERE id = $1`, [id]))[0].phone_hash).toBeNull();
    });

    it.each([
      ['neither number', {}, ['idNumber', 'phone']],
      ['both numbers', { idNumber: freshIdNumber(), phone: freshPhone() }, ['idNumber', 'phone']],
      ['a malformed phone', { phone: '12345' }, ['phone']],
      ['a phone of the wrong type', { phone: 13800000000 }, ['phone']],
      ['an ID number with a wrong check digit', { idNumber: '11010519491231002Y' }, ['idNumber']],
      ['an unknown field', { phone: freshPhone(), name: '张三' }, ['name']],
    ])('refuses %s: 400 naming the field', async (_, body, fields) => {
      const response = await lookup(body as Row).expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual(fields);
    });

    it('is refused to agencies and coordinators', async () => {
      await lookup({ phone: freshPhone() }, bearer({ sub: 'agency-1', role: 'agency', region: '513401' })).expect(403);
      await lookup({ phone: freshPhone() }, bearer({ sub: 'coord-1', role: 'coordinator', region: '513401' })).expect(403);
    });
  });
});
