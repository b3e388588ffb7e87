import { type JobChangedData } from '@laowu/contracts';
import { indicesBehind } from '@laowu/search';
import { jobData, workerData } from '@laowu/testkit';
import request from 'supertest';
import { asAdmin, bearer } from '../../../test/support/tokens';
import { searchClient } from '../../../test/support/search';
import { jobsIndex } from '../src/indexing/index-definitions';
import { type MatchingUnderTest, startMatching, uniquePrefix } from './matching.fixtures';

type Hit = { jobId: string; score: number; matchScore?: number; reasons?: { factor: string; contribution: number; detail: string }[] };

const zhaojue = { regionCode: '513431', lat: 28.0153, lon: 102.8403 };
const xichang = { regionCode: '513401', lat: 27.8945, lon: 102.2644 };

/** The jobs of this suite, each titled as agencies post them; the expected hits below are read off these titles by hand. */
function fixtures() {
  const job = (title: string, description: string, more: Partial<JobChangedData> = {}) => jobData({ title, description, ...more });
  return {
    weldExact: job('电焊工', '钢结构车间，持证上岗'),
    weldName: job('焊工 包吃住', '钢结构'),
    argon: job('氩弧焊师傅', '不锈钢管道'),
    electrician: job('电工', '小区维修'),
    factory: job('电子厂普工', '流水线装配，包吃住'),
    orchardPick: job('果园采摘工', '包吃住'),
    citrusPick: job('柑橘采摘工', '包吃住'),
    orchardCare: job('果园管理员', '修剪套袋'),
    forestZhaojue: job('护林员', '巡山', { location: zhaojue }),
    forestXichang: job('护林员', '巡山', { location: xichang }),
    zhaojueSpecial: job('电子厂 昭觉专场', '统一接送'),
  };
}

/**
 * Chinese search as a station types it (issue 18): one character, a colloquial skill word, a longer
 * phrase, a county's short name; and why each job matched when a worker is given.
 */
