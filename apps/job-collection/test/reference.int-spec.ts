import { createEnvelope, type EventEnvelope, type JobChangedData, type LaborBrandChangedData, PlacementStarted, type PlacementStartedData, TOPICS } from '@laowu/contracts';
import { createKafka, EventPublisher } from '@laowu/messaging';
import { eventually } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { testInfra } from '../../../test/support/infra';
import { TopicRecorder } from '../../../test/support/kafka';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { asAdmin } from '../../../test/support/tokens';
import { type JobCollectionConfig } from '../src/job-collection.config';
import { SCHEMA } from '../src/schema';
import { as, asAgency, gigJob, jobRows, newAgencyId, outboxRowsFor, SPEC } from './job-collection.fixtures';

const asBureau = (region: string) => as({ sub: `bureau-${region}`, role: 'bureau', region });

/** A brand nobody has added yet (the test database outlives a run). */
function newBrand(overrides: Record<string, unknown> = {}) {
  const suffix = randomUUID().slice(0, 8);
  return { code: `bazhong-jiangong-${suffix}`, name: `巴中建工${suffix}`, regionCode: '511902', trade: '建筑施工', keywords: [`巴中建筑${suffix}`], ...overrides };
}

describe('job-collection: reference data (certificates, occupations, labour brands) and the job fields that use it', () => {
  let running: TestApp<JobCollectionConfig>;
  let dataSource: DataSource;
  let reference: TopicRecorder;
  let jobs: TopicRecorder;
  let publisher: EventPublisher;

  beforeAll(async () => {
    reference = await TopicRecorder.start([TOPICS.reference]);
    jobs = await TopicRecorder.start([TOPICS.jobs]);
    running = await startTestApp(SPEC);
    dataSource = running.app.get(DataSource);
    publisher = new EventPublisher(createKafka({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'job-collection-reference-test' }));
  });

  afterAll(async () => {
    await publisher?.close();
    await running?.close();
    await reference?.stop();
    await jobs?.stop();
  });

  const get = (path: string, auth = asAgency(newAgencyId())) => request(running.url).get(path).set('Authorization', auth);
  const brandRows = async (where: string, value: string): Promise<number> =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM "${SCHEMA}".labor_brands WHERE ${where} = $1`, [value]))[0].n;

  describe('searches, for any signed-in principal', () => {
    it('finds certificates with their validity years', async () => {
      const { body } = await get('/v1/reference/certificates?q=电工', as({ sub: 'station-1', role: 'station', region: '513401' })).expect(200);
      expect(body[0]).toEqual({ code: 'electrician-cert', name: '电工证（特种作业操作证·低压电工作业）', nameEn: expect.any(String), validityYears: 6 });
      expect(body.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['high-voltage-electrician-cert', 'construction-electrician-cert']));
      const all = await get('/v1/reference/certificates').expect(200);
      expect(all.body.find((c: { code: string }) => c.code === 'tower-crane-cert')).toMatchObject({ validityYears: 2 });
      await request(running.url).get('/v1/reference/certificates').expect(401);
    });

    it('finds 国家职业分类大典 occupations by code prefix, name and colloquial term', async () => {
      const construction = await get('/v1/reference/occupations?q=6-29').expect(200);
      expect(construction.body.length).toBeGreaterThanOrEqual(10);
      expect(construction.body.every((o: { code: string }) => o.code.startsWith('6-29-'))).toBe(true);
      expect(construction.body).toContainEqual({ code: '6-29-01-01', name: '砌筑工' });
      expect((await get('/v1/reference/occupations?q=叉车').expect(200)).body).toEqual([{ code: '6-30-05-01', name: '起重装卸机械操作工' }]);
      expect((await get('/v1/reference/occupations?q=不存在的职业').expect(200)).body).toEqual([]);
      await get(`/v1/reference/occupations?q=${'x'.repeat(51)}`).expect(400);
    });

    it('finds seeded labour brands by name, keyword and trade', async () => {
      expect((await get(`/v1/reference/labor-brands?q=${encodeURIComponent('川妹子')}`).expect(200)).body[0]).toEqual({
        code: 'chuan-mei-zi', name: '川妹子', regionCode: '510000', trade: '家政服务',
      });
      expect((await get(`/v1/reference/labor-brands?q=${encodeURIComponent('兰州牛肉拉面')}`).expect(200)).body[0].code).toBe('lanzhou-lamian-shi');
      const domestic = (await get(`/v1/reference/labor-brands?q=${encodeURIComponent('家政')}`).expect(200)).body;
      expect(domestic.map((b: { code: string }) => b.code)).toEqual(expect.arrayContaining(['chuan-mei-zi', 'huzhu-jiazheng', 'lixian-mei']));
    });
  });

  describe('a bureau adds a brand', () => {
    it('stores it, publishes LaborBrandChanged, and finds it by name and keyword', async () => {
      const brand = newBrand();
      const created = await request(running.url).post('/v1/reference/labor-brands').set('Authorization', asBureau('511900')).send(brand).expect(201);
      expect(created.body).toEqual({ code: brand.code });

      const [message] = (await reference.waitFor((ms) => ms.some((m) => m.key === brand.code))).filter((m) => m.key === brand.code);
      const envelope = JSON.parse(message.value);
      expect(envelope).toMatchObject({ type: 'reference.labor-brand-changed', producer: 'job-collection' });
      expect(envelope.data as LaborBrandChangedData).toEqual({
        code: brand.code, name: brand.name, regionCode: '511902', trade: '建筑施工', keywords: brand.keywords, updatedAt: expect.any(String),
      });

      const byName = (await get(`/v1/reference/labor-brands?q=${encodeURIComponent(brand.name)}`).expect(200)).body;
      expect(byName[0]).toEqual({ code: brand.code, name: brand.name, regionCode: '511902', trade: '建筑施工' });
      const byKeyword = (await get(`/v1/reference/labor-brands?q=${encodeURIComponent(brand.keywords[0])}`).expect(200)).body;
      expect(byKeyword.map((b: { code: string }) => b.code)).toEqual([brand.code]);
    });

    it('answers 409 with the existing code for a repeated name, code or keyword (seeded or added), writing nothing', async () => {
      const brand = newBrand();
      await request(running.url).post('/v1/reference/labor-brands').set('Authorization', asAdmin()).send(brand).expect(201);
      const repeats = [
        newBrand({ name: brand.name }),
        newBrand({ code: brand.code }),
        newBrand({ keywords: [brand.name] }),
        newBrand({ name: brand.keywords[0] }),
      ];
      for (const repeat of repeats) {
        const refused = await request(running.url).post('/v1/reference/labor-brands').set('Authorization', asBureau('510000')).send(repeat).expect(409);
        expect(refused.body).toMatchObject({ code: 'LABOR_BRAND.EXISTS', existingCode: brand.code });
        expect(await brandRows('name', repeat.name)).toBe(repeat.name === brand.name ? 1 : 0);
      }
      const seeded = await request(running.url).post('/v1/reference/labor-brands').set('Authorization', asBureau('510000')).send(newBrand({ name: '川妹子' })).expect(409);
      expect(seeded.body.existingCode).toBe('chuan-mei-zi');
      const seededCode = await request(running.url).post('/v1/reference/labor-brands').set('Authorization', asAdmin()).send(newBrand({ code: 'liangshan-jiangong' })).expect(409);
      expect(seededCode.body.existingCode).toBe('liangshan-jiangong');
    });

    it('gives a brand posted without a code one of its own; the same name twice at once is one 201 and one 409', async () => {
      const { code: _code, ...brand } = newBrand();
      const responses = await Promise.all([0, 1].map(() => request(running.url).post('/v1/reference/labor-brands').set('Authorization', asBureau('511900')).send(brand)));
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      const made = responses.find((r) => r.status === 201)!.body.code as string;
      expect(made).toMatch(/^brand-511902-[0-9a-f]{8}$/);
      expect(responses.find((r) => r.status === 409)!.body.existingCode).toBe(made);
      expect(await brandRows('name', brand.name)).toBe(1);
    });

    it('refuses callers outside the origin region (403, same body whatever the brand), other roles, bad and unknown input', async () => {
      const outside = await request(running.url).post('/v1/reference/labor-brands').set('Authorization', asBureau('510000')).send(newBrand({ regionCode: '440306' })).expect(403);
      const outsideRepeat = await request(running.url).post('/v1/reference/labor-brands').set('Authorization', asBureau('510000')).send(newBrand({ name: '粤菜师傅', regionCode: '440000' })).expect(403);
      expect(outsideRepeat.body).toEqual(outside.body);
      expect(outside.body.code).toBe('LABOR_BRAND.OUTSIDE_REGION');
      await request(running.url).post('/v1/reference/labor-brands').set('Authorization', asAgency(newAgencyId())).send(newBrand()).expect(403);
      await request(running.url).post('/v1/reference/labor-brands').set('Authorization', as({ sub: 's', role: 'station', region: '511902' })).send(newBrand()).expect(403);
      const unknown = await request(running.url).post('/v1/reference/labor-brands').set('Authorization', asBureau('510000')).send(newBrand({ regionCode: '519999' })).expect(422);
      expect(unknown.body).toMatchObject({ code: 'REGION.UNKNOWN', details: [{ field: 'regionCode', problem: expect.any(String) }] });
      const bad = await request(running.url).post('/v1/reference/labor-brands').set('Authorization', asAdmin())
        .send({ code: 'Not Kebab', name: '', regionCode: '5119', trade: 'x'.repeat(65), keywords: 'one', extra: 1 }).expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['code', 'name', 'regionCode', 'trade', 'keywords', 'extra']));
    });
  });

  describe('jobs carry an occupation, required certificates and a brand', () => {
    const post = (body: Record<string, unknown>, agency = newAgencyId()) => request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(body);

    it.each([
      { rule: 'occupation must exist', body: { occupationCode: '9-99-99-99' }, field: 'occupationCode' },
      { rule: 'required certificates must exist', body: { requiredCertificates: [{ code: 'welder-cert' }, { code: 'wizard-cert' }] }, field: 'requiredCertificates.1.code' },
      { rule: 'brand must be known', body: { laborBrand: '不存在的品牌' }, field: 'laborBrand' },
    ])('422 naming the field when the $rule, nothing written', async ({ body, field }) => {
      const job = gigJob(body);
      const refused = await post(job).expect(422);
      expect(refused.body).toMatchObject({ code: 'JOB.UNKNOWN_REFERENCE' });
      expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
      expect(await jobRows(dataSource, { externalId: job.externalId as string })).toBe(0);
      expect(await outboxRowsFor(dataSource, job.externalId as string)).toBe(0);
    });

    it('refuses more than 10 required certificates with 400', async () => {
      const refused = await post(gigJob({ requiredCertificates: new Array(11).fill({ code: 'welder-cert' }) })).expect(400);
      expect(refused.body.details.map((d: { field: string }) => d.field)).toContain('requiredCertificates');
    });

    it('stores a brand given by name as its code, returns both, and puts codes in JobChanged', async () => {
      const agency = newAgencyId();
      const created = await post(gigJob({ laborBrand: '川妹子', occupationCode: '6-29-01-01', requiredCertificates: [{ code: 'work-at-height-cert' }, { code: 'welder-cert' }] }), agency).expect(201);
      expect(created.body).toMatchObject({
        laborBrand: 'chuan-mei-zi', laborBrandName: '川妹子', occupationCode: '6-29-01-01',
        requiredCertificates: [{ code: 'welder-cert' }, { code: 'work-at-height-cert' }],
      });
      const read = await get(`/v1/jobs/${created.body.id}`, asAgency(agency)).expect(200);
      expect(read.body).toMatchObject({ laborBrand: 'chuan-mei-zi', laborBrandName: '川妹子', requiredCertificates: [{ code: 'welder-cert' }, { code: 'work-at-height-cert' }] });
      await jobs.waitFor((ms) => ms.some((m) => m.key === created.body.id));
      const event = JSON.parse(jobs.messages.find((m) => m.key === created.body.id)!.value).data as JobChangedData;
      expect(event).toMatchObject({ laborBrand: 'chuan-mei-zi', requiredCertificates: ['welder-cert', 'work-at-height-cert'], occupationCode: '6-29-01-01' });

      // The same job posted with the brand's code is the same request (idempotent repeat).
      const body = gigJob({ laborBrand: '川妹子' });
      const first = await post(body, agency).expect(201);
      const again = await post({ ...body, laborBrand: 'chuan-mei-zi' }, agency).expect(200);
      expect(again.body.id).toBe(first.body.id);
    });

    it('accepts a bureau-added brand by code, name or keyword, and applies the same rules in PUT and bulk', async () => {
      const brand = newBrand();
      await request(running.url).post('/v1/reference/labor-brands').set('Authorization', asBureau('511900')).send(brand).expect(201);
      const agency = newAgencyId();
      const base = gigJob({ laborBrand: brand.keywords[0] });
      const byKeyword = await post(base, agency).expect(201);
      expect(byKeyword.body).toMatchObject({ laborBrand: brand.code, laborBrandName: brand.name });

      const put = (changes: Record<string, unknown>) =>
        request(running.url).put(`/v1/jobs/${byKeyword.body.id}`).set('Authorization', asAgency(agency)).send({ ...base, ...changes });
      const refused = await put({ laborBrand: 'nobody-knows-me' }).expect(422);
      expect(refused.body.details).toEqual([{ field: 'laborBrand', problem: expect.any(String) }]);
      expect((await put({ laborBrand: '凉山建工', occupationCode: '9-99-99-99' }).expect(422)).body.details.map((d: { field: string }) => d.field)).toEqual(['occupationCode']);
      expect((await get(`/v1/jobs/${byKeyword.body.id}`, asAgency(agency)).expect(200)).body).toMatchObject({ laborBrand: brand.code, version: 1 });
      expect((await put({ laborBrand: '凉山建工' }).expect(200)).body).toMatchObject({ laborBrand: 'liangshan-jiangong', laborBrandName: '凉山建工', version: 2 });

      const bulk = await request(running.url).post('/v1/jobs/bulk').set('Authorization', asAgency(agency)).send({
        jobs: [
          gigJob({ laborBrand: brand.name }),
          gigJob({ laborBrand: '不存在的品牌' }),
          gigJob({ occupationCode: '9-99-99-99' }),
          gigJob({ requiredCertificates: [{ code: 'wizard-cert' }] }),
          gigJob({ laborBrand: brand.code, requiredCertificates: [{ code: 'welder-cert' }] }),
        ],
      }).expect(200);
      expect(bulk.body.results.map((r: { status: number; error?: { details?: { field: string }[] } }) => [r.status, r.error?.details?.map((d) => d.field)])).toEqual([
        [201, undefined], [422, ['laborBrand']], [422, ['occupationCode']], [422, ['requiredCertificates.0.code']], [201, undefined],
      ]);
      const made = await get(`/v1/jobs/${bulk.body.results[4].id}`, asAgency(agency)).expect(200);
      expect(made.body).toMatchObject({ laborBrand: brand.code, laborBrandName: brand.name, requiredCertificates: [{ code: 'welder-cert' }] });
    });
  });

  describe('per-brand figures for bureaus', () => {
    const applied = (eventId: string) =>
      eventually(async () => (await dataSource.query(`SELECT 1 FROM "${SCHEMA}".processed_events WHERE event_id = $1`, [eventId])).length === 1, 30000, 100, `placement ${eventId} applied`);

    function started(jobId: string): EventEnvelope<PlacementStartedData> {
      const data: PlacementStartedData = {
        placementId: randomUUID(), workerId: randomUUID(), jobId, source: 'match', employerName: '深圳某建筑公司', regionCode: '440306',
        concurrent: false, startDate: '2026-12-05', priorityGroups: [],
      };
      return createEnvelope(PlacementStarted, data, { producer: 'dispatch' });
    }

    it("counts open and total jobs located in the region and the placements started in them, for the bureau's region or inside it", async () => {
      const brand = newBrand();
      await request(running.url).post('/v1/reference/labor-brands').set('Authorization', asBureau('511900')).send(brand).expect(201);
      const agency = newAgencyId();
      const post = (location: Record<string, unknown>) => request(running.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(gigJob({ laborBrand: brand.code, location, headcount: 3 })).expect(201);
      const { body: open } = await post({ regionCode: '440306' });
      const { body: closed } = await post({ regionCode: '440304' });
      await post({ regionCode: '510104' });
      await request(running.url).post(`/v1/jobs/${closed.id}/close`).set('Authorization', asAgency(agency)).expect(200);

      const placements = [started(open.id), started(open.id), started(closed.id)];
      await publisher.send(TOPICS.dispatch, placements.map((e) => ({ key: open.id, value: JSON.stringify(e) })));
      for (const placement of placements) await applied(placement.id);

      const figuresOf = (body: { brands: { code: string }[] }) => body.brands.find((b) => b.code === brand.code);
      const shenzhen = await get('/v1/labor-brands/stats?regionCode=440300', asBureau('440000')).expect(200);
      expect(shenzhen.body.regionCode).toBe('440300');
      expect(figuresOf(shenzhen.body)).toEqual({ code: brand.code, name: brand.name, regionCode: '511902', trade: '建筑施工', openJobs: 1, totalJobs: 2, placementsStarted: 3 });
      const baoan = await get('/v1/labor-brands/stats?regionCode=440306', asBureau('440300')).expect(200);
      expect(figuresOf(baoan.body)).toMatchObject({ openJobs: 1, totalJobs: 1, placementsStarted: 2 });
      const ownRegion = await get('/v1/labor-brands/stats', asBureau('510000')).expect(200);
      expect(ownRegion.body.regionCode).toBe('510000');
      expect(figuresOf(ownRegion.body)).toMatchObject({ openJobs: 1, totalJobs: 1, placementsStarted: 0 });
      const everywhere = await get('/v1/labor-brands/stats', asAdmin()).expect(200);
      expect(figuresOf(everywhere.body)).toMatchObject({ openJobs: 2, totalJobs: 3, placementsStarted: 3 });
      expect(everywhere.body.brands.find((b: { code: string }) => b.code === 'chuan-mei-zi')).toMatchObject({ name: '川妹子', totalJobs: expect.any(Number) });
    });

    it('refuses a bureau outside the region (403), other roles, and unknown or malformed regions', async () => {
      const outside = await get('/v1/labor-brands/stats?regionCode=440300', asBureau('510000')).expect(403);
      expect(outside.body.code).toBe('LABOR_BRAND.OUTSIDE_REGION');
      await get('/v1/labor-brands/stats?regionCode=440000', asBureau('440300')).expect(403);
      await get('/v1/labor-brands/stats?regionCode=440300', asAgency(newAgencyId())).expect(403);
      await get('/v1/labor-brands/stats?regionCode=440300', as({ sub: 's', role: 'station', region: '440300' })).expect(403);
      expect((await get('/v1/labor-brands/stats?regionCode=449999', asBureau('440000')).expect(422)).body.details[0].field).toBe('regionCode');
      expect((await get('/v1/labor-brands/stats?regionCode=44', asAdmin()).expect(400)).body.details[0].field).toBe('regionCode');
    });
  });

  it('documents the new routes', async () => {
    const { body } = await request(running.url).get('/docs/json').expect(200);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining([
      '/v1/reference/certificates', '/v1/reference/occupations', '/v1/reference/labor-brands', '/v1/labor-brands/stats',
    ]));
    expect(body.paths['/v1/reference/labor-brands'].post.responses).toHaveProperty('409');
  });
});
