import { type EventEnvelope, type MatchesFoundData, TOPICS, type WorkerChangedData } from '@laowu/contracts';
import { eventually, jobData, workerData } from '@laowu/testkit';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TopicRecorder } from '../../../test/support/kafka';
import { asAdmin, bearer } from '../../../test/support/tokens';
import { LaborBrandNames } from '../src/indexing/labor-brand-names';
import { SCHEMA } from '../src/schema';
import { type MatchingUnderTest, startMatching, uniquePrefix } from './matching.fixtures';

/**
 * Required certificates (十) are a hard filter on every path, a certificate counting while valid;
 * labour brands (四) are searched by name, filtered by code or name, and lift a worker of the job's
 * brand — through the real consumers (events on Kafka), the real indices, the HTTP API and the
 * pushes matching publishes.
 */
describe('required certificates and labour brands (real Kafka, OpenSearch, PostgreSQL)', () => {
  const prefix = uniquePrefix();
  let matching: MatchingUnderTest;

  /** A date `days` from today in China (UTC+8), as worker-profiles writes validUntil. */
  const chinaDay = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

  // 布拖 (凉山, 四川): every worker at the jobs' place, of one station, on the ≈ 1 km grid.
  const at = { lat: 27.71, lon: 102.81 };
  const place = { regionCode: '513429', ...at };
  const home = { stationId: 'station-513429-01', homeRegionCode: '513429', residenceRegionCode: '513429', location: at };
  const holding = (certificates: WorkerChangedData['certificates'], overrides: Partial<WorkerChangedData> = {}) => workerData({ ...home, certificates, ...overrides });

  const certified = holding([{ code: 'welder-cert', level: 1, validUntil: chinaDay(700) }]);
  const noEnd = holding([{ code: 'welder-cert', level: 1 }]);
  const endsToday = holding([{ code: 'welder-cert', level: 1, validUntil: chinaDay(0) }]);
  const expired = holding([{ code: 'welder-cert', level: 1, validUntil: chinaDay(-1) }]);
  const uncertified = holding([], { skills: [{ code: 'welding', level: 5 }] }); // the skill, not the certificate
  const otherCertificate = holding([{ code: 'electrician-cert', level: 1, validUntil: chinaDay(700) }]);
  const holders = [certified, noEnd, endsToday];
  const lacking = [expired, uncertified, otherCertificate];

  const welding = jobData({ title: '钢结构焊工', location: place, skills: [{ code: 'welding', minLevel: 1 }], requiredCertificates: ['welder-cert'] });
  const plain = jobData({ title: '工地杂工', location: place });

  beforeAll(async () => {
    matching = await startMatching(prefix, 'certificates-brands');
    await matching.publish([welding, plain], [...holders, ...lacking]);
  });
  afterAll(() => matching?.close());

  type Ranked = { score: number; reasons: { factor: string; contribution: number; detail: string }[] };
  const candidates = async (jobId: string) =>
    (await request(matching.running.url).get(`/v1/jobs/${jobId}/candidates?limit=100`).set('Authorization', asAdmin()).expect(200)).body.items as (Ranked & { workerId: string })[];
  const matches = async (workerId: string) =>
    (await request(matching.running.url).get(`/v1/workers/${workerId}/matches?limit=100`).set('Authorization', asAdmin()).expect(200)).body.items as (Ranked & { jobId: string })[];
  const ids = (items: { workerId?: string; jobId?: string }[]) => items.map((i) => i.workerId ?? i.jobId);

  it('lists as a job’s candidates only workers holding its certificate, valid today; every worker for a job requiring none', async () => {
    const forWelding = ids(await candidates(welding.jobId));
    for (const w of holders) expect(forWelding).toContain(w.workerId);
    for (const w of lacking) expect(forWelding).not.toContain(w.workerId);
    const forPlain = ids(await candidates(plain.jobId));
    for (const w of [...holders, ...lacking]) expect(forPlain).toContain(w.workerId);
  });

  it('leaves the job out of the matches of a worker without a valid certificate, not out of a holder’s', async () => {
    for (const w of holders) expect(ids(await matches(w.workerId))).toEqual(expect.arrayContaining([welding.jobId, plain.jobId]));
    for (const w of lacking) {
      const theirs = ids(await matches(w.workerId));
      expect(theirs).toContain(plain.jobId);
      expect(theirs).not.toContain(welding.jobId);
    }
  });

  it('pushes a certificate job only to holders: instant and worker-available alike', async () => {
    const dataSource = matching.running.app.get(DataSource);
    const recorder = await TopicRecorder.start([TOPICS.matches, TOPICS.matchesInstant]);
    const [{ since }] = (await dataSource.query('SELECT now() AS since')) as { since: Date }[];
    try {
      const instantWelding = jobData({ title: '急招焊工', kind: 'gig', instant: true, location: place, requiredCertificates: ['welder-cert'], startAt: new Date(Date.now() + 86_400_000).toISOString() });
      await matching.publish([instantWelding], []);
      // Two workers registering, available now (转岗服务): each gets their best open jobs pushed.
      const newHolder = holding([{ code: 'welder-cert', level: 1, validUntil: chinaDay(30) }]);
      const newExpired = holding([{ code: 'welder-cert', level: 1, validUntil: chinaDay(-30) }]);
      await matching.producer.workers(newHolder, newExpired);

      const pairsOf = (messages: { value: string }[]) =>
        messages.flatMap((m) => {
          const { id, data } = JSON.parse(m.value) as EventEnvelope<MatchesFoundData>;
          return (data.matches ?? []).map((match) => ({ id, jobId: data.jobId, trigger: data.trigger, workerId: match.workerId }));
        });
      const pushed = (jobId: string, workerId: string, trigger: string) => (messages: { value: string }[]) =>
        pairsOf(messages).some((p) => p.jobId === jobId && p.workerId === workerId && p.trigger === trigger);
      await recorder.waitFor(pushed(instantWelding.jobId, certified.workerId, 'instant_job'), 60_000);
      await recorder.waitFor(pushed(welding.jobId, newHolder.workerId, 'worker_available'), 60_000);
      await recorder.waitFor(pushed(plain.jobId, newExpired.workerId, 'worker_available'), 60_000);

      // Every push this app committed since the start, each on its topic and recorded.
      const committed = async () =>
        ((await dataSource.query(`SELECT id FROM "${SCHEMA}".outbox WHERE topic = ANY($1) AND created_at >= $2`, [[TOPICS.matches, TOPICS.matchesInstant], since])) as {
          id: string;
        }[]).map((r) => r.id);
      await eventually(async () => {
        const recorded = new Set(pairsOf(recorder.messages).map((p) => p.id));
        const missing = (await committed()).filter((id) => !recorded.has(id));
        if (missing.length) throw new Error(`${missing.length} committed pushes not on the topics yet`);
      }, 60_000);
      const ours = new Set(await committed());
      const pairs = pairsOf(recorder.messages).filter((p) => ours.has(p.id));

      const instant = pairs.filter((p) => p.jobId === instantWelding.jobId && p.trigger === 'instant_job').map((p) => p.workerId);
      for (const w of holders) expect(instant).toContain(w.workerId);
      const certificateJobs = [welding.jobId, instantWelding.jobId];
      const withoutValid = new Set([...lacking, newExpired].map((w) => w.workerId));
      expect(pairs.filter((p) => certificateJobs.includes(p.jobId) && withoutValid.has(p.workerId))).toEqual([]);
      expect(pairs.some((p) => p.workerId === newExpired.workerId && p.jobId === plain.jobId)).toBe(true);
    } finally {
      await recorder.stop();
    }
  });

  describe('labour brands (劳务品牌)', () => {
    const agency = bearer({ sub: 'agency-test', role: 'agency', region: '440300' });
    const search = (body: object) => request(matching.running.url).post('/v1/search/jobs').set('Authorization', agency).send(body);
    const found = async (body: object) => ((await search({ ...body, pageSize: 100 }).expect(200)).body.items as { jobId: string; job: { laborBrand?: string } }[]);

    const branded = jobData({ title: '家政保洁员', description: '住家保洁', location: place, laborBrand: 'chuan-mei-zi' });
    const otherBrand = jobData({ title: '家政保洁员', description: '住家保洁', location: place, laborBrand: 'liangshan-jiangong' });
    const noBrand = jobData({ title: '家政保洁员', description: '住家保洁', location: place });
    const brandWorker = workerData({ ...home, laborBrand: 'chuan-mei-zi' });
    const plainWorker = workerData({ ...home });

    beforeAll(() => matching.publish([branded, otherBrand, noBrand], [brandWorker, plainWorker]));

    it('finds the brand’s jobs by its name in q, and not the others', async () => {
      const hits = await found({ q: '川妹子', regionCode: '513429' });
      expect(hits.map((h) => h.jobId)).toContain(branded.jobId);
      expect(hits.map((h) => h.jobId)).not.toEqual(expect.arrayContaining([otherBrand.jobId]));
      expect(hits.map((h) => h.jobId)).not.toContain(noBrand.jobId);
      expect(hits.find((h) => h.jobId === branded.jobId)?.job.laborBrand).toBe('chuan-mei-zi');
      // The brand's names are indexed with the job: part of a name finds it too (cjk bigrams).
      expect((await found({ q: '川妹', regionCode: '513429' })).map((h) => h.jobId)).toContain(branded.jobId);
      // Keywords still work beside the brand: all words must match, in one field.
      const both = (await found({ q: '保洁', regionCode: '513429' })).map((h) => h.jobId);
      expect(both).toEqual(expect.arrayContaining([branded.jobId, otherBrand.jobId, noBrand.jobId]));
    });

    it('filters by laborBrand given by code or name; an unknown brand is a 422 naming laborBrand', async () => {
      for (const laborBrand of ['川妹子', 'chuan-mei-zi']) {
        const hits = (await found({ laborBrand, regionCode: '513429' })).map((h) => h.jobId);
        expect(hits).toContain(branded.jobId);
        expect(hits).not.toContain(otherBrand.jobId);
        expect(hits).not.toContain(noBrand.jobId);
      }
      const unknown = (await search({ laborBrand: '没有这个品牌' }).expect(422)).body;
      expect(unknown.code).toBe('SEARCH.UNKNOWN_LABOR_BRAND');
      expect(unknown.details).toEqual([{ field: 'laborBrand', problem: expect.any(String) }]);
      const invalid = (await search({ laborBrand: 'x'.repeat(101) }).expect(400)).body;
      expect(invalid.details.map((d: { field: string }) => d.field)).toEqual(['laborBrand']);
    });

    it('finds a brand a bureau added (LaborBrandNames.add), for jobs indexed before and after it arrived', async () => {
      const before = jobData({ title: '酒店服务员', location: place, laborBrand: 'test-yi-jia-a-mei' });
      await matching.publish([before], []);
      matching.running.app.get(LaborBrandNames).add('test-yi-jia-a-mei', ['彝家阿妹', '阿妹服务']);
      const after = jobData({ title: '酒店服务员', location: place, laborBrand: 'test-yi-jia-a-mei' });
      await matching.publish([after], []);
      const hits = (await found({ q: '彝家阿妹', regionCode: '513429' })).map((h) => h.jobId);
      expect(hits).toEqual(expect.arrayContaining([before.jobId, after.jobId]));
      const byName = (await found({ laborBrand: '阿妹服务', regionCode: '513429' })).map((h) => h.jobId);
      expect(byName).toEqual(expect.arrayContaining([before.jobId, after.jobId]));
      expect(byName).not.toContain(branded.jobId);
    });

    it('lifts a worker of the job’s brand by the laborBrand factor, shown in the reasons of candidates and matches', async () => {
      const items = await candidates(branded.jobId);
      const ofBrand = items.find((c) => c.workerId === brandWorker.workerId)!;
      const plainOne = items.find((c) => c.workerId === plainWorker.workerId)!;
      expect(ofBrand.reasons.find((r) => r.factor === 'laborBrand')).toEqual({ factor: 'laborBrand', contribution: 1, detail: expect.stringContaining('川妹子') });
      expect(plainOne.reasons.map((r) => r.factor)).not.toContain('laborBrand');
      expect(ofBrand.score).toBeCloseTo(plainOne.score + 1, 3);
      expect(ids(items).indexOf(brandWorker.workerId)).toBeLessThan(ids(items).indexOf(plainWorker.workerId));
      const forWorker = await matches(brandWorker.workerId);
      const brandedMatch = forWorker.find((m) => m.jobId === branded.jobId)!;
      const otherMatch = forWorker.find((m) => m.jobId === otherBrand.jobId)!;
      expect(brandedMatch.reasons.map((r) => r.factor)).toContain('laborBrand');
      expect(otherMatch.reasons.map((r) => r.factor)).not.toContain('laborBrand');
      expect(brandedMatch.score).toBeCloseTo(otherMatch.score + 1, 3);
    });
  });
});
