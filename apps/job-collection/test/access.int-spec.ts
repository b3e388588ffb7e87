import request from 'supertest';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { asAdmin } from '../../../test/support/tokens';
import { type JobCollectionConfig } from '../src/job-collection.config';
import { as, asAgency, gigJob, newAgencyId, SPEC } from './job-collection.fixtures';

describe('job-collection: who may see and change which job', () => {
  let running: TestApp<JobCollectionConfig>;

  beforeAll(async () => {
    running = await startTestApp(SPEC, { consume: false });
  });

  afterAll(async () => {
    await running?.close();
  });

  it("keeps another agency from reading, changing or closing a job (403 JOB.NOT_YOURS), and the job unchanged", async () => {
    const owner = newAgencyId();
    const other = asAgency(newAgencyId());
    const body = gigJob();
    const { body: job } = await request(running.url).post('/v1/jobs').set('Authorization', asAgency(owner)).send(body).expect(201);

    const read = await request(running.url).get(`/v1/jobs/${job.id}`).set('Authorization', other).expect(403);
    expect(read.body.code).toBe('JOB.NOT_YOURS');
    const put = await request(running.url).put(`/v1/jobs/${job.id}`).set('Authorization', other).send({ ...body, headcount: 1 }).expect(403);
    expect(put.body.code).toBe('JOB.NOT_YOURS');
    const close = await request(running.url).post(`/v1/jobs/${job.id}/close`).set('Authorization', other).expect(403);
    expect(close.body.code).toBe('JOB.NOT_YOURS');
    const list = await request(running.url).get('/v1/jobs').set('Authorization', other).expect(200);
    expect(list.body.items).toEqual([]);

    const after = await request(running.url).get(`/v1/jobs/${job.id}`).set('Authorization', asAgency(owner)).expect(200);
    expect(after.body).toMatchObject({ version: 1, status: 'open', headcount: body.headcount });
  });

  it('lets the owner and an admin change a job, and an admin list every agency’s jobs', async () => {
    const owner = newAgencyId();
    const body = gigJob();
    const { body: job } = await request(running.url).post('/v1/jobs').set('Authorization', asAgency(owner)).send(body).expect(201);
    await request(running.url).put(`/v1/jobs/${job.id}`).set('Authorization', asAgency(owner)).send({ ...body, headcount: 5 }).expect(200);
    await request(running.url).get(`/v1/jobs/${job.id}`).set('Authorization', asAdmin()).expect(200);
    const listed = await request(running.url).get(`/v1/jobs?agencyId=${owner}`).set('Authorization', asAdmin()).expect(200);
    expect(listed.body.items.map((j: { id: string }) => j.id)).toEqual([job.id]);
    const closed = await request(running.url).post(`/v1/jobs/${job.id}/close`).set('Authorization', asAdmin()).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', version: 3 });
  });

  it('lets a station read a job it was offered but not list, post or change jobs', async () => {
    const { body: job } = await request(running.url).post('/v1/jobs').set('Authorization', asAgency(newAgencyId())).send(gigJob()).expect(201);
    const station = as({ sub: 'station-513401-01', role: 'station', region: '513401' });
    await request(running.url).get(`/v1/jobs/${job.id}`).set('Authorization', station).expect(200);
    await request(running.url).get('/v1/jobs').set('Authorization', station).expect(403);
    await request(running.url).post('/v1/jobs').set('Authorization', station).send(gigJob()).expect(403);
    await request(running.url).post(`/v1/jobs/${job.id}/close`).set('Authorization', station).expect(403);
  });

  it('answers 401 without a token and 404 for a job that does not exist', async () => {
    await request(running.url).get('/v1/jobs').expect(401);
    const missing = await request(running.url).get('/v1/jobs/00000000-0000-4000-8000-000000000000').set('Authorization', asAdmin()).expect(404);
    expect(missing.body.code).toBe('JOB.NOT_FOUND');
  });

  it('documents every route on the OpenAPI page', async () => {
    const { body } = await request(running.url).get('/docs/json').expect(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/v1/jobs', '/v1/jobs/bulk', '/v1/jobs/{id}', '/v1/jobs/{id}/close', '/v1/reference/regions', '/v1/reference/skills']),
    );
    expect(body.paths['/v1/jobs'].post.responses).toHaveProperty('409');
  });

  describe('reference data', () => {
    it('lists provinces, the children of a code, and refuses unknown or malformed codes', async () => {
      const auth = asAgency(newAgencyId());
      const provinces = await request(running.url).get('/v1/reference/regions').set('Authorization', auth).expect(200);
      expect(provinces.body.length).toBeGreaterThanOrEqual(31);
      expect(provinces.body).toContainEqual(expect.objectContaining({ code: '510000', name: '四川省', level: 'province' }));
      const sichuan = await request(running.url).get('/v1/reference/regions?parent=513400').set('Authorization', auth).expect(200);
      expect(sichuan.body).toContainEqual({ code: '513401', name: '西昌市', level: 'county', lat: expect.any(Number), lon: expect.any(Number) });
      await request(running.url).get('/v1/reference/regions?parent=519999').set('Authorization', auth).expect(422);
      const bad = await request(running.url).get('/v1/reference/regions?parent=51').set('Authorization', auth).expect(400);
      expect(bad.body.details[0].field).toBe('parent');
    });

    it('finds skills by a Chinese fragment', async () => {
      const station = as({ sub: 'station-x', role: 'station', region: '513401' });
      const found = await request(running.url).get(`/v1/reference/skills?q=${encodeURIComponent('焊')}`).set('Authorization', station).expect(200);
      expect(found.body).toContainEqual(expect.objectContaining({ code: 'welding', name: '焊工', nameEn: 'Welding', occupationCode: '6-18-02-04' }));
    });
  });
});

describe('job-collection: rate limit per principal', () => {
  let limited: TestApp<JobCollectionConfig>;

  beforeAll(async () => {
    limited = await startTestApp(SPEC, { consume: false, env: { RATE_LIMIT_PER_MINUTE: '3' } });
  });

  afterAll(async () => {
    await limited?.close();
  });

  it('answers 429 past the limit, counting each principal on its own', async () => {
    const busy = asAgency(newAgencyId());
    for (let i = 0; i < 3; i++) await request(limited.url).get('/v1/jobs').set('Authorization', busy).expect(200);
    const refused = await request(limited.url).get('/v1/jobs').set('Authorization', busy).expect(429);
    expect(refused.body.statusCode).toBe(429);
    await request(limited.url).get('/v1/jobs').set('Authorization', asAgency(newAgencyId())).expect(200);
  });
});
