import { type JobChangedData, TOPICS } from '@laowu/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TopicRecorder } from '../../../test/support/kafka';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { type JobCollectionConfig } from '../src/job-collection.config';
import { asAgency, gigJob, jobRows, newAgencyId, SPEC } from './job-collection.fixtures';

describe('job-collection: bulk create', () => {
  let running: TestApp<JobCollectionConfig>;
  let dataSource: DataSource;
  let jobs: TopicRecorder;

  beforeAll(async () => {
    jobs = await TopicRecorder.start([TOPICS.jobs]);
    running = await startTestApp(SPEC, { consume: false });
    dataSource = running.app.get(DataSource);
  });

  afterAll(async () => {
    await running?.close();
    await jobs?.stop();
  });

  it('gives every item its own result; bad items never reject good ones', async () => {
    const agency = newAgencyId();
    const auth = asAgency(agency);
    const existing = gigJob();
    const { body: existingJob } = await request(running.url).post('/v1/jobs').set('Authorization', auth).send(existing).expect(201);
    const repeated = gigJob();
    const items = [
      gigJob(), // 0 created
      gigJob({ wage: { min: 9, max: 1, unit: 'day' } }), // 1 400
      gigJob({ location: { regionCode: '449999' } }), // 2 422
      existing, // 3 identical repeat of an existing job → 200
      { ...existing, headcount: 77 }, // 4 same externalId, different body → 409
      repeated, // 5 created
      repeated, // 6 identical repeat within the call → 200, same id as 5
      'not an object', // 7 400
      gigJob({ externalId: undefined }), // 8 created (no idempotency key)
    ];
    const { body } = await request(running.url).post('/v1/jobs/bulk').set('Authorization', auth).send({ jobs: items }).expect(200);
    const results = body.results as { index: number; id?: string; status: number; error?: { code: string; details?: { field: string }[]; existingId?: string } }[];
    expect(results.map((r) => [r.index, r.status])).toEqual([
      [0, 201], [1, 400], [2, 422], [3, 200], [4, 409], [5, 201], [6, 200], [7, 400], [8, 201],
    ]);
    expect(results[1].error!.details!.map((d) => d.field)).toEqual(['wage.max']);
    expect(results[2].error).toMatchObject({ code: 'JOB.UNKNOWN_REFERENCE', details: [{ field: 'location.regionCode' }] });
    expect(results[3].id).toBe(existingJob.id);
    expect(results[4].error).toMatchObject({ code: 'JOB.EXTERNAL_ID_CONFLICT', existingId: existingJob.id });
    expect(results[6].id).toBe(results[5].id);
    expect(await jobRows(dataSource, { agencyId: agency })).toBe(4);

    const createdIds = [results[0].id!, results[5].id!, results[8].id!];
    await jobs.waitFor((messages) => createdIds.every((id) => messages.some((m) => m.key === id)));
    const events = jobs.messages.filter((m) => createdIds.includes(m.key)).map((m) => JSON.parse(m.value).data as JobChangedData);
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.version === 1 && e.change === 'created' && e.agencyId === agency)).toBe(true);
  });

  it('takes 1,000 jobs in one call and refuses 1,001 with 400', async () => {
    const agency = newAgencyId();
    const auth = asAgency(agency);
    const thousand = Array.from({ length: 1000 }, (_, i) => gigJob({ title: `普工 ${i}` }));
    const { body } = await request(running.url).post('/v1/jobs/bulk').set('Authorization', auth).send({ jobs: thousand }).expect(200);
    expect(body.results.filter((r: { status: number }) => r.status === 201)).toHaveLength(1000);
    expect(await jobRows(dataSource, { agencyId: agency })).toBe(1000);

    const tooMany = await request(running.url).post('/v1/jobs/bulk').set('Authorization', auth).send({ jobs: [...thousand, gigJob()] }).expect(400);
    expect(tooMany.body.details[0].field).toBe('jobs');
    expect(await jobRows(dataSource, { agencyId: agency })).toBe(1000);
    const ids = new Set(body.results.map((r: { id: string }) => r.id));
    await jobs.waitFor((messages) => messages.filter((m) => ids.has(m.key)).length === 1000, 30000);
  });
});
