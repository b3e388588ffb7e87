import { deterministicUuid, type JobChangedData, TOPICS } from '@laowu/contracts';
import { OutboxRelay } from '@laowu/messaging';
import { inDays } from '@laowu/testkit';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TopicRecorder } from '../../../test/support/kafka';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { type JobCollectionConfig } from '../src/job-collection.config';
import { SCHEMA } from '../src/schema';
import { asAgency, gigJob, jobRows, newAgencyId, outboxRowsFor, publicWelfareJob, SPEC } from './job-collection.fixtures';

/** A copy of `body` with the value at a dotted path replaced. */
function withValue(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(body));
  const keys = path.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) target = target[key];
  target[keys[keys.length - 1]] = value;
  return { ...copy, externalId: path === 'externalId' ? value : `FUZZ-${Math.random()}` };
}

describe('job-collection: posting and managing jobs', () => {
  let running: TestApp<JobCollectionConfig>;
  let dataSource: DataSource;
  let jobs: TopicRecorder;
  let instantLane: TopicRecorder;

  beforeAll(async () => {
    jobs = await TopicRecorder.start([TOPICS.jobs]);
    instantLane = await TopicRecorder.start([TOPICS.jobsInstant]);
    running = await startTestApp(SPEC, { consume: false });
    dataSource = running.app.get(DataSource);
  });

  afterAll(async () => {
    await running?.close();
    await jobs?.stop();
    await instantLane?.stop();
  });

  const eventsFor = (jobId: string) =>
    jobs.messages.filter((m) => m.key === jobId).map((m) => JSON.parse(m.value).data as JobChangedData);

  it('creates a job: 201 with id, version 1 and status open, and one job.changed event', async () => {
    const agency = newAgencyId();
    const body = gigJob();
    const created = await request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(body).expect(201);
    expect(created.body).toMatchObject({ version: 1, status: 'open', materialVersion: 1, filled: 0, agencyId: agency });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const [event] = await jobs.waitFor(() => eventsFor(created.body.id).length === 1).then(() => eventsFor(created.body.id));
    expect(event).toMatchObject({ jobId: created.body.id, version: 1, materialVersion: 1, change: 'created', status: 'open', title: '电子厂普工' });
    expect(event.location).toEqual({ regionCode: '440306', lat: 22.55, lon: 113.88, address: '宝安区福永街道' });

    const read = await request(running.url).get(`/v1/jobs/${created.body.id}`).set('Authorization', asAgency(agency)).expect(200);
    expect(read.body).toMatchObject({ id: created.body.id, filled: 0, status: 'open', version: 1, wage: { min: 180, max: 240, unit: 'day' } });
  });

  it('publishes a gig or instant job in the instant lane as well; any other job only on laowu.jobs.v1', async () => {
    const agency = newAgencyId();
    const post = async (body: Record<string, unknown>) =>
      (await request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(body).expect(201)).body.id as string;
    const gig = await post(gigJob({ instant: false }));
    const flagged = await post(gigJob({ kind: 'fulltime', instant: true }));
    const plain = await post(gigJob({ kind: 'fulltime', instant: false }));
    const keysOn = (recorder: TopicRecorder) => recorder.messages.map((m) => m.key);
    await jobs.waitFor(() => [gig, flagged, plain].every((id) => keysOn(jobs).includes(id)));
    await instantLane.waitFor(() => [gig, flagged].every((id) => keysOn(instantLane).includes(id)));
    const [copy] = instantLane.messages.filter((m) => m.key === gig).map((m) => JSON.parse(m.value));
    const [original] = jobs.messages.filter((m) => m.key === gig).map((m) => JSON.parse(m.value));
    expect(copy.data).toEqual(original.data);
    expect(copy.id).not.toBe(original.id);
    const { rows } = { rows: await dataSource.query(`SELECT lane FROM "${SCHEMA}".outbox WHERE key = $1 ORDER BY seq`, [gig]) };
    expect(rows.map((r: { lane: string }) => r.lane)).toEqual(['standard', 'instant']);
    expect(keysOn(instantLane)).not.toContain(plain);
  });

  it('defaults lat/lon to the region centre', async () => {
    const agency = newAgencyId();
    const body = gigJob({ location: { regionCode: '513401' } });
    const created = await request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(body).expect(201);
    expect(created.body.location.regionCode).toBe('513401');
    // 西昌市 lies around 27.9°N 102.3°E
    expect(created.body.location.lat).toBeCloseTo(27.9, 0);
    expect(created.body.location.lon).toBeCloseTo(102.3, 0);
  });

  describe('validation: each rule with a good and a bad case; a bad request leaves no row and no event', () => {
    const cases: { rule: string; good: Record<string, unknown>; bad: Record<string, unknown>; status: number; fields: string[] }[] = [
      { rule: 'wage min ≤ max', good: gigJob({ wage: { min: 200, max: 200, unit: 'day' } }), bad: gigJob({ wage: { min: 300, max: 200, unit: 'day' } }), status: 400, fields: ['wage.max'] },
      { rule: 'gig needs startAt < endAt', good: gigJob({ startAt: inDays(1), endAt: inDays(2) }), bad: gigJob({ startAt: inDays(2), endAt: inDays(1) }), status: 400, fields: ['endAt'] },
      { rule: 'gig needs startAt and endAt', good: gigJob({ kind: 'fulltime', startAt: undefined, endAt: undefined }), bad: gigJob({ startAt: undefined, endAt: undefined }), status: 400, fields: ['startAt', 'endAt'] },
      { rule: 'public_welfare carries no ageRange (十六)', good: publicWelfareJob(), bad: publicWelfareJob({ ageRange: { min: 18, max: 50 } }), status: 400, fields: ['ageRange'] },
      { rule: 'public_welfare lasts at most one year (十六)', good: publicWelfareJob({ startAt: inDays(1), endAt: inDays(360) }), bad: publicWelfareJob({ startAt: inDays(1), endAt: inDays(400) }), status: 400, fields: ['endAt'] },
      { rule: 'ageRange.min ≥ 16', good: gigJob({ ageRange: { min: 16 } }), bad: gigJob({ ageRange: { min: 15, max: 40 } }), status: 400, fields: ['ageRange.min'] },
      { rule: 'headcount ≥ 1', good: gigJob({ headcount: 1 }), bad: gigJob({ headcount: 0 }), status: 400, fields: ['headcount'] },
      { rule: 'kind is one of the kinds', good: gigJob({ kind: 'seasonal' }), bad: gigJob({ kind: 'temp' }), status: 400, fields: ['kind'] },
      { rule: 'lat and lon come together', good: gigJob({ location: { regionCode: '440306' } }), bad: gigJob({ location: { regionCode: '440306', lat: 22.5 } }), status: 400, fields: ['location.lat'] },
      { rule: 'text holds no NUL characters', good: gigJob({ title: '焊工 A' }), bad: gigJob({ title: '焊工\u0000A', description: 'x\u0000' }), status: 400, fields: ['title', 'description'] },
      { rule: 'unknown fields are refused', good: gigJob(), bad: gigJob({ salary: 100 }), status: 400, fields: ['salary'] },
      { rule: 'region code is known (GB/T 2260)', good: gigJob({ location: { regionCode: '510104' } }), bad: gigJob({ location: { regionCode: '449999' } }), status: 422, fields: ['location.regionCode'] },
      { rule: 'source region codes are known', good: gigJob({ crossRegion: { sourceRegionCodes: ['520000'] } }), bad: gigJob({ crossRegion: { sourceRegionCodes: ['520000', '529999'] } }), status: 422, fields: ['crossRegion.sourceRegionCodes.1'] },
      { rule: 'skill codes exist in the taxonomy', good: gigJob({ skills: [{ code: 'electrician' }] }), bad: gigJob({ skills: [{ code: 'welding' }, { code: 'underwater-basket-weaving' }] }), status: 422, fields: ['skills.1.code'] },
    ];

    it.each(cases)('$rule', async ({ good, bad, status, fields }) => {
      const agency = newAgencyId();
      await request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(good).expect(201);
      const refused = await request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(bad).expect(status);
      expect(refused.body.statusCode).toBe(status);
      expect(refused.body.details.map((d: { field: string }) => d.field).sort()).toEqual(expect.arrayContaining(fields));
      expect(await jobRows(dataSource, { externalId: bad.externalId as string })).toBe(0);
      expect(await outboxRowsFor(dataSource, bad.externalId as string)).toBe(0);
    });

    it('a 400 lists every failing field at once', async () => {
      const bad = gigJob({ title: '', headcount: 0, wage: { min: 300, max: 200, unit: 'week' }, ageRange: { min: 10 }, location: { regionCode: '4403' } });
      const refused = await request(running.url).post('/v1/jobs').set('Authorization', asAgency(newAgencyId())).send(bad).expect(400);
      const fields = refused.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['title', 'headcount', 'wage.max', 'wage.unit', 'ageRange.min', 'location.regionCode']));
      expect(await jobRows(dataSource, { externalId: bad.externalId as string })).toBe(0);
    });

    it('answers malformed bodies with 4xx, never 5xx, and writes nothing for them', async () => {
      const junk: unknown[] = [null, [], {}, '', -1, 0.5, 1e308, 'x'.repeat(300), true, [null], { a: 1 }, '\u0000', '2026-13-45T99:00:00Z', 1e-7, -0];
      const paths = ['title', 'kind', 'headcount', 'wage', 'wage.min', 'wage.unit', 'location', 'location.regionCode', 'location.lat', 'skills', 'skills.0',
        'skills.0.code', 'skills.0.minLevel', 'crossRegion', 'crossRegion.sourceRegionCodes', 'ageRange', 'ageRange.max', 'startAt', 'endAt', 'benefits',
        'benefits.meals', 'relocationQuotaPct', 'externalId', 'occupationCode', 'instant'];
      const agency = newAgencyId();
      const bodies = paths.flatMap((path) => junk.map((value) => withValue(gigJob(), path, value)));
      const statuses = new Map<number, number>();
      for (let i = 0; i < bodies.length; i += 25) {
        const responses = await Promise.all(bodies.slice(i, i + 25).map((body) => request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(body as object)));
        responses.forEach((r) => statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1));
      }
      expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
      expect(await jobRows(dataSource, { agencyId: agency })).toBe(statuses.get(201) ?? 0);
      const bulk = await request(running.url).post('/v1/jobs/bulk').set('Authorization', asAgency(agency)).send({ jobs: bodies.slice(0, 300) }).expect(200);
      expect(bulk.body.results.every((r: { status: number }) => r.status < 500)).toBe(true);
    });

    it('refuses a body over the size limit with 413', async () => {
      const huge = gigJob({ description: 'x'.repeat(running.config.BODY_LIMIT_BYTES + 10) });
      await request(running.url).post('/v1/jobs').set('Authorization', asAgency(newAgencyId())).send(huge).expect(413);
    });

    it('refuses a non-UUID job id with 400 naming id', async () => {
      const res = await request(running.url).get('/v1/jobs/not-a-uuid').set('Authorization', asAgency(newAgencyId())).expect(400);
      expect(res.body.details).toEqual([{ field: 'id', problem: 'id must be a UUID' }]);
    });
  });

  describe('idempotent create by agency + externalId', () => {
    it('answers an identical repeat with 200 and the existing job, a different body with 409', async () => {
      const agency = newAgencyId();
      const body = gigJob();
      const first = await request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(body).expect(201);
      const again = await request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(body).expect(200);
      expect(again.body.id).toBe(first.body.id);
      const different = await request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send({ ...body, headcount: 99 }).expect(409);
      expect(different.body).toMatchObject({ code: 'JOB.EXTERNAL_ID_CONFLICT', existingId: first.body.id });
      // Another agency may use the same externalId for its own job.
      await request(running.url).post('/v1/jobs').set('Authorization', asAgency(newAgencyId())).send(body).expect(201);
      expect(await jobRows(dataSource, { agencyId: agency })).toBe(1);
    });

    it('makes one job and one event from 5 identical concurrent creates', async () => {
      const agency = newAgencyId();
      const body = gigJob();
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(body)),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
      const ids = new Set(responses.map((r) => r.body.id));
      expect(ids.size).toBe(1);
      const [id] = ids;
      expect(await jobRows(dataSource, { agencyId: agency })).toBe(1);
      await running.app.get(OutboxRelay).drain();
      await jobs.waitFor(() => eventsFor(id).length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 500)); // a second event, were there one, would have arrived with the first
      expect(eventsFor(id)).toHaveLength(1);
    });
  });

  describe('update, close, list', () => {
    it('PUT replaces the job: version + 1, materialVersion + 1 only when content changed', async () => {
      const agency = newAgencyId();
      const body = gigJob();
      const { body: job } = await request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(body).expect(201);
      const changed = await request(running.url).put(`/v1/jobs/${job.id}`).set('Authorization', asAgency(agency)).send({ ...body, headcount: 10 }).expect(200);
      expect(changed.body).toMatchObject({ version: 2, materialVersion: 2, headcount: 10 });
      const same = await request(running.url).put(`/v1/jobs/${job.id}`).set('Authorization', asAgency(agency)).send({ ...body, headcount: 10 }).expect(200);
      expect(same.body).toMatchObject({ version: 3, materialVersion: 2 });
      const bad = await request(running.url).put(`/v1/jobs/${job.id}`).set('Authorization', asAgency(agency)).send({ ...body, wage: { min: 5, max: 1, unit: 'day' } }).expect(400);
      expect(bad.body.details[0].field).toBe('wage.max');
      await jobs.waitFor(() => eventsFor(job.id).length === 3);
      expect(eventsFor(job.id).map((e) => [e.version, e.materialVersion, e.change])).toEqual([
        [1, 1, 'created'],
        [2, 2, 'updated'],
        [3, 2, 'updated'],
      ]);
    });

    it('close makes the job closed with an event; closing again changes nothing; a closed job cannot be changed', async () => {
      const agency = newAgencyId();
      const body = gigJob();
      const { body: job } = await request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(body).expect(201);
      const closed = await request(running.url).post(`/v1/jobs/${job.id}/close`).set('Authorization', asAgency(agency)).expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', version: 2 });
      const again = await request(running.url).post(`/v1/jobs/${job.id}/close`).set('Authorization', asAgency(agency)).expect(200);
      expect(again.body).toMatchObject({ status: 'closed', version: 2 });
      const put = await request(running.url).put(`/v1/jobs/${job.id}`).set('Authorization', asAgency(agency)).send(body).expect(409);
      expect(put.body.code).toBe('JOB.NOT_OPEN');
      await jobs.waitFor(() => eventsFor(job.id).length === 2);
      expect(eventsFor(job.id).map((e) => [e.version, e.change, e.status])).toEqual([
        [1, 'created', 'open'],
        [2, 'closed', 'closed'],
      ]);
    });

    it('a crash between the job row and its event leaves neither: the change rolls back whole', async () => {
      const agency = newAgencyId();
      const { body: job } = await request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(gigJob()).expect(201);
      // Occupy the outbox id the close's event (version 2) will take, so its outbox insert fails
      // after the job row was already updated in the same transaction.
      const eventId = deterministicUuid(`job:${job.id}:v2`);
      await dataSource.query(`INSERT INTO "${SCHEMA}".outbox (id, topic, key, type, payload, sent_at) VALUES ($1, 'crash.test', $2, 'crash', '{}', now())`, [eventId, job.id]);
      try {
        await request(running.url).post(`/v1/jobs/${job.id}/close`).set('Authorization', asAgency(agency)).expect(500);
        const after = await request(running.url).get(`/v1/jobs/${job.id}`).set('Authorization', asAgency(agency)).expect(200);
        expect(after.body).toMatchObject({ status: 'open', version: 1 });
        const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM "${SCHEMA}".outbox WHERE key = $1 AND topic = $2`, [job.id, TOPICS.jobs]);
        expect(count).toBe(1); // only the create's event
      } finally {
        await dataSource.query(`DELETE FROM "${SCHEMA}".outbox WHERE id = $1`, [eventId]);
      }
    });

    it('lists the caller’s own jobs, paginated and filtered by status and kind', async () => {
      const agency = newAgencyId();
      const auth = asAgency(agency);
      const made = [];
      for (const kind of ['gig', 'gig', 'gig', 'fulltime']) {
        made.push((await request(running.url).post('/v1/jobs').set('Authorization', auth).send(gigJob({ kind })).expect(201)).body);
      }
      await request(running.url).post(`/v1/jobs/${made[0].id}/close`).set('Authorization', auth).expect(200);
      await request(running.url).post('/v1/jobs').set('Authorization', asAgency(newAgencyId())).send(gigJob()).expect(201);

      const all = await request(running.url).get('/v1/jobs').set('Authorization', auth).expect(200);
      expect(all.body.total).toBe(4);
      const page = await request(running.url).get('/v1/jobs?page=2&pageSize=3').set('Authorization', auth).expect(200);
      expect(page.body).toMatchObject({ page: 2, pageSize: 3, total: 4 });
      expect(page.body.items).toHaveLength(1);
      const openGigs = await request(running.url).get('/v1/jobs?status=open&kind=gig').set('Authorization', auth).expect(200);
      expect(openGigs.body.items.map((j: { id: string }) => j.id).sort()).toEqual([made[1].id, made[2].id].sort());
      const bad = await request(running.url).get('/v1/jobs?status=nope&pageSize=1000').set('Authorization', auth).expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['pageSize', 'status']);
    });
  });
});
