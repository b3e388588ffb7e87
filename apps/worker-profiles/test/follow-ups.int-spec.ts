import { redactPersonalNumbers } from '@laowu/domain';
import { UTF8_BOM } from '@laowu/platform';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer } from '../../../test/support/tokens';
import { type TestApp } from '../../../test/support/test-app';
import { LEDGER_COLUMNS } from '../src/follow-ups/follow-up-ledger.service';
import { PiiCipher } from '../src/pii/pii-cipher';
import { SCHEMA } from '../src/schema';
import { type WorkerProfilesConfig } from '../src/worker-profiles.config';
import { bureauToken, registration, startWorkerProfiles, stationToken } from './support/worker-fixtures';

const admin = bearer({ sub: 'admin-test', role: 'admin', region: '100000' });
const STATION_A = 'station-fu-a';
const STATION_B = 'station-fu-b';
const stationA = stationToken(STATION_A, '513401');
const stationB = stationToken(STATION_B, '440306');
/** A station of the workers' own county that did not register them: it may read them, not keep their ledger. */
const stationSameRegion = stationToken('station-fu-c', '513401');

/** Instants of November 2026, China time; the due list is asked as of the 20th. */
const NOV_20 = '2026-11-20T12:00:00+08:00';
const NOV_MONTH_END = new Date('2026-12-01T00:00:00+08:00').toISOString();

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe('worker-profiles: follow-up ledger (帮扶台账, 十三)', () => {
  let running: TestApp<WorkerProfilesConfig>;
  let db: DataSource;
  const ids: Record<string, string> = {};
  const http = () => request(running.url);

  const register = async (key: string, overrides: Record<string, unknown>) => {
    const body = registration({ stationId: STATION_A, employmentStatus: { status: 'employed', effectiveDate: '2026-01-01', regionCode: '440306', employer: '某厂' }, ...overrides });
    ids[key] = (await http().post('/v1/workers').set('Authorization', admin).send(body).expect(201)).body.id;
  };
  const followUp = (key: string, body: Record<string, unknown>, token = stationA) =>
    http().post(`/v1/workers/${ids[key] ?? key}/follow-ups`).set('Authorization', token).send(body);
  const followUpsOf = (key: string, token = admin) => http().get(`/v1/workers/${ids[key] ?? key}/follow-ups`).set('Authorization', token);
  const due = (query: Record<string, string | number>, token = admin) => http().get('/v1/follow-ups/due').query(query).set('Authorization', token);
  const ledger = (query: Record<string, string | number>, token = admin) => http().get('/v1/follow-ups').query(query).set('Authorization', token);
  const rowCount = async (key?: string) =>
    Number((await db.query(`SELECT count(*) AS n FROM "${SCHEMA}".follow_ups ${key ? 'WHERE worker_id = $1' : ''}`, key ? [ids[key]] : []))[0].n);
  const dueIds = (body: { items: { workerId: string }[] }) => body.items.map((i) => i.workerId).sort();
  const keys = (...names: string[]) => names.map((k) => ids[k]).sort();

  beforeAll(async () => {
    running = await startWorkerProfiles();
    db = running.app.get(DataSource);
    await db.query(`TRUNCATE "${SCHEMA}".follow_ups, "${SCHEMA}".employment_status_history, "${SCHEMA}".workers CASCADE`);
    // home 西昌 (513401) unless said; registered by station A unless said
    await register('W1', { priorityGroups: ['poverty_alleviated'] });
    await register('W2', { priorityGroups: ['monitoring_target'] });
    await register('W3', { priorityGroups: ['relocated'] }); // not a priority group of 十三: never due
    await register('W4', { priorityGroups: ['poverty_alleviated'], stationId: STATION_B });
    await register('W5', { priorityGroups: ['poverty_alleviated'], homeRegionCode: '440306', residenceRegionCode: '440306' });
    await register('W6', { priorityGroups: ['poverty_alleviated', 'relocated'] });
  });

  afterAll(async () => {
    await running?.close();
  });

  describe('recording and reading follow-ups', () => {
    const note = '电话13800001234已接通，身份证 51010219900101123X 核对无误, 在深圳"某厂"务工';

    it('records a follow-up by the worker’s station: 201, the note redacted in the answer and encrypted at rest', async () => {
      const created = (await followUp('W1', { kind: 'call', at: '2026-11-10T10:00:00+08:00', outcome: 'employed', note, nextDueAt: '2026-12-10T10:00:00+08:00' }).expect(201)).body;
      const redacted = redactPersonalNumbers(note);
      expect(redacted).not.toContain('13800001234');
      expect(created).toEqual({
        id: expect.any(String),
        workerId: ids.W1,
        kind: 'call',
        at: '2026-11-10T02:00:00.000Z',
        outcome: 'employed',
        note: redacted,
        nextDueAt: '2026-12-10T02:00:00.000Z',
        recordedBy: `station:${STATION_A}`,
        recordedAt: expect.any(String),
      });
      const [stored] = await db.query(`SELECT * FROM "${SCHEMA}".follow_ups WHERE id = $1`, [created.id]);
      const column = JSON.stringify(stored);
      for (const clear of ['13800001234', '51010219900101123X', '已接通', '138******34']) expect(column).not.toContain(clear);
      expect(running.app.get(PiiCipher).decrypt(stored.note_enc, created.id, 'followUpNote')).toBe(redacted);
    });

    it('lists a worker’s follow-ups newest first, to its station, a bureau of its residence and admin', async () => {
      await followUp('W1', { kind: 'visit', at: '2026-10-05T15:00:00+08:00', outcome: 'unstable' }).expect(201);
      await followUp('W1', { kind: 'call', at: '2026-11-01T09:00:00+08:00', outcome: 'unreachable' }, admin).expect(201);
      const list = (await followUpsOf('W1', stationA).expect(200)).body;
      expect(list.map((f: { at: string }) => f.at)).toEqual(['2026-11-10T02:00:00.000Z', '2026-11-01T01:00:00.000Z', '2026-10-05T07:00:00.000Z']);
      expect(list[1]).toMatchObject({ outcome: 'unreachable', note: null, nextDueAt: null, recordedBy: 'admin:admin-test' });
      expect((await followUpsOf('W1', bureauToken('513400')).expect(200)).body).toEqual(list);
      expect((await followUpsOf('W1', admin).expect(200)).body).toEqual(list);
    });

    it('refuses another station, a station of the region that did not register the worker, and a missing worker with one 403 body (admin: 404)', async () => {
      const before = await rowCount();
      const body = { kind: 'call', at: '2026-11-10T10:00:00+08:00', outcome: 'employed' };
      const other = await followUp('W1', body, stationB).expect(403);
      const missing = await followUp(randomUUID(), body, stationB).expect(403);
      expect(other.body.code).toBe('WORKER.FORBIDDEN');
      expect(missing.body).toEqual(other.body);
      expect((await followUp('W1', body, stationSameRegion).expect(403)).body).toEqual(other.body);
      // access comes first: a body that would be a 422 says nothing about the worker either
      expect((await followUp('W1', { ...body, at: '2099-01-01T00:00:00+08:00' }, stationB).expect(403)).body).toEqual(other.body);
      expect((await followUp(randomUUID(), body, admin).expect(404)).body.code).toBe('WORKER.NOT_FOUND');
      expect((await followUp('W1', body, bureauToken('513400')).expect(403)).body.code).toBe('AUTH.ROLE_NOT_ALLOWED');
      expect(await rowCount()).toBe(before);

      const readOther = await followUpsOf('W1', stationB).expect(403);
      expect((await followUpsOf(randomUUID(), stationB).expect(403)).body).toEqual(readOther.body);
      expect((await followUpsOf('W1', stationSameRegion).expect(403)).body).toEqual(readOther.body);
      expect((await followUpsOf('W1', bureauToken('440300')).expect(403)).body).toEqual(readOther.body);
      expect((await followUpsOf(randomUUID(), bureauToken('440300')).expect(403)).body).toEqual(readOther.body);
      await followUpsOf(randomUUID(), admin).expect(404);
    });

    it('answers bad input with 400/422 naming the field, and writes nothing', async () => {
      const before = await rowCount('W2');
      const valid = { kind: 'call', at: '2026-11-10T10:00:00+08:00', outcome: 'employed' };
      const fieldOf400 = async (body: Record<string, unknown>) => (await followUp('W2', body).expect(400)).body.details.map((d: { field: string }) => d.field);
      expect(await fieldOf400({ ...valid, kind: 'letter' })).toEqual(['kind']);
      expect(await fieldOf400({ at: valid.at, outcome: 'employed' })).toEqual(['kind']);
      expect(await fieldOf400({ ...valid, at: '2026-11-10T10:00:00' })).toEqual(['at']); // no offset
      expect(await fieldOf400({ ...valid, at: '2026-11-10' })).toEqual(['at']);
      expect(await fieldOf400({ ...valid, at: '2026-02-30T10:00:00+08:00' })).toEqual(['at']);
      expect(await fieldOf400({ ...valid, outcome: 'moved' })).toEqual(['outcome']);
      expect(await fieldOf400({ ...valid, note: 'x'.repeat(1001) })).toEqual(['note']);
      expect(await fieldOf400({ ...valid, note: 'a\u0000b' })).toEqual(['note']);
      expect(await fieldOf400({ ...valid, nextDueAt: 'next week' })).toEqual(['nextDueAt']);
      expect(await fieldOf400({ ...valid, stationId: STATION_A })).toEqual(['stationId']);
      expect((await http().post('/v1/workers/not-a-uuid/follow-ups').set('Authorization', stationA).send(valid).expect(400)).body.details[0].field).toBe('id');

      const future = (await followUp('W2', { ...valid, at: new Date(Date.now() + 3_600_000).toISOString() }).expect(422)).body;
      expect(future).toMatchObject({ code: 'FOLLOW_UP.FUTURE_AT', details: [{ field: 'at' }] });
      const notAfter = (await followUp('W2', { ...valid, nextDueAt: '2026-11-10T02:00:00Z' }).expect(422)).body; // the same instant as at
      expect(notAfter).toMatchObject({ code: 'FOLLOW_UP.NEXT_DUE_NOT_AFTER_AT', details: [{ field: 'nextDueAt' }] });
      await followUp('W2', { ...valid, note: 'x'.repeat(1000) }).expect(201).then(({ body }) => db.query(`DELETE FROM "${SCHEMA}".follow_ups WHERE id = $1`, [body.id]));
      expect(await rowCount('W2')).toBe(before);
    });
  });

  describe('the due list', () => {
    it('lists the priority-group workers of the scope with no follow-up in the month, until one is recorded', async () => {
      // W1 was followed up on 11-10 (before NOV_20) with its next one due 12-10: not due. W2, W4, W5, W6: none yet.
      const stationView = (await due({ before: NOV_20 }, stationA).expect(200)).body;
      expect(stationView).toMatchObject({ month: '2026-11', regionCode: null, total: 3, before: new Date(NOV_20).toISOString() });
      expect(dueIds(stationView)).toEqual(keys('W2', 'W5', 'W6'));
      const w2 = stationView.items.find((i: { workerId: string }) => i.workerId === ids.W2);
      expect(w2).toEqual({
        workerId: ids.W2, name: '张**', stationId: STATION_A, homeRegionCode: '513401', priorityGroups: ['monitoring_target'],
        lastFollowUp: null, reason: 'none_this_month', dueAt: NOV_MONTH_END,
      });
      expect(dueIds((await due({ before: NOV_20, regionCode: '513401' }, stationA).expect(200)).body)).toEqual(keys('W2', 'W6'));
      // the bureau: by home region (户籍地), whoever registered the worker
      expect(dueIds((await due({ before: NOV_20 }, bureauToken('513400')).expect(200)).body)).toEqual(keys('W2', 'W4', 'W6'));
      expect(dueIds((await due({ before: NOV_20, regionCode: '513401' }).expect(200)).body)).toEqual(keys('W2', 'W4', 'W6'));
      // as of October's end W1's November follow-up had not happened; its October one counts
      const october = (await due({ before: '2026-10-31T12:00:00+08:00', regionCode: '513401' }).expect(200)).body;
      expect(dueIds(october)).toEqual(keys('W2', 'W4', 'W6'));
      expect(dueIds((await due({ before: '2026-10-01T12:00:00+08:00', regionCode: '513401' }).expect(200)).body)).toEqual(keys('W1', 'W2', 'W4', 'W6'));

      await followUp('W6', { kind: 'visit', at: '2026-11-12T10:00:00+08:00', outcome: 'unreachable' }).expect(201);
      expect(dueIds((await due({ before: NOV_20 }, stationA).expect(200)).body)).toEqual(keys('W2', 'W5'));
      // December: nobody has a follow-up yet, W1 included
      expect(dueIds((await due({ before: '2026-12-02T12:00:00+08:00' }, stationA).expect(200)).body)).toEqual(keys('W1', 'W2', 'W5', 'W6'));
    });

    it('lists a worker whose last follow-up’s nextDueAt has passed, as past due', async () => {
      await followUp('W2', { kind: 'call', at: '2026-11-05T10:00:00+08:00', outcome: 'unstable', nextDueAt: '2026-11-15T09:00:00+08:00' }).expect(201);
      // as of the 14th W2's next date has not come (and W6 was followed up on the 12th)
      expect(dueIds((await due({ before: '2026-11-14T12:00:00+08:00' }, stationA).expect(200)).body)).toEqual(keys('W5'));
      const body = (await due({ before: NOV_20 }, stationA).expect(200)).body;
      expect(dueIds(body)).toEqual(keys('W2', 'W5'));
      expect(body.items[0]).toMatchObject({
        workerId: ids.W2,
        reason: 'past_due',
        dueAt: '2026-11-15T01:00:00.000Z',
        lastFollowUp: { at: '2026-11-05T02:00:00.000Z', kind: 'call', outcome: 'unstable', nextDueAt: '2026-11-15T01:00:00.000Z' },
      });
      expect(body.items[1]).toMatchObject({ workerId: ids.W5, reason: 'none_this_month', dueAt: NOV_MONTH_END }); // earliest due first
      expect((await due({ before: NOV_20, pageSize: 1, page: 2 }, stationA).expect(200)).body).toMatchObject({ total: 2, items: [{ workerId: ids.W5 }] });
    });

    it('counts the due list by home region and reason, in the same scope', async () => {
      const summary = (query: Record<string, string>, token = admin) => http().get('/v1/follow-ups/due/summary').query(query).set('Authorization', token);
      // As of the 20th (the test above): station A has W2 past due (home 513401) and W5 with none this month (home 440306).
      expect((await summary({ before: NOV_20 }, stationA).expect(200)).body).toEqual({
        before: new Date(NOV_20).toISOString(), month: '2026-11', regionCode: null, total: 2,
        counts: [{ homeRegionCode: '440306', reason: 'none_this_month', count: 1 }, { homeRegionCode: '513401', reason: 'past_due', count: 1 }],
      });
      // The bureau of 凉山 (513400) by home region: W2 past due, W4 none this month (W6 was followed up on the 12th).
      expect((await summary({ before: NOV_20 }, bureauToken('513400')).expect(200)).body.counts).toEqual([
        { homeRegionCode: '513401', reason: 'none_this_month', count: 1 },
        { homeRegionCode: '513401', reason: 'past_due', count: 1 },
      ]);
      expect((await summary({ regionCode: '513400' }, bureauToken('440300')).expect(403)).body.code).toBe('REGION.FORBIDDEN');
      expect((await summary({}).expect(400)).body.code).toBe('FOLLOW_UP.REGION_REQUIRED');
      expect((await summary({ regionCode: '519999' }).expect(422)).body.details[0].field).toBe('regionCode');
      expect((await summary({ regionCode: '513401', before: '2026-11-20' }).expect(400)).body.details[0].field).toBe('before');
    });

    it('scopes and refuses: a bureau outside its region 403, admin without a region 400, unknown regions 422, bad instants 400', async () => {
      const refused = await due({ regionCode: '513400' }, bureauToken('440300')).expect(403);
      expect(refused.body.code).toBe('REGION.FORBIDDEN');
      await due({}, bureauToken('440300')).expect(200);
      expect((await due({}).expect(400)).body).toMatchObject({ code: 'FOLLOW_UP.REGION_REQUIRED', details: [{ field: 'regionCode' }] });
      expect((await due({ regionCode: '519999' }).expect(422)).body.details[0].field).toBe('regionCode');
      expect((await due({ regionCode: '519999' }, stationA).expect(422)).body.details[0].field).toBe('regionCode');
      expect((await due({ regionCode: '5134' }).expect(400)).body.details[0].field).toBe('regionCode');
      expect((await due({ regionCode: '513401', before: '2026-11-20' }).expect(400)).body.details[0].field).toBe('before');
      expect((await due({ regionCode: '513401', pageSize: 5000 }).expect(400)).body.details[0].field).toBe('pageSize');
      await due({ regionCode: '513401' }, bearer({ sub: 'coord', role: 'coordinator', region: '513401' })).expect(403);
      // the edges of what an instant may say: the last month there is, and a year below 100
      expect((await due({ regionCode: '513401', before: '9999-12-31T23:59:59+08:00' }).expect(200)).body).toMatchObject({ month: '9999-12', total: 4 });
      expect((await due({ regionCode: '513401', before: '0999-06-01T00:00:00Z' }).expect(200)).body).toMatchObject({ month: '0999-06', total: 4 });
    });
  });

  describe('monthly monitoring', () => {
    const monitoring = (query: Record<string, string>) => http().get('/v1/monitoring/monthly').query(query).set('Authorization', admin);
    const byId = (body: { items: { id: string }[] }) => Object.fromEntries(body.items.map((i) => [i.id, i])) as Record<string, Record<string, unknown>>;

    beforeAll(async () => {
      // W6: unreachable on 10-15 and 11-12, reached in December (after November's end: not counted for November)
      await followUp('W6', { kind: 'call', at: '2026-10-15T10:00:00+08:00', outcome: 'unreachable' }).expect(201);
      await followUp('W6', { kind: 'call', at: '2026-12-01T00:00:00+08:00', outcome: 'employed' }).expect(201);
      // W1: employed since January, unemployed from 11-25
      await http().post(`/v1/workers/${ids.W1}/employment-status`).set('Authorization', admin)
        .send({ status: 'unemployed', effectiveDate: '2026-11-25', regionCode: '513401', registeredAt: 'residence' }).expect(201);
    });

    it('carries the last follow-up up to the month’s end and flags unreachable twice and employed → unemployed', async () => {
      const november = byId((await monitoring({ month: '2026-11', regionCode: '513400' }).expect(200)).body);
      expect(Object.keys(november).sort()).toEqual(keys('W1', 'W2', 'W4', 'W6'));
      expect(november[ids.W6]).toMatchObject({
        lastFollowUp: { at: '2026-11-12T02:00:00.000Z', kind: 'visit', outcome: 'unreachable', nextDueAt: null },
        unreachableTwice: true, becameUnemployed: false, flagged: false, needsAttention: true,
      });
      expect(november[ids.W1]).toMatchObject({
        statusAtMonthStart: 'employed', statusAtMonthEnd: 'unemployed',
        lastFollowUp: { at: '2026-11-10T02:00:00.000Z', kind: 'call', outcome: 'employed', nextDueAt: '2026-12-10T02:00:00.000Z' },
        unreachableTwice: false, becameUnemployed: true, needsAttention: true,
      });
      expect(november[ids.W4]).toMatchObject({ lastFollowUp: null, unreachableTwice: false, becameUnemployed: false, needsAttention: false });

      const october = byId((await monitoring({ month: '2026-10', regionCode: '513400' }).expect(200)).body);
      expect(october[ids.W6]).toMatchObject({ lastFollowUp: { at: '2026-10-15T02:00:00.000Z', outcome: 'unreachable' }, unreachableTwice: false, needsAttention: false });
      expect(october[ids.W1]).toMatchObject({ lastFollowUp: { at: '2026-10-05T07:00:00.000Z', kind: 'visit' }, becameUnemployed: false, needsAttention: false });
      // December: W6 reached at 00:00 on the 1st, so no longer unreachable twice
      const december = byId((await monitoring({ month: '2026-12', regionCode: '513400' }).expect(200)).body);
      expect(december[ids.W6]).toMatchObject({ lastFollowUp: { at: '2026-11-30T16:00:00.000Z', outcome: 'employed' }, unreachableTwice: false });
    });

    it('counts the months for a trend: monitored, employed at the end, unemployed, unreachable', async () => {
      const summary = (query: Record<string, string>, token = admin) => http().get('/v1/monitoring/summary').query(query).set('Authorization', token);
      const body = (await summary({ regionCode: '513400', to: '2026-12', months: '3' }).expect(200)).body;
      const attention = async (month: string) =>
        (await monitoring({ month, regionCode: '513400' }).expect(200)).body.items.filter((i: { needsAttention: boolean }) => i.needsAttention).length;
      // W1, W2, W4, W6 (home 凉山) employed since January; W1 unemployed from 11-25; W6's last follow-up was
      // unreachable up to October's and November's ends, reached on 12-01.
      expect(body).toEqual({
        regionCode: '513400',
        months: [
          { month: '2026-10', monitored: 4, employed: 4, unemployed: 0, unreachable: 1, needsAttention: await attention('2026-10') },
          { month: '2026-11', monitored: 4, employed: 3, unemployed: 1, unreachable: 1, needsAttention: await attention('2026-11') },
          { month: '2026-12', monitored: 4, employed: 3, unemployed: 1, unreachable: 0, needsAttention: await attention('2026-12') },
        ],
      });
      expect((await summary({ regionCode: '513400' }, bureauToken('440300')).expect(403)).body.code).toBe('REGION.FORBIDDEN');
      expect((await summary({ regionCode: '519999' }).expect(422)).body.details[0].field).toBe('regionCode');
      expect((await summary({ regionCode: '513400', to: '2099-01' }).expect(422)).body.details[0].field).toBe('to');
      expect((await summary({ regionCode: '513400', months: '13' }).expect(400)).body.details[0].field).toBe('months');
    });

    it('adds the follow-up columns to the CSV', async () => {
      const text: string = (await monitoring({ month: '2026-11', regionCode: '513400', format: 'csv' }).expect(200)).text;
      const [header, ...rows] = parseCsv(text.slice(UTF8_BOM.length));
      const column = (row: string[], name: string) => row[header.indexOf(name)];
      const w6 = rows.find((r) => r[0] === ids.W6)!;
      const w1 = rows.find((r) => r[0] === ids.W1)!;
      expect(column(w6, '最近回访时间')).toBe('2026-11-12T02:00:00.000Z');
      expect(column(w6, '最近回访结果')).toBe('unreachable');
      expect([column(w6, '连续两次失联'), column(w6, '由就业转失业'), column(w6, '需关注(含回访标记)')]).toEqual(['是', '否', '是']);
      expect([column(w1, '连续两次失联'), column(w1, '由就业转失业'), column(w1, '需关注(含回访标记)')]).toEqual(['否', '是', '是']);
      expect(rows).toHaveLength(4);
    });
  });

  describe('the month’s ledger', () => {
    const HEADER = ['follow_up_id', 'worker_id', 'id_number_masked', 'name_masked', 'home_region_code', 'station_id', 'priority_groups', 'kind', 'at', 'outcome', 'next_due_at', 'note'];

    beforeAll(async () => {
      await followUp('W5', { kind: 'visit', at: '2026-11-30T23:59:00+08:00', outcome: 'employed', note: '回访,在家"务农"' }).expect(201);
      await followUp('W4', { kind: 'call', at: '2026-11-02T08:00:00+08:00', outcome: 'employed' }, stationB).expect(201);
    });

    it('exports a bureau’s month as CSV: the documented columns, one row per follow-up of its region’s workers, masked and redacted', async () => {
      const response = await ledger({ month: '2026-11', format: 'csv' }, bureauToken('513400')).expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      const text: string = response.text;
      expect(text.startsWith(UTF8_BOM)).toBe(true);
      const [header, ...rows] = parseCsv(text.slice(UTF8_BOM.length));
      expect(header).toEqual(HEADER);
      const records = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
      // November, home in 513400: W1 (11-01, 11-10), W2 (11-05), W4 (11-02), W6 (11-12); not W5 (home 440306), not October's nor December's
      expect(records.map((r) => r.at)).toEqual(['2026-11-01T09:00:00+08:00', '2026-11-02T08:00:00+08:00', '2026-11-05T10:00:00+08:00', '2026-11-10T10:00:00+08:00', '2026-11-12T10:00:00+08:00']);
      expect(records.map((r) => r.worker_id)).toEqual([ids.W1, ids.W4, ids.W2, ids.W1, ids.W6]);
      const w1 = records[3];
      expect(w1).toMatchObject({
        name_masked: '张**', home_region_code: '513401', station_id: STATION_A, priority_groups: 'poverty_alleviated', kind: 'call',
        outcome: 'employed', next_due_at: '2026-12-10T10:00:00+08:00', note: redactPersonalNumbers('电话13800001234已接通，身份证 51010219900101123X 核对无误, 在深圳"某厂"务工'),
      });
      expect(w1.id_number_masked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      expect(records[2]).toMatchObject({ outcome: 'unstable', next_due_at: '2026-11-15T09:00:00+08:00', note: '' });
      expect(text).not.toContain('13800001234');
    });

    it('gives a station the follow-ups of its own workers, and pages JSON', async () => {
      const rows = parseCsv((await ledger({ month: '2026-11', format: 'csv' }, stationA).expect(200)).text.slice(UTF8_BOM.length)).slice(1);
      expect(rows.map((r) => r[1])).toEqual([ids.W1, ids.W2, ids.W1, ids.W6, ids.W5]);
      expect(rows[4][11]).toBe('回访,在家"务农"');
      const page = (await ledger({ month: '2026-11', pageSize: 2, page: 2 }, stationA).expect(200)).body;
      expect(page).toMatchObject({ month: '2026-11', regionCode: null, page: 2, pageSize: 2, total: 5 });
      expect(page.items.map((i: { workerId: string }) => i.workerId)).toEqual([ids.W1, ids.W6]);
      expect(page.items[0]).toMatchObject({ at: '2026-11-10T02:00:00.000Z', idNumber: expect.stringMatching(/\*{10}/), name: '张**', outcome: 'employed' });
      expect((await ledger({ month: '2026-11', regionCode: '440306' }, stationA).expect(200)).body.items.map((i: { workerId: string }) => i.workerId)).toEqual([ids.W5]);
    });

    it('documents every column, in order, on the route and in docs/FOLLOW-UPS.md', async () => {
      expect(LEDGER_COLUMNS.map((c) => c.header)).toEqual(HEADER);
      const openapi = (await http().get('/docs/json').expect(200)).body;
      const description: string = openapi.paths['/v1/follow-ups'].get.description;
      const listed = description.slice(description.indexOf('CSV columns'));
      const named = [...listed.matchAll(/(?:: |, )([a-z_]+)/g)].map((m) => m[1]).filter((word) => HEADER.includes(word));
      expect(named).toEqual(HEADER);
      const docs = readFileSync(join(__dirname, '../../../docs/FOLLOW-UPS.md'), 'utf8');
      const documented = [...docs.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
      expect(documented).toEqual(HEADER);
      for (const route of ['/v1/workers/{id}/follow-ups', '/v1/follow-ups/due', '/v1/follow-ups']) {
        for (const operation of Object.values(openapi.paths[route]) as { summary?: string }[]) expect(operation.summary).toBeTruthy();
      }
    });

    it('refuses a bureau outside its region (403), admin without a region (400), future months and unknown regions (422)', async () => {
      expect((await ledger({ month: '2026-11', regionCode: '513400' }, bureauToken('440300')).expect(403)).body.code).toBe('REGION.FORBIDDEN');
      await ledger({ month: '2026-11', regionCode: '513400', format: 'csv' }, bureauToken('440300')).expect(403);
      expect((await ledger({ month: '2026-11' }).expect(400)).body.details[0].field).toBe('regionCode');
      expect((await ledger({ regionCode: '513400' }).expect(400)).body.details[0].field).toBe('month');
      expect((await ledger({ month: '2026-13', regionCode: '513400' }).expect(400)).body.details[0].field).toBe('month');
      expect((await ledger({ month: '2099-01', regionCode: '513400', format: 'csv' }).expect(422)).body).toMatchObject({ code: 'FOLLOW_UP.FUTURE_MONTH', details: [{ field: 'month' }] });
      expect((await ledger({ month: '2026-11', regionCode: '519999' }).expect(422)).body.details[0].field).toBe('regionCode');
      expect((await ledger({ month: '2026-11', format: 'xls' }, stationA).expect(400)).body.details[0].field).toBe('format');
      expect((await ledger({ month: '2026-11', regionCode: '513400' }, admin).expect(200)).body.total).toBe(5);
    });
  });
});
