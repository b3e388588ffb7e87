import { UTF8_BOM } from '@laowu/platform';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer } from '../../../test/support/tokens';
import { type TestApp } from '../../../test/support/test-app';
import { SCHEMA } from '../src/schema';
import { type WorkerProfilesConfig } from '../src/worker-profiles.config';
import { bureauToken, registration, startWorkerProfiles } from './support/worker-fixtures';

const admin = bearer({ sub: 'admin-test', role: 'admin', region: '100000' });

describe('worker-profiles: lists (三) and monthly monitoring (十三)', () => {
  let running: TestApp<WorkerProfilesConfig>;
  const ids: Record<string, string> = {};
  const http = () => request(running.url);

  const register = async (key: string, overrides: Record<string, unknown>) => {
    const body = registration({ stationId: 'station-list-test', priorityGroups: [], ...overrides });
    ids[key] = (await http().post('/v1/workers').set('Authorization', admin).send(body).expect(201)).body.id;
    return body;
  };
  const status = (key: string, body: Record<string, unknown>) =>
    http().post(`/v1/workers/${ids[key]}/employment-status`).set('Authorization', admin).send(body).expect(201);
  const employedSince = (date: string, regionCode = '440306') => ({ status: 'employed', effectiveDate: date, regionCode, employer: '某厂' });

  let plainIdOfA = '';

  beforeAll(async () => {
    running = await startWorkerProfiles();
    const db = running.app.get(DataSource);
    await db.query(`TRUNCATE "${SCHEMA}".employment_status_history, "${SCHEMA}".workers CASCADE`);

    // lists
    plainIdOfA = (await register('A', { residenceRegionCode: '513401', employmentStatus: employedSince('2026-06-01') })).idNumber as string;
    await register('B', { residenceRegionCode: '513402', employmentStatus: employedSince('2026-05-01') });
    await status('B', { status: 'unemployed', effectiveDate: '2026-10-01', regionCode: '440306', registeredAt: 'employment' });
    await register('C', { residenceRegionCode: '513401', preferences: { willingToMigrate: false } });
    await status('C', { status: 'unemployed', effectiveDate: '2026-10-01', regionCode: '513401', registeredAt: 'residence' });
    await register('D', { residenceRegionCode: '513401', preferences: { willingToMigrate: true } });
    await register('E', { residenceRegionCode: '513401', preferences: { willingToMigrate: true }, employmentStatus: employedSince('2026-01-01') });
    await register('F', { homeRegionCode: '440306', residenceRegionCode: '440306', employmentStatus: employedSince('2026-01-01') });

    // monitoring (home 凉山 unless said otherwise)
    await register('P1', { priorityGroups: ['poverty_alleviated'], employmentStatus: employedSince('2026-09-01') });
    await register('P2', { priorityGroups: ['poverty_alleviated', 'relocated'], employmentStatus: employedSince('2026-09-01') });
    await status('P2', { status: 'unemployed', effectiveDate: '2026-10-10', regionCode: '513401', registeredAt: 'residence' });
    await status('P2', employedSince('2026-10-20'));
    await register('P3', {
      priorityGroups: ['monitoring_target'],
      preferences: { willingToMigrate: false },
      employmentStatus: { status: 'unemployed', effectiveDate: '2026-09-15', regionCode: '513401', registeredAt: 'residence' },
    });
    await register('N1', { priorityGroups: ['relocated'], employmentStatus: employedSince('2026-09-01') });
    await register('P4', { priorityGroups: ['poverty_alleviated'], homeRegionCode: '440306', residenceRegionCode: '440306', employmentStatus: employedSince('2026-09-01') });
  });

  afterAll(async () => {
    await running?.close();
  });

  const list = (kind: string, query: Record<string, string | number>, token = admin) =>
    http().get(`/v1/lists/${kind}`).query(query).set('Authorization', token);
  const idsOf = (body: { items: { id: string }[] }) => body.items.map((i) => i.id).sort();
  const expectIds = (keys: string[]) => keys.map((k) => ids[k]).sort();

  describe('lists', () => {
    it('lists the employed by residence, at county, city and province level', async () => {
      expect(idsOf((await list('employed', { regionCode: '513401' }).expect(200)).body)).toEqual(expectIds(['A', 'E', 'P1', 'P2', 'N1']));
      const city = (await list('employed', { regionCode: '513400' }).expect(200)).body;
      expect(idsOf(city)).toEqual(expectIds(['A', 'E', 'P1', 'P2', 'N1']));
      expect(city.total).toBe(5);
      expect(idsOf((await list('employed', { regionCode: '440000' }).expect(200)).body)).toEqual(expectIds(['F', 'P4']));
      expect(idsOf((await list('employed', { regionCode: '513402' }).expect(200)).body)).toEqual([]);
    });

    it('lists the unemployed where their unemployment is registered (九)', async () => {
      expect(idsOf((await list('unemployed', { regionCode: '440300' }).expect(200)).body)).toEqual(expectIds(['B']));
      expect(idsOf((await list('unemployed', { regionCode: '510000' }).expect(200)).body)).toEqual(expectIds(['C', 'P3']));
    });

    it('lists those willing to migrate who are not employed', async () => {
      expect(idsOf((await list('willing-to-migrate', { regionCode: '513401' }).expect(200)).body)).toEqual(expectIds(['D']));
    });

    it('gives only the named workers of a list (workerIds), and refuses more than 100 or malformed ids', async () => {
      const named = await list('employed', { regionCode: '513400', workerIds: [ids.A, ids.E, ids.B, ids.F].join(',') }).expect(200);
      // B (unemployed) and F (employed in 440000) are not on 凉山's employed list.
      expect(idsOf(named.body)).toEqual(expectIds(['A', 'E']));
      expect(named.body.total).toBe(2);
      const tooMany = Array.from({ length: 101 }, () => ids.A).join(',');
      expect((await list('employed', { regionCode: '513400', workerIds: tooMany }).expect(400)).body.details[0].field).toBe('workerIds');
      expect((await list('employed', { regionCode: '513400', workerIds: 'x,y' }).expect(400)).body.details[0].field).toBe('workerIds');
    });

    it('pages JSON and shows personal data masked', async () => {
      const first = (await list('employed', { regionCode: '513400', pageSize: 2, page: 1 }).expect(200)).body;
      const third = (await list('employed', { regionCode: '513400', pageSize: 2, page: 3 }).expect(200)).body;
      expect(first).toMatchObject({ page: 1, pageSize: 2, total: 5 });
      expect(first.items).toHaveLength(2);
      expect(third.items).toHaveLength(1);
      const a = (await list('employed', { regionCode: '513401', pageSize: 1000 }).expect(200)).body.items.find((i: { id: string }) => i.id === ids.A);
      expect(a).toMatchObject({ idNumber: `${plainIdOfA.slice(0, 4)}**********${plainIdOfA.slice(14)}`, name: '张**', employmentStatus: 'employed', statusRegionCode: '440306' });
      expect(a.phone).toMatch(/^139\*{4}\d{4}$/);
    });

    it('exports CSV in UTF-8 with a BOM, a Chinese header and one line per worker, masked', async () => {
      const response = await list('employed', { regionCode: '513400', format: 'csv' })
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      const bytes = response.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text.startsWith(UTF8_BOM)).toBe(true);
      const lines = text.slice(1).trimEnd().split('\r\n');
      expect(lines[0].split(',').slice(0, 4)).toEqual(['编号', '身份证号(脱敏)', '姓名(脱敏)', '手机(脱敏)']);
      expect(lines).toHaveLength(1 + 5);
      expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(expectIds(['A', 'E', 'P1', 'P2', 'N1']));
      expect(text).toContain('张**');
      expect(text).not.toContain(plainIdOfA);
    });

    it('lets a principal read lists only inside its own region (403 otherwise)', async () => {
      await list('employed', { regionCode: '513401' }, bureauToken('510000')).expect(200);
      await list('employed', { regionCode: '513400' }, bureauToken('513400')).expect(200);
      const refused = await list('employed', { regionCode: '513400' }, bureauToken('440000')).expect(403);
      expect(refused.body.code).toBe('REGION.FORBIDDEN');
      await list('unemployed', { regionCode: '510000' }, bureauToken('513401')).expect(403);
      await list('employed', { regionCode: '513400', format: 'csv' }, bureauToken('440000')).expect(403);
      await list('employed', { regionCode: '513401' }, bearer({ sub: 'station-x', role: 'station', region: '513401' })).expect(200);
      await list('employed', { regionCode: '513400' }, bearer({ sub: 'station-x', role: 'station', region: '513401' })).expect(403);
      await list('employed', { regionCode: '513401' }, bearer({ sub: 'agency-1', role: 'agency', region: '513401' })).expect(403);
    });

    it('answers 400 naming the field for a bad kind, region or format, and 422 for an unknown region', async () => {
      expect((await list('retired', { regionCode: '513401' }).expect(400)).body.details[0].field).toBe('kind');
      expect((await list('employed', { regionCode: '5134' }).expect(400)).body.details[0].field).toBe('regionCode');
      expect((await list('employed', {}).expect(400)).body.details[0].field).toBe('regionCode');
      expect((await list('employed', { regionCode: '513401', format: 'xls' }).expect(400)).body.details[0].field).toBe('format');
      expect((await list('employed', { regionCode: '513401', pageSize: 5000 }).expect(400)).body.details[0].field).toBe('pageSize');
      expect((await list('employed', { regionCode: '519999' }).expect(422)).body.details[0].field).toBe('regionCode');
      expect((await list('employed', { regionCode: '519999', format: 'csv' }).expect(422)).body.details[0].field).toBe('regionCode');
    });
  });

  describe('monthly monitoring', () => {
    const monitoring = (query: Record<string, string>, token = admin) => http().get('/v1/monitoring/monthly').query(query).set('Authorization', token);

    it('shows each poverty-alleviated worker and monitoring target of the region with the month’s status and flags', async () => {
      const body = (await monitoring({ month: '2026-10', regionCode: '513400' }).expect(200)).body;
      expect(idsOf(body)).toEqual(expectIds(['P1', 'P2', 'P3']));
      const byId = Object.fromEntries(body.items.map((i: { id: string }) => [i.id, i]));
      expect(byId[ids.P1]).toMatchObject({ statusAtMonthStart: 'employed', changes: [], statusAtMonthEnd: 'employed', unemployed: false, unstable: false, flagged: false });
      expect(byId[ids.P2]).toMatchObject({
        statusAtMonthStart: 'employed',
        changes: [
          expect.objectContaining({ date: '2026-10-10', status: 'unemployed', registeredAt: 'residence' }),
          expect.objectContaining({ date: '2026-10-20', status: 'employed' }),
        ],
        statusAtMonthEnd: 'employed',
        unemployed: true,
        unstable: true,
        flagged: true,
      });
      expect(byId[ids.P3]).toMatchObject({ statusAtMonthStart: 'unemployed', changes: [], unemployed: true, unstable: false, flagged: true });
      expect(byId[ids.P1].idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    });

    it('leaves out a month before anything was recorded', async () => {
      const body = (await monitoring({ month: '2026-08', regionCode: '513400' }).expect(200)).body;
      expect(body.items).toEqual([]);
    });

    it('exports the month as CSV with a BOM', async () => {
      const response = await monitoring({ month: '2026-10', regionCode: '510000', format: 'csv' }).expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      const text: string = response.text;
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const lines = text.slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toContain('月初状态');
      expect(lines).toHaveLength(4);
      const p2 = lines.find((l) => l.startsWith(ids.P2))!;
      expect(p2).toContain('2026-10-10 unemployed; 2026-10-20 employed');
      // 未就业, 就业不稳, 需关注; not in a public-welfare post (no income recorded, whatever line applies): no exit
      expect(p2).toMatch(/,是,是,是,否,,[^,]*,否$/);
    });

    it('refuses other regions (403), bad months (400), future months and unknown regions (422)', async () => {
      await monitoring({ month: '2026-10', regionCode: '513400' }, bureauToken('513400')).expect(200);
      await monitoring({ month: '2026-10', regionCode: '513400' }, bureauToken('440000')).expect(403);
      await monitoring({ month: '2026-10', regionCode: '513400' }, bearer({ sub: 'coord', role: 'coordinator', region: '513400' })).expect(403);
      expect((await monitoring({ month: '2026-13', regionCode: '513400' }).expect(400)).body.details[0].field).toBe('month');
      expect((await monitoring({ regionCode: '513400' }).expect(400)).body.details[0].field).toBe('month');
      expect((await monitoring({ month: '2099-01', regionCode: '513400' }).expect(422)).body.details[0].field).toBe('month');
      expect((await monitoring({ month: '2099-01', regionCode: '513400', format: 'csv' }).expect(422)).body.details[0].field).toBe('month');
      expect((await monitoring({ month: '2026-10', regionCode: '519999' }).expect(422)).body.details[0].field).toBe('regionCode');
    });
  });
});
