import { type EventEnvelope, type JobChangedData, type MatchesFoundData, TOPICS } from '@laowu/contracts';
import { eventually, inDays, jobData, workerData } from '@laowu/testkit';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TopicRecorder } from '../../../test/support/kafka';
import { asAdmin } from '../../../test/support/tokens';
import { toJobDocument } from '../src/indexing/job.document';
import { toWorkerDocument } from '../src/indexing/worker.document';
import { scorePair } from '../src/ranking/pair-score';
import { SCHEMA } from '../src/schema';
import { type MatchingUnderTest, startMatching, uniquePrefix } from './matching.fixtures';
import { DEFAULT_WEIGHTS } from '../src/ranking/ranking-weights';

const WEIGHTS = DEFAULT_WEIGHTS.weights;

/**
 * 乡村公益性岗位 (十六): a public-welfare post's candidates and pushes come only from
 * poverty-alleviated workers and monitoring targets, those who stay home first, and no worker
 * outside those groups is offered one — through the real consumers (events on Kafka), the real
 * indices, the HTTP API and the pushes matching publishes.
 */
describe('public-welfare posts reach only poverty-alleviated workers and monitoring targets (real Kafka, OpenSearch, PostgreSQL)', () => {
  const prefix = uniquePrefix();
  let matching: MatchingUnderTest;

  // 昭觉 (凉山, 四川): every worker at the post, of one station, on the ≈ 1 km grid.
  const at = { lat: 28.0, lon: 102.84 };
  const place = { regionCode: '513431', ...at };
  const home = { stationId: 'station-513431-01', homeRegionCode: '513431', residenceRegionCode: '513431', location: at };
  /** As job-collection publishes a public-welfare post: injury insurance required, a term of at most a year (十六). */
  const post = (overrides: Partial<JobChangedData> = {}) =>
    jobData({ kind: 'public_welfare', title: '乡村保洁公益性岗位', benefits: { injuryInsurance: true }, location: place, startAt: inDays(7), endAt: inDays(300), wage: { min: 60, max: 80, unit: 'day' }, ...overrides });

  /** Poverty-alleviated, unwilling to migrate (无法离乡). */
  const stayer = workerData({ ...home, priorityGroups: ['poverty_alleviated'] }, { willingToMigrate: false });
  /** A monitoring target willing to migrate anywhere in 凉山, the post's prefecture among them. */
  const willing = workerData({ ...home, priorityGroups: ['monitoring_target'] }, { willingToMigrate: true, targetRegionCodes: ['513400'] });
  /** In no priority group, with the post's skill and its region as a target: the best score of all, were it not for 十六. */
  const star = workerData({ ...home, skills: [{ code: 'masonry', level: 3 }] }, { willingToMigrate: true, targetRegionCodes: ['513400'] });
  /** In no priority group, staying home too. */
  const plainStayer = workerData({ ...home }, { willingToMigrate: false });
  const outsiders = [star, plainStayer];

  const welfare = post({ skills: [{ code: 'masonry', minLevel: 1 }] });
  /** The same job as a full-time one: open to everyone. */
  const factory = jobData({ kind: 'fulltime', location: place, skills: [{ code: 'masonry', minLevel: 1 }], wage: { min: 60, max: 80, unit: 'day' } });

  beforeAll(async () => {
    matching = await startMatching(prefix, 'public-welfare');
    await matching.publish([welfare, factory], [stayer, willing, star, plainStayer]);
  });
  afterAll(() => matching?.close());

  type Ranked = { score: number; reasons: { factor: string; contribution: number }[] };
  const candidates = async (jobId: string) =>
    (await request(matching.running.url).get(`/v1/jobs/${jobId}/candidates?limit=100`).set('Authorization', asAdmin()).expect(200)).body.items as (Ranked & { workerId: string })[];
  const matches = async (workerId: string) =>
    (await request(matching.running.url).get(`/v1/workers/${workerId}/matches?limit=100`).set('Authorization', asAdmin()).expect(200)).body.items as (Ranked & { jobId: string })[];

  it('ranks only priority workers for a post, the one staying home first, though a worker outside the groups would score higher', async () => {
    const ours = new Set([stayer, willing, star, plainStayer].map((w) => w.workerId));
    const items = (await candidates(welfare.jobId)).filter((c) => ours.has(c.workerId));
    expect(items.map((c) => c.workerId)).toEqual([stayer.workerId, willing.workerId]);
    // Both lack masonry (skills 0), at the post (distance 4), age 2, priority 1, assistance 0.5, wage 1.5 × 0.5 (no minimum),
    // freshness 0.5 × 0.5^((1/14)²) = 0.4982 (posted a day ago): 8.7482; the stayer publicWelfare 2.5 (11.2482), the willing
    // one targetRegion 2 (10.7482): without the factor the willing one would lead.
    expect(items[0].reasons.find((r) => r.factor === 'publicWelfare')?.contribution).toBe(2.5);
    expect(items[0].score).toBeCloseTo(11.2482, 3);
    expect(items[1].reasons.map((r) => r.factor)).not.toContain('publicWelfare');
    expect(items[1].score).toBeCloseTo(10.7482, 3);
    // The star would lead: skills 3, distance 4, targetRegion 2, age 2, wage 0.75, freshness 0.4982 = 12.2482.
    expect(scorePair(toJobDocument(welfare), toWorkerDocument(star), WEIGHTS, new Date()).score).toBeCloseTo(12.2482, 3);
    // The same job as a full-time one ranks everyone, the star first.
    const open = (await candidates(factory.jobId)).filter((c) => ours.has(c.workerId));
    expect(open.map((c) => c.workerId).sort()).toEqual([...ours].sort());
    expect(open[0].workerId).toBe(star.workerId);
  });

  it('never offers a worker outside the groups the post among their matches; a priority worker sees it, lifted when staying home', async () => {
    for (const outsider of outsiders) {
      const ids = (await matches(outsider.workerId)).map((m) => m.jobId);
      expect(ids).toContain(factory.jobId);
      expect(ids).not.toContain(welfare.jobId);
    }
    const forStayer = (await matches(stayer.workerId)).find((m) => m.jobId === welfare.jobId);
    expect(forStayer?.reasons.find((r) => r.factor === 'publicWelfare')?.contribution).toBe(2.5);
    expect((await matches(willing.workerId)).map((m) => m.jobId)).toContain(welfare.jobId);
  });

  it('pushes posts only to priority workers: instant, cross-region and worker-available alike', async () => {
    const dataSource = matching.running.app.get(DataSource);
    const recorder = await TopicRecorder.start([TOPICS.matches, TOPICS.matchesInstant]);
    const [{ since }] = (await dataSource.query('SELECT now() AS since')) as { since: Date }[];
    try {
      // An instant post at the workers' place (instant lane), and one in 西昌 recruiting from 凉山 (cross-region: willing workers only).
      const instantPost = post({ instant: true });
      const recruiting = post({ location: { regionCode: '513401', lat: 27.89, lon: 102.26 }, crossRegion: { sourceRegionCodes: ['513400'] } });
      const posts = [welfare, instantPost, recruiting].map((j) => j.jobId);
      await matching.publish([instantPost, recruiting], []);
      // Two workers registering, available now (转岗服务): each gets their best open jobs pushed.
      const newPoor = workerData({ ...home, priorityGroups: ['poverty_alleviated'] }, { willingToMigrate: false });
      const newPlain = workerData({ ...home }, { willingToMigrate: false });
      await matching.producer.workers(newPoor, newPlain);

      const pairsOf = (messages: { value: string }[]) =>
        messages.flatMap((m) => {
          const { id, data } = JSON.parse(m.value) as EventEnvelope<MatchesFoundData>;
          return (data.matches ?? []).map((match) => ({ id, jobId: data.jobId, trigger: data.trigger, workerId: match.workerId }));
        });
      const pushed = (jobId: string, workerId: string, trigger: string) => (messages: { value: string }[]) =>
        pairsOf(messages).some((p) => p.jobId === jobId && p.workerId === workerId && p.trigger === trigger);
      await recorder.waitFor(pushed(instantPost.jobId, stayer.workerId, 'instant_job'), 60_000);
      await recorder.waitFor(pushed(recruiting.jobId, willing.workerId, 'cross_region_job'), 60_000);
      await recorder.waitFor(pushed(factory.jobId, newPlain.workerId, 'worker_available'), 60_000);
      await recorder.waitFor((m) => pairsOf(m).some((p) => posts.includes(p.jobId) && p.workerId === newPoor.workerId && p.trigger === 'worker_available'), 60_000);

      // Every push this app committed since the start (a push's events commit together, so the ones awaited above bring
      // all of theirs), each on its topic and recorded.
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

      // The instant post: both priority workers, the one staying home first; neither outsider.
      const instant = pairs.filter((p) => p.jobId === instantPost.jobId && p.trigger === 'instant_job').map((p) => p.workerId);
      expect(instant.filter((id) => [stayer, willing, ...outsiders].some((w) => w.workerId === id))).toEqual([stayer.workerId, willing.workerId]);
      // The recruiting post: of the willing workers from 凉山, the monitoring target, not the star.
      const crossRegion = pairs.filter((p) => p.jobId === recruiting.jobId).map((p) => p.workerId);
      expect(crossRegion).toContain(willing.workerId);
      expect(crossRegion).not.toContain(star.workerId);
      // No push of any kind pairs a post with a worker outside the groups.
      const outside = new Set([...outsiders, newPlain].map((w) => w.workerId));
      expect(pairs.filter((p) => posts.includes(p.jobId) && outside.has(p.workerId))).toEqual([]);
      expect(pairs.some((p) => p.workerId === newPlain.workerId && p.jobId === factory.jobId)).toBe(true);
    } finally {
      await recorder.stop();
    }
  });
});
