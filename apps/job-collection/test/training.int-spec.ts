import { type Principal } from '@laowu/auth';
import { TOPICS, type TrainingCourseChangedData } from '@laowu/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TopicRecorder } from '../../../test/support/kafka';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { type JobCollectionConfig } from '../src/job-collection.config';
import { SCHEMA } from '../src/schema';
import { as, SPEC } from './job-collection.fixtures';

/** 职业技能培训 (十): courses posted by bureaus and stations in their region, published on laowu.reference.v1. */
describe('job-collection: training courses', () => {
  let running: TestApp<JobCollectionConfig>;
  let reference: TopicRecorder;

  const run = randomUUID().slice(0, 8);
  const bureauA: Principal = { sub: `bureau-a-${run}`, role: 'bureau', region: '513400' };
  const bureauB: Principal = { sub: `bureau-b-${run}`, role: 'bureau', region: '440300' };
  const stationA: Principal = { sub: `station-a-${run}`, role: 'station', region: '513401' };
  const stationA2: Principal = { sub: `station-a2-${run}`, role: 'station', region: '513401' };
  const stationB: Principal = { sub: `station-b-${run}`, role: 'station', region: '440306' };
  const agency: Principal = { sub: `agency-${run}`, role: 'agency', region: '440300' };
  const admin: Principal = { sub: `admin-${run}`, role: 'admin', region: '100000' };

  beforeAll(async () => {
    reference = await TopicRecorder.start([TOPICS.reference]);
    running = await startTestApp(SPEC);
  });

  afterAll(async () => {
    await running?.close();
    await reference?.stop();
  });

  const course = (overrides: Record<string, unknown> = {}) => ({
    title: `焊工初级培训班 ${run}`,
    skillCode: 'welding',
    regionCode: '513401',
    startDate: '2027-01-10',
    endDate: '2027-01-24',
    seats: 40,
    subsidized: true,
    ...overrides,
  });
  const post = (who: Principal, body: Record<string, unknown>) => request(running.url).post('/v1/training/courses').set('Authorization', as(who)).send(body);
  const close = (who: Principal, id: string) => request(running.url).post(`/v1/training/courses/${id}/close`).set('Authorization', as(who));
  const listIds = async (who: Principal, query: Record<string, string | number>) =>
    ((await request(running.url).get('/v1/training/courses').query({ pageSize: 100, ...query }).set('Authorization', as(who)).expect(200)).body.items as {
      id: string;
    }[]).map((c) => c.id);
  const eventsOf = (id: string) => reference.messages.filter((m) => m.key === id).map((m) => JSON.parse(m.value) as { type: string; data: TrainingCourseChangedData });

  it('a bureau posts a course in its region: 201 with the id, the event on laowu.reference.v1, listed for everyone', async () => {
    const { body } = await post(bureauA, course()).expect(201);
    expect(body).toMatchObject({ id: expect.any(String), status: 'open', version: 1, postedBy: `bureau:${bureauA.sub}`, ...course() });
    await reference.waitFor(() => eventsOf(body.id).length === 1);
    const [event] = eventsOf(body.id);
    expect(event.type).toBe('reference.training-course-changed');
    expect(event.data).toEqual({
      courseId: body.id, version: 1, status: 'open', ...course(), postedBy: `bureau:${bureauA.sub}`, updatedAt: body.updatedAt,
    });

    expect(await listIds(agency, { regionCode: '513400', skillCode: 'welding' })).toContain(body.id);
    expect(await listIds(stationB, { regionCode: '510000' })).toContain(body.id);
    expect(await listIds(stationB, { regionCode: '440300' })).not.toContain(body.id);
    expect(await listIds(stationB, { regionCode: '513400', skillCode: 'electrician' })).not.toContain(body.id);
  });

  it('refuses a course outside the caller’s region (403) and bad input (400, 422), writing nothing', async () => {
    const outside = await post(stationB, course({ title: `outside ${run}` })).expect(403);
    expect(outside.body.code).toBe('REGION.FORBIDDEN');
    await post(bureauB, course({ title: `outside ${run}` })).expect(403);
    await post(agency, course({ title: `outside ${run}` })).expect(403);
    // Access first: an outsider's unknown skill is still the 403.
    expect((await post(stationB, course({ skillCode: 'no-such-skill' })).expect(403)).body.code).toBe('REGION.FORBIDDEN');

    const unknownSkill = await post(stationA, course({ skillCode: 'no-such-skill' })).expect(422);
    expect(unknownSkill.body).toMatchObject({ code: 'TRAINING.UNKNOWN_SKILL', details: [{ field: 'skillCode' }] });
    const inverted = await post(stationA, course({ startDate: '2027-02-01', endDate: '2027-01-31' })).expect(400);
    expect(inverted.body.details).toEqual([{ field: 'endDate', problem: expect.any(String) }]);
    const bad = await post(stationA, course({ seats: 0, startDate: '2027-02-30', subsidized: 'yes' })).expect(400);
    expect((bad.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['seats', 'startDate', 'subsidized']);
    const written = await running.app.get(DataSource).query(
      `SELECT count(*)::int AS n FROM "${SCHEMA}".training_courses WHERE poster_id = ANY($1::text[]) OR title LIKE $2`,
      [[stationB.sub, bureauB.sub, agency.sub], `outside ${run}`],
    );
    expect(written).toEqual([{ n: 0 }]);
  });

  it('the posting station or the bureau of its region closes a course; other stations and bureaus get 403; the event says closed', async () => {
    const { body: posted } = await post(stationA, course({ title: `电工培训 ${run}`, skillCode: 'electrician' })).expect(201);
    expect(posted.postedBy).toBe(`station:${stationA.sub}`);

    const foreign = await close(stationA2, posted.id).expect(403);
    expect(foreign.body.code).toBe('TRAINING.COURSE_NOT_YOURS');
    const missing = await close(stationA2, randomUUID()).expect(403);
    expect({ code: missing.body.code, message: missing.body.message }).toEqual({ code: foreign.body.code, message: foreign.body.message });
    await close(bureauB, posted.id).expect(403);
    await close(agency, posted.id).expect(403);
    await close(admin, randomUUID()).expect(404);

    const { body: closed } = await close(bureauA, posted.id).expect(200);
    expect(closed).toMatchObject({ id: posted.id, status: 'closed', version: 2 });
    // Already closed: nothing changes (no new version, so no event).
    expect((await close(stationA, posted.id).expect(200)).body).toMatchObject({ status: 'closed', version: 2 });
    await reference.waitFor(() => eventsOf(posted.id).length >= 2);
    expect(eventsOf(posted.id).map((e) => [e.data.version, e.data.status])).toEqual([[1, 'open'], [2, 'closed']]);

    expect(await listIds(stationB, { regionCode: '513401' })).not.toContain(posted.id);
    expect(await listIds(stationB, { regionCode: '513401', status: 'closed' })).toContain(posted.id);

    // The station closes its own.
    const { body: own } = await post(stationA, course({ title: `挖掘机培训 ${run}` })).expect(201);
    expect((await close(stationA, own.id).expect(200)).body.status).toBe('closed');
  });
});
