import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { type JobCollectionConfig } from '../src/job-collection.config';
import { asAgency, gigJob, jobRows, newAgencyId, outboxRowsFor, publicWelfareJob, SPEC } from './job-collection.fixtures';

/** The 422 a public_welfare post without work-injury insurance gets (policy 十六), as in API.md. */
const UNINSURED = { statusCode: 422, code: 'JOB.PUBLIC_WELFARE_UNINSURED' };
const fieldsOf = (body: { details?: { field: string }[] }) => body.details?.map((d) => d.field);

describe('job-collection: a public-welfare post (乡村公益性岗位) carries work-injury insurance (十六)', () => {
  let running: TestApp<JobCollectionConfig>;
  let dataSource: DataSource;

  beforeAll(async () => {
    running = await startTestApp(SPEC, { consume: false });
    dataSource = running.app.get(DataSource);
  });

  afterAll(async () => {
    await running?.close();
  });

  type Body = Record<string, unknown>;
  const uninsured: [string, (job: Body) => Body][] = [
    ['without benefits', (job) => ({ ...job, benefits: undefined })],
    ['with injuryInsurance false', (job) => ({ ...job, benefits: { housing: true, injuryInsurance: false } })],
  ];

  it.each(uninsured)('POST refuses one %s: 422 naming benefits.injuryInsurance, nothing written', async (_case, strip) => {
    const agency = newAgencyId();
    const bad = strip(publicWelfareJob());
    const refused = await request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(bad).expect(422);
    expect(refused.body).toMatchObject(UNINSURED);
    expect(fieldsOf(refused.body)).toEqual(['benefits.injuryInsurance']);
    expect(await jobRows(dataSource, { externalId: bad.externalId as string })).toBe(0);
    expect(await outboxRowsFor(dataSource, bad.externalId as string)).toBe(0);
    // The same post insured is accepted; other kinds need no insurance.
    await request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(publicWelfareJob()).expect(201);
    await request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(strip(gigJob())).expect(201);
  });

  it('PUT refuses to drop the insurance (422, job unchanged), after access: another agency gets 403', async () => {
    const agency = newAgencyId();
    const body = publicWelfareJob();
    const { body: job } = await request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(body).expect(201);
    const dropped = { ...body, benefits: { injuryInsurance: false } };
    const refused = await request(running.url).put(`/v1/jobs/${job.id}`).set('Authorization', asAgency(agency)).send(dropped).expect(422);
    expect(refused.body).toMatchObject(UNINSURED);
    expect(fieldsOf(refused.body)).toEqual(['benefits.injuryInsurance']);
    const stranger = await request(running.url).put(`/v1/jobs/${job.id}`).set('Authorization', asAgency(newAgencyId())).send(dropped).expect(403);
    expect(stranger.body.code).toBe('JOB.NOT_YOURS');
    const { body: unchanged } = await request(running.url).get(`/v1/jobs/${job.id}`).set('Authorization', asAgency(agency)).expect(200);
    expect(unchanged).toMatchObject({ version: 1, benefits: { injuryInsurance: true } });
    // Turning a fulltime job into a public_welfare post needs the insurance too.
    const fulltime: Body = { ...gigJob({ kind: 'fulltime' }), benefits: undefined };
    const { body: other } = await request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(fulltime).expect(201);
    const { ageRange: _ageRange, ...asWelfare }: Body = { ...fulltime, kind: 'public_welfare' };
    const turned = await request(running.url).put(`/v1/jobs/${other.id}`).set('Authorization', asAgency(agency)).send(asWelfare).expect(422);
    expect(fieldsOf(turned.body)).toEqual(['benefits.injuryInsurance']);
  });

  it('bulk refuses each uninsured item on its own, naming the field; the others are created', async () => {
    const agency = newAgencyId();
    const items = [publicWelfareJob(), uninsured[0][1](publicWelfareJob()), uninsured[1][1](publicWelfareJob()), uninsured[0][1](gigJob())];
    const { body } = await request(running.url).post('/v1/jobs/bulk').set('Authorization', asAgency(agency)).send({ jobs: items }).expect(200);
    expect(body.results.map((r: { status: number }) => r.status)).toEqual([201, 422, 422, 201]);
    for (const result of body.results.slice(1, 3)) {
      expect(result.error).toMatchObject({ code: UNINSURED.code, details: [expect.objectContaining({ field: 'benefits.injuryInsurance' })] });
    }
    expect(await jobRows(dataSource, { agencyId: agency })).toBe(2);
  });
});
