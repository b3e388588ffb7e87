import { type Principal } from '@laowu/auth';
import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type TestApp } from '../../../test/support/test-app';
import { bearer } from '../../../test/support/tokens';
import { type DispatchConfig } from '../src/dispatch.config';
import { SCHEMA } from '../src/schema';
import { startDispatch, tokens } from './dispatch.fixtures';

/**
 * Outcome figures (五) with placements and 3-month retention, their CSV, and 就业帮扶车间 (十四).
 * Placements and checks are inserted as rows (the placements API lives on another branch); every
 * expected number below is counted by hand from the rows listed here. The rows sit in a year no
 * other test uses (Y, random in 3000–7999), so the admin's totals over that year are these rows.
 */
describe('dispatch: outcome figures and workshops', () => {
  let running: TestApp<DispatchConfig>;
  let db: DataSource;
  const run = randomUUID().slice(0, 8);
  const Y = 3000 + randomInt(0, 5000);
  const agencyA = `agency-a-${run}`;
  const agencyB = `agency-b-${run}`;
  const as = (principal: Principal) => bearer(principal);
  const bureauLiangshan = as({ sub: `bureau-5134-${run}`, role: 'bureau', region: '513400' });
  const bureauSichuan = as({ sub: `bureau-51-${run}`, role: 'bureau', region: '510000' });
  const bureauShenzhen = as({ sub: `bureau-4403-${run}`, role: 'bureau', region: '440300' });
  const asAgencyA = as({ sub: agencyA, role: 'agency', region: '440300' });
  const api = () => request(running.url);

  interface PlacementRow {
    workerId?: string;
    agencyId?: string | null;
    groups?: string[];
    regionCode?: string;
    workerRegionCode?: string;
    start: string;
    end?: string;
    creditCode?: string;
    concurrent?: boolean;
  }

  async function placement(row: PlacementRow, check3m?: boolean): Promise<string> {
    const id = randomUUID();
    await db.query(
      `INSERT INTO "${SCHEMA}".placements (id, worker_id, source, agency_id, station_id, employer_name, employer_credit_code, region_code, worker_region_code,
         priority_groups, concurrent, start_date, end_date, end_reason, active, created_by)
       VALUES ($1, $2, $3, $4, 'station-x', '某厂', $5, $6, $7, $8, $9, $10, $11, $12, $13, 'test')`,
      [
        id, row.workerId ?? randomUUID(), row.agencyId ? 'match' : 'direct', row.agencyId ?? null, row.creditCode ?? null, row.regionCode ?? '440306',
        row.workerRegionCode ?? '513401', row.groups ?? [], row.concurrent ?? false, row.start, row.end ?? null, row.end ? 'contract_end' : null, !row.end,
      ],
    );
    if (check3m !== undefined) await check(id, 3, check3m);
    return id;
  }

  const check = (placementId: string, afterMonths: number, stillEmployed: boolean) =>
    db.query(`INSERT INTO "${SCHEMA}".placement_checks (placement_id, after_months, still_employed, checked_by) VALUES ($1, $2, $3, 'test')`, [
      placementId, afterMonths, stillEmployed,
    ]);

  /** A batch of agency A leaving 513401 on Y-02-01: one poverty-alleviated worker arrived, one without a group boarded. */
  async function batch(): Promise<void> {
    const id = randomUUID();
    const departed = `${Y}-02-01T08:00:00+08:00`;
    await db.query(
      `INSERT INTO "${SCHEMA}".batches (id, state, coordinator_id, origin_region_code, job_ids, destination_region_code, destination_address, depart_at,
         transport_mode, capacity, departed_at, arrived_at)
       VALUES ($1, 'arrived', 'coordinator-x', '513401', ARRAY[$2]::uuid[], '440306', '深圳市宝安区', $3, 'bus', 5, $3, $4)`,
      [id, randomUUID(), departed, `${Y}-02-02T08:00:00+08:00`],
    );
    for (const [groups, status] of [[['poverty_alleviated'], 'arrived'], [[], 'boarded']] as const) {
      await db.query(
        `INSERT INTO "${SCHEMA}".batch_workers (batch_id, worker_id, job_id, agency_id, basis, priority_groups, status, active, arrived_at)
         VALUES ($1, $2, $3, $4, 'willing_to_migrate', $5, $6, false, $7)`,
        [id, randomUUID(), randomUUID(), agencyA, groups, status, status === 'arrived' ? `${Y}-02-02T08:00:00+08:00` : null],
      );
    }
  }

  beforeAll(async () => {
    running = await startDispatch();
    db = running.app.get(DataSource);
    await batch();
    // P1–P7, the stats period being [Y-01-01, Y+1-01-01):
    await placement({ agencyId: agencyA, groups: ['poverty_alleviated'], start: `${Y}-02-01` }, true); // P1 retained
    await placement({ agencyId: agencyA, groups: ['poverty_alleviated', 'relocated'], start: `${Y}-03-01` }, false); // P2 checked, not retained
    const p3 = await placement({ agencyId: agencyA, workerRegionCode: '420102', start: `${Y}-04-01` }); // P3 outside 5134, 1-month check only
    await check(p3, 1, true);
    await placement({ agencyId: agencyB, groups: ['monitoring_target'], regionCode: '513401', start: `${Y}-05-01`, end: `${Y}-09-01` }, true); // P4
    await placement({ agencyId: null, groups: ['poverty_alleviated'], regionCode: '513401', start: `${Y}-06-01` }, true); // P5 a station's direct hire
    await placement({ agencyId: agencyA, groups: ['poverty_alleviated'], start: `${Y + 1}-01-01` }, true); // P6 after the period
    await placement({ agencyId: agencyA, groups: ['poverty_alleviated'], start: `${Y - 1}-12-31`, end: `${Y}-01-31` }, true); // P7 before it
  });

  afterAll(async () => {
    await running?.close();
  });

  const count = (total: number, groups: Partial<Record<'poverty_alleviated' | 'monitoring_target' | 'relocated', number>> = {}) => ({
    total,
    byPriorityGroup: { poverty_alleviated: 0, monitoring_target: 0, relocated: 0, ...groups },
  });
  const none = count(0);
  const period = `from=${Y}-01-01&to=${Y + 1}-01-01`;
  const stats = (token: string, query = period) => api().get(`/v1/dispatch/stats?${query}`).set('Authorization', token);

  describe('GET /v1/dispatch/stats', () => {
    const agencyAFigures = {
      agencyId: agencyA,
      dispatched: count(2, { poverty_alleviated: 1 }),
      arrived: count(1, { poverty_alleviated: 1 }),
      placed: count(3, { poverty_alleviated: 2, relocated: 1 }), // P1, P2, P3
      checked3m: count(2, { poverty_alleviated: 2, relocated: 1 }), // P1, P2
      retained3m: count(1, { poverty_alleviated: 1 }), // P1
    };
    const agencyBFigures = {
      agencyId: agencyB, dispatched: none, arrived: none,
      placed: count(1, { monitoring_target: 1 }), checked3m: count(1, { monitoring_target: 1 }), retained3m: count(1, { monitoring_target: 1 }),
    };

    it('counts placements and 3-month retention per agency and group; the totals include direct hires without an agency', async () => {
      const body = (await stats(tokens.admin()).expect(200)).body;
      expect(body).toMatchObject({ from: `${Y - 1}-12-31T16:00:00.000Z`, to: `${Y}-12-31T16:00:00.000Z` });
      expect(body.agencies).toEqual([agencyAFigures, agencyBFigures]);
      expect(body.totals).toEqual({
        dispatched: count(2, { poverty_alleviated: 1 }),
        arrived: count(1, { poverty_alleviated: 1 }),
        placed: count(5, { poverty_alleviated: 3, monitoring_target: 1, relocated: 1 }), // P1–P5
        checked3m: count(4, { poverty_alleviated: 3, monitoring_target: 1, relocated: 1 }), // P1, P2, P4, P5
        retained3m: count(3, { poverty_alleviated: 2, monitoring_target: 1 }), // P1, P4, P5
      });
    });

    it('takes from inclusive and to exclusive as China days', async () => {
      const body = (await stats(tokens.admin(), `from=${Y}-02-01&to=${Y}-06-01`).expect(200)).body;
      // P1 (its first day), P2, P3, P4; not P5 (the day `to` names)
      expect(body.totals.placed).toEqual(count(4, { poverty_alleviated: 2, monitoring_target: 1, relocated: 1 }));
      expect(body.totals.dispatched.total).toBe(2);
    });

    it('gives a bureau batches leaving its region and placements whose work or worker lies in it', async () => {
      const liangshan = (await stats(bureauLiangshan).expect(200)).body;
      // P3's work is in 440306 and its worker in 420102: not Liangshan's
      expect(liangshan.agencies).toEqual([
        { ...agencyAFigures, placed: count(2, { poverty_alleviated: 2, relocated: 1 }), checked3m: count(2, { poverty_alleviated: 2, relocated: 1 }) },
        agencyBFigures,
      ]);
      expect(liangshan.totals.placed).toEqual(count(4, { poverty_alleviated: 3, monitoring_target: 1, relocated: 1 }));
      expect(liangshan.totals.retained3m).toEqual(count(3, { poverty_alleviated: 2, monitoring_target: 1 }));

      const shenzhen = (await stats(bureauShenzhen).expect(200)).body;
      // no batch leaves 4403; P1–P3 work in 440306
      expect(shenzhen.agencies).toEqual([{ ...agencyAFigures, dispatched: none, arrived: none }]);
      expect(shenzhen.totals.placed).toEqual(agencyAFigures.placed);
    });

    it('gives an agency its own figures only, and refuses another agency’s', async () => {
      const own = (await stats(asAgencyA).expect(200)).body;
      expect(own.agencies).toEqual([agencyAFigures]);
      expect(own.totals).toEqual({ dispatched: agencyAFigures.dispatched, arrived: agencyAFigures.arrived, placed: agencyAFigures.placed, checked3m: agencyAFigures.checked3m, retained3m: agencyAFigures.retained3m });
      const refused = await stats(asAgencyA, `${period}&agencyId=${agencyB}`).expect(403);
      expect(refused.body.code).toBe('STATS.NOT_YOURS');
      await stats(tokens.station('station-x')).expect(403);
      expect((await stats(tokens.admin(), `${period}&agencyId=${agencyB}`).expect(200)).body.agencies).toEqual([agencyBFigures]);
    });

    it('downloads the figures as CSV: agency × (all, each group), then the totals as agency *', async () => {
      const response = await stats(bureauLiangshan, `${period}&format=csv`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="outcomes-${Y}-01-01-${Y + 1}-01-01.csv"`);
      const text = (response.body as Buffer).toString('utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const [header, ...lines] = text.slice(1).trimEnd().split('\r\n').map((line) => line.split(','));
      expect(header).toEqual(['agency_id', 'priority_group', 'dispatched', 'arrived', 'placed', 'checked_3m', 'retained_3m', 'from', 'to']);
      const from = `${Y}-01-01T00:00:00+08:00`;
      const to = `${Y + 1}-01-01T00:00:00+08:00`;
      expect(lines).toEqual([
        [agencyA, '*', '2', '1', '2', '2', '1', from, to],
        [agencyA, 'poverty_alleviated', '1', '1', '2', '2', '1', from, to],
        [agencyA, 'monitoring_target', '0', '0', '0', '0', '0', from, to],
        [agencyA, 'relocated', '0', '0', '1', '1', '0', from, to],
        [agencyB, '*', '0', '0', '1', '1', '1', from, to],
        [agencyB, 'poverty_alleviated', '0', '0', '0', '0', '0', from, to],
        [agencyB, 'monitoring_target', '0', '0', '1', '1', '1', from, to],
        [agencyB, 'relocated', '0', '0', '0', '0', '0', from, to],
        ['*', '*', '2', '1', '4', '4', '3', from, to],
        ['*', 'poverty_alleviated', '1', '1', '3', '3', '2', from, to],
        ['*', 'monitoring_target', '0', '0', '1', '1', '1', from, to],
        ['*', 'relocated', '0', '0', '1', '1', '0', from, to],
      ]);
    });

    it('refuses bad bounds naming the field', async () => {
      const fields = async (query: string, status: number) => (await stats(tokens.admin(), query).expect(status)).body.details.map((d: { field: string }) => d.field);
      expect(await fields(`from=${Y}-02-30`, 400)).toEqual(['from']);
      expect(await fields('to=soon&format=xml', 400)).toEqual(['to', 'format']);
      expect(await fields('from=2026-W01', 400)).toEqual(['from']);
      expect(await fields('agencyId=a%00b', 400)).toEqual(['agencyId']);
      const backwards = await stats(tokens.admin(), `from=${Y}-02-01&to=${Y}-01-01`).expect(400);
      expect(backwards.body).toMatchObject({ code: 'STATS.INVALID_PERIOD', details: [{ field: 'from', problem: 'must be before to' }] });
    });
  });

  it('documents the routes and the CSV columns in the OpenAPI document', async () => {
    const { paths } = (await api().get('/docs/json').expect(200)).body;
    expect(Object.keys(paths['/v1/workshops/{creditCode}']).sort()).toEqual(['delete', 'get', 'put']);
    expect(paths['/v1/workshops'].get.summary).toContain('Workshops of a region');
    expect(paths['/v1/dispatch/stats'].get.description).toContain('agency_id, priority_group, dispatched, arrived, placed, checked_3m, retained_3m, from, to');
  });

  describe('就业帮扶车间 /v1/workshops', () => {
    const WY = Y + 10;
    const codeChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const creditCode = () => `91${String(randomInt(100000, 999999))}${Array.from({ length: 10 }, () => codeChars[randomInt(0, codeChars.length)]).join('')}`;
    const liangshanCode = creditCode();
    const shenzhenCode = creditCode();
    const missingCode = creditCode();
    const w1 = randomUUID();
    const put = (code: string, token: string, body: object) => api().put(`/v1/workshops/${code}`).set('Authorization', token).send(body);
    const get = (path: string, token: string) => api().get(`/v1/workshops${path}`).set('Authorization', token);

    beforeAll(async () => {
      const at = { creditCode: liangshanCode, regionCode: '513401' };
      await placement({ ...at, workerId: w1, groups: ['poverty_alleviated'], start: `${WY}-06-01` }); // Q1 active
      await placement({ ...at, groups: ['poverty_alleviated'], start: `${WY - 1}-03-01`, end: `${WY}-01-15` }); // Q2 into WY
      await placement({ ...at, groups: [], start: `${WY}-02-01` }); // Q3 active, no group
      await placement({ ...at, groups: ['poverty_alleviated'], start: `${WY - 2}-01-01`, end: `${WY - 2}-12-31` }); // Q4 long ago
      await placement({ ...at, workerId: w1, groups: ['poverty_alleviated'], start: `${WY}-01-01`, end: `${WY}-03-31` }); // Q5 w1 again
      await placement({ ...at, groups: ['poverty_alleviated', 'monitoring_target'], concurrent: true, start: `${WY + 1}-01-01` }); // Q6 active, next year
      await placement({ ...at, groups: ['poverty_alleviated'], start: `${WY - 1}-12-31`, end: `${WY - 1}-12-31` }); // Q7 last day of WY-1
      await placement({ ...at, groups: ['poverty_alleviated'], start: `${WY}-12-31`, end: `${WY + 1}-01-05` }); // Q8 from the last day of WY
      await placement({ creditCode: shenzhenCode, groups: ['poverty_alleviated'], start: `${WY}-01-01` }); // elsewhere
    });

    // now: poverty-alleviated w1 (Q1), Q6 → 2; employed Q1, Q3, Q6 → 3
    // WY: w1 (Q1, Q5 once), Q2, Q8 → 3; WY-1: Q2, Q7 → 2 (Q4 ended in WY-2)
    const figures = { creditCode: liangshanCode, name: '会理市帮扶车间', regionCode: '513401', povertyAlleviatedNow: 2, employedNow: 3 };

    it('lets the bureau of the region flag an employer and shows how many poverty-alleviated people it employs now and over a year', async () => {
      const flagged = await put(liangshanCode, bureauLiangshan, { name: '会理市帮扶车间', regionCode: '513401' }).expect(200);
      expect(flagged.body).toMatchObject({ ...figures, year: expect.any(Number) });
      expect((await get(`/${liangshanCode}?year=${WY}`, bureauLiangshan).expect(200)).body).toEqual({ ...figures, povertyAlleviatedThisYear: 3, year: WY });
      expect((await get(`/${liangshanCode}?year=${WY - 1}`, tokens.admin()).expect(200)).body).toEqual({ ...figures, povertyAlleviatedThisYear: 2, year: WY - 1 });
      expect((await get(`/${liangshanCode}?year=${WY - 3}`, tokens.admin()).expect(200)).body.povertyAlleviatedThisYear).toBe(0);

      await put(shenzhenCode, tokens.admin(), { name: '宝安帮扶车间', regionCode: '440306' }).expect(200);
      const list = (await get(`?year=${WY}`, bureauSichuan).expect(200)).body;
      expect(list).toMatchObject({ regionCode: '510000', year: WY });
      expect(list.items).toContainEqual({ ...figures, povertyAlleviatedThisYear: 3, year: WY });
      expect(list.items.every((i: { regionCode: string }) => i.regionCode.startsWith('51'))).toBe(true);
      const shenzhen = (await get(`?regionCode=440306&year=${WY}`, tokens.admin()).expect(200)).body.items;
      expect(shenzhen).toContainEqual({ creditCode: shenzhenCode, name: '宝安帮扶车间', regionCode: '440306', povertyAlleviatedNow: 1, povertyAlleviatedThisYear: 1, employedNow: 1, year: WY });
      expect(shenzhen.map((i: { creditCode: string }) => i.creditCode)).not.toContain(liangshanCode);

      const renamed = await put(liangshanCode, bureauSichuan, { name: '会理市一号帮扶车间', regionCode: '513401' }).expect(200);
      expect(renamed.body.name).toBe('会理市一号帮扶车间');
    });

    it('refuses a bureau outside the workshop’s region with one body whether it exists or not; an admin learns it is missing', async () => {
      const foreign = await get(`/${liangshanCode}`, bureauShenzhen).expect(403);
      const missing = await get(`/${missingCode}`, bureauShenzhen).expect(403);
      expect(foreign.body).toEqual(missing.body);
      expect(foreign.body.code).toBe('WORKSHOP.NOT_YOURS');
      expect((await get(`/${missingCode}`, bureauLiangshan).expect(403)).body).toEqual(foreign.body);
      expect((await get(`/${missingCode}`, tokens.admin()).expect(404)).body.code).toBe('WORKSHOP.NOT_FOUND');

      // taking over another region's workshop is refused like flagging one in another region, and changes nothing
      const takeover = await put(liangshanCode, bureauShenzhen, { name: '抢注', regionCode: '440306' }).expect(403);
      expect(takeover.body).toEqual(foreign.body);
      expect((await put(missingCode, bureauShenzhen, { name: '异地', regionCode: '513401' }).expect(403)).body).toEqual(foreign.body);
      expect((await get(`/${liangshanCode}`, tokens.admin()).expect(200)).body).toMatchObject({ name: '会理市一号帮扶车间', regionCode: '513401' });

      expect((await get('?regionCode=440300', bureauLiangshan).expect(403)).body).toEqual(foreign.body);
      expect((await api().delete(`/v1/workshops/${liangshanCode}`).set('Authorization', bureauShenzhen).expect(403)).body).toEqual(foreign.body);
      expect((await api().delete(`/v1/workshops/${missingCode}`).set('Authorization', bureauShenzhen).expect(403)).body).toEqual(foreign.body);
      for (const token of [tokens.station('station-x'), asAgencyA, tokens.coordinator()]) {
        expect((await get('', token).expect(403)).body.code).toBe('AUTH.ROLE_NOT_ALLOWED');
        await put(liangshanCode, token, { name: 'x', regionCode: '513401' }).expect(403);
      }
    });

    it('validates the credit code, the region and the year, naming the field', async () => {
      for (const code of ['91513401ABC', '91513401MA62XXXXOA', '915134O1MA62XXXX0A']) {
        expect((await put(code, tokens.admin(), { name: 'x', regionCode: '513401' }).expect(400)).body.details).toEqual([{ field: 'creditCode', problem: expect.any(String) }]);
      }
      const bad = await put(creditCode(), tokens.admin(), { name: '', regionCode: '51' }).expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['name', 'regionCode']);
      expect((await put(creditCode(), tokens.admin(), { name: 'x', regionCode: '513401', extra: 1 }).expect(400)).body.details[0].field).toBe('extra');
      expect((await put(creditCode(), tokens.admin(), { name: 'a\u0000b', regionCode: '513401' }).expect(400)).body.details[0].field).toBe('name');
      const unknown = await put(missingCode, tokens.admin(), { name: 'x', regionCode: '999999' }).expect(422);
      expect(unknown.body).toMatchObject({ code: 'WORKSHOP.UNKNOWN_REGION', details: [{ field: 'regionCode' }] });
      expect((await get('?regionCode=999999', tokens.admin()).expect(422)).body.details[0].field).toBe('regionCode');
      expect((await get(`/${liangshanCode}?year=twenty`, tokens.admin()).expect(400)).body.details[0].field).toBe('year');
      await get(`/${missingCode}`, tokens.admin()).expect(404);
    });

    it('unflags a workshop: its bureau may, then it is gone', async () => {
      await api().delete(`/v1/workshops/${liangshanCode}`).set('Authorization', bureauLiangshan).expect(204);
      await get(`/${liangshanCode}`, tokens.admin()).expect(404);
      await get(`/${liangshanCode}`, bureauLiangshan).expect(403);
      await api().delete(`/v1/workshops/${liangshanCode}`).set('Authorization', tokens.admin()).expect(404);
      await api().delete(`/v1/workshops/${shenzhenCode}`).set('Authorization', tokens.admin()).expect(204);
    });
  });
});