describe('Chinese job search (real Kafka, OpenSearch)', () => {
  const prefix = uniquePrefix();
  let matching: MatchingUnderTest;
  const jobs = fixtures();
  const welder = workerData({ skills: [{ code: 'welding', level: 2 }] });

  beforeAll(async () => {
    matching = await startMatching(prefix, 'chinese-search');
    await matching.publish(Object.values(jobs), [welder]);
  });
  afterAll(() => matching?.close());

  const search = (body: object, token = asAdmin()) => request(matching.running.url).post('/v1/search/jobs').set('Authorization', token).send(body);
  const hits = async (q: string): Promise<Hit[]> => (await search({ q, pageSize: 100 }).expect(200)).body.items;
  const ids = (items: Hit[]) => items.map((i) => i.jobId);

  it('finds a single character inside words: 焊 finds every welding job and nothing else', async () => {
    expect(ids(await hits('焊')).sort()).toEqual([jobs.weldExact.jobId, jobs.weldName.jobId, jobs.argon.jobId].sort());
  });

  it('finds 电焊 through the taxonomy’s synonyms (焊工, 氩弧焊), the exact phrase first, and not 电工 or 电子厂', async () => {
    const found = await hits('电焊');
    expect(ids(found).sort()).toEqual([jobs.weldExact.jobId, jobs.weldName.jobId, jobs.argon.jobId].sort());
    expect(found[0].jobId).toBe(jobs.weldExact.jobId);
  });

  it('finds most of a longer phrase: 果园采摘 ranks the exact phrase first, then jobs holding 采摘 or 果园, not others', async () => {
    const found = await hits('果园采摘');
    expect(found[0].jobId).toBe(jobs.orchardPick.jobId);
    expect(ids(found).sort()).toEqual([jobs.orchardPick.jobId, jobs.citrusPick.jobId, jobs.orchardCare.jobId].sort());
    expect(found[0].score).toBeGreaterThan(2 * found[1].score);
  });

  it('finds a county by its short name and its full name, and only that county’s jobs', async () => {
    expect(ids(await hits('昭觉')).sort()).toEqual([jobs.forestZhaojue.jobId, jobs.zhaojueSpecial.jobId].sort());
    // 昭觉县 → 昭觉: the title says only 昭觉; the 西昌 job of the same title stays out.
    expect(ids(await hits('昭觉县')).sort()).toEqual([jobs.forestZhaojue.jobId, jobs.zhaojueSpecial.jobId].sort());
    const inXichang = ids(await hits('西昌 护林员'));
    expect(inXichang).toEqual([jobs.forestXichang.jobId]);
  });

  it('matches region names only whole: a word sharing a bigram with a county (昭觉建工, 昭觉县) finds no job for its region alone', async () => {
    // Neither job in 昭觉县 has 昭觉建工 or any of its other bigrams in its title or description; the 专场 job's title says 昭觉.
    expect(ids(await hits('昭觉建工'))).toEqual([jobs.zhaojueSpecial.jobId]);
  });

  it('with workerId, gives each hit the pair’s score and reasons, and which words matched', async () => {
    const body = (await search({ q: '电焊', workerId: welder.workerId, pageSize: 100 }).expect(200)).body;
    const byId = new Map<string, Hit>(body.items.map((i: Hit) => [i.jobId, i]));
    expect(byId.get(jobs.weldExact.jobId)!.reasons![0]).toEqual({ factor: 'keywords', contribution: 0, detail: '标题含“电焊”' });
    expect(byId.get(jobs.weldName.jobId)!.reasons![0]).toEqual({ factor: 'keywords', contribution: 0, detail: '标题含“焊工”（“电焊”的同义词）' });
    expect(byId.get(jobs.argon.jobId)!.reasons![0].detail).toBe('标题含“氩弧焊”（“电焊”的同义词）');
    // The pair's score is the one GET /v1/workers/{id}/matches gives for the same job; the reasons add up to it.
    const matches = (await request(matching.running.url).get(`/v1/workers/${welder.workerId}/matches?limit=100`).set('Authorization', asAdmin()).expect(200)).body.items as Hit[];
    for (const hit of body.items as Hit[]) {
      const ranked = matches.find((m) => m.jobId === hit.jobId)!;
      expect(hit.matchScore).toBeCloseTo(ranked.score, 3);
      expect(hit.reasons!.reduce((sum, r) => sum + r.contribution, 0)).toBeCloseTo(hit.matchScore!, 3);
      expect(hit.reasons!.slice(1).map((r) => r.factor)).toEqual(ranked.reasons!.map((r) => r.factor));
    }
    const partial = (await search({ q: '果园采摘', workerId: welder.workerId, pageSize: 100 }).expect(200)).body.items as Hit[];
    expect(partial.find((h) => h.jobId === jobs.citrusPick.jobId)!.reasons![0].detail).toBe('标题含“采摘”（“果园采摘”的一部分）');
    const withoutWorker = (await search({ q: '电焊' }).expect(200)).body.items as Hit[];
    expect(withoutWorker.every((h) => h.reasons === undefined && h.matchScore === undefined)).toBe(true);
  });

  it('refuses workerId as GET /v1/workers/{id}/matches refuses the worker, and names workerId when it is bad or unknown', async () => {
    const agency = bearer({ sub: 'agency-test', role: 'agency', region: '440300' });
    const otherStation = bearer({ sub: 'station-513431-01', role: 'station', region: '513431' });
    const ownStation = bearer({ sub: 'station-440306-01', role: 'station', region: '440306' });
    for (const token of [agency, otherStation]) {
      const viaMatches = await request(matching.running.url).get(`/v1/workers/${welder.workerId}/matches`).set('Authorization', token);
      const viaSearch = await search({ q: '电焊', workerId: welder.workerId }, token);
      expect(viaSearch.status).toBe(403);
      expect([viaSearch.status, viaSearch.body.code]).toEqual([viaMatches.status, viaMatches.body.code]);
    }
    // An agency learns nothing of whether a worker exists: the role is refused before the lookup.
    expect((await search({ workerId: '00000000-0000-4000-8000-000000000000' }, agency).expect(403)).body.code).toBe('AUTH.ROLE_NOT_ALLOWED');
    await search({ q: '电焊', workerId: welder.workerId }, ownStation).expect(200);
    const unknown = (await search({ workerId: '00000000-0000-4000-8000-000000000000' }).expect(404)).body;
    expect([unknown.code, unknown.details]).toEqual(['WORKER.NOT_FOUND', [{ field: 'workerId', problem: expect.any(String) }]]);
    const invalid = (await search({ workerId: 'nope' }).expect(400)).body;
    expect(invalid.details).toEqual([{ field: 'workerId', problem: expect.any(String) }]);
  });

  it('tells two agencies’ jobs apart by agencyId (issue 19: a coordinator searches by 发布机构), alone or with words', async () => {
    const [first, second] = [`agency-first-${prefix}`, `agency-second-${prefix}`];
    const job = (agencyId: string, title: string) => jobData({ agencyId, title, description: '仓库装卸，日结' });
    const firstPorter = job(first, '搬运工');
    const firstKeeper = job(first, '仓库管理员');
    const secondPorter = job(second, '搬运工');
    await matching.publish([firstPorter, firstKeeper, secondPorter], []);
    const found = async (body: object) => (await search({ ...body, pageSize: 100 }).expect(200)).body.items as (Hit & { job: { agencyId: string } })[];

    // Every other job of this suite is agency-test's: the filter alone leaves exactly the agency's own.
    expect(ids(await found({ agencyId: first })).sort()).toEqual([firstPorter.jobId, firstKeeper.jobId].sort());
    expect(ids(await found({ q: '搬运', agencyId: second }))).toEqual([secondPorter.jobId]);
    const porters = await found({ q: '搬运' });
    expect(ids(porters).sort()).toEqual([firstPorter.jobId, secondPorter.jobId].sort());
    expect(porters.map((hit) => [hit.jobId, hit.job.agencyId]).sort()).toEqual([[firstPorter.jobId, first], [secondPorter.jobId, second]].sort());
    // Exact, not a prefix or a word: part of an id finds nothing.
    expect(await found({ agencyId: 'agency-first' })).toEqual([]);
    for (const agencyId of ['x'.repeat(101), 42]) {
      const refused = (await search({ agencyId }).expect(400)).body;
      expect([...new Set(refused.details.map((d: { field: string }) => d.field))]).toEqual(['agencyId']);
    }
  });
});

/** The jobs mapping of the release before this one: no `chars` subfields, no regionText, no analysis settings. */
function previousJobsMapping(prefix: string): Record<string, unknown> {
  const mappings = structuredClone(jobsIndex(prefix).mappings) as { properties: Record<string, Record<string, unknown>> };
  delete mappings.properties.regionText;
  for (const field of Object.values(mappings.properties)) delete field.fields;
  return mappings;
}

describe('Chinese job search on a jobs index created by the previous release', () => {
  const prefix = uniquePrefix();
  let matching: MatchingUnderTest;
  let oldIndex: string;

  beforeAll(async () => {
    const client = searchClient();
    oldIndex = `${prefix}jobs-previous`;
    await client.createIndex(oldIndex, {
      settings: { number_of_shards: 1, number_of_replicas: 0 },
      mappings: previousJobsMapping(prefix),
      aliases: { [`${prefix}jobs`]: { is_write_index: true } },
    });
    await client.close();
    matching = await startMatching(prefix, 'chinese-search-old');
  });
  afterAll(() => matching?.close());

  it('starts, indexes new jobs with the new fields and answers keyword searches without synonyms until a reindex', async () => {
    const weld = jobData({ title: '电焊工', description: '持证上岗' });
    const named = jobData({ title: '焊工 包吃住', description: '钢结构' });
    await matching.publish([weld, named], []);
    expect(await indicesBehind(matching.client, `${prefix}jobs`)).toEqual([oldIndex]);
    const search = async (q: string) =>
      ((await request(matching.running.url).post('/v1/search/jobs').set('Authorization', asAdmin()).send({ q }).expect(200)).body.items as Hit[]).map((i) => i.jobId);
    expect((await search('焊')).sort()).toEqual([weld.jobId, named.jobId].sort());
    expect(await search('电焊')).toEqual([weld.jobId]); // 焊工 only through the synonyms the old index lacks
    expect(await search('宝安')).toEqual(expect.arrayContaining([weld.jobId, named.jobId])); // regionText, mapped at start
  });
});
