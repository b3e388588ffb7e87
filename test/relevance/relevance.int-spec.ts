import { ensureIndex, type SearchClient } from '@laowu/search';
import request from 'supertest';
import { searchClient } from '../support/search';
import { startTestApp, type TestApp } from '../support/test-app';
import { asAdmin } from '../support/tokens';
import { ABOUT, AppModule } from '../../apps/matching/src/app.module';
import { jobsIndex, workersIndex } from '../../apps/matching/src/indexing/index-definitions';
import { writeVersioned } from '../../apps/matching/src/indexing/index-writer';
import { toJobDocument } from '../../apps/matching/src/indexing/job.document';
import { toWorkerDocument } from '../../apps/matching/src/indexing/worker.document';
import { MatchingConfig } from '../../apps/matching/src/matching.config';
import { HAND_JOBS, HAND_WORKERS } from './hand-graded/hand.set';
import { HAND_JUDGMENTS } from './hand-graded/judgments.hand';
import judgments from './judgments.json';
import { type Judgment, RELEVANCE_JOBS, RELEVANCE_WORKERS } from './relevance.set';

/**
 * NDCG@10 of the real matches-for-worker ranking (HTTP → OpenSearch) over two judged sets:
 * - hand-graded (hand-graded/, graded pair by pair from the policy, without the ranking code): it gates;
 * - rule-graded (judgments.json, from `judge` in relevance.set.ts): reported, with its own gate.
 * Each set is indexed on its own (under this spec's prefix), so that one set's jobs, which the
 * other set's workers were never judged against, do not count as misses. Jobs the ranking returns
 * that are graded 0 or not judged count as 0.
 */
// Hand-graded set, first honest measurement (ranking as of 4b1c0fd, before issue 18's ranking
// changes): mean NDCG@10 = 0.916 over 45 workers (lowest zx-older-migrant-58 0.45,
// wn-older-migrant-61 0.52, qx-sewer-31 0.60). The threshold sits just under it, so a change that
// makes ranking worse by the policy's standard fails here; raise it as ranking improves, never
// regrade the set to pass. After issue 18 (diversification 0.910, then the factor changes that
// the set's weakest workers pointed to): 0.923 (lowest zx-older-migrant-58 0.48); raised to 0.91.
const MIN_MEAN_NDCG_HAND = 0.91;
// Rule-graded set, first honest measurement, weights as committed in ranking.weights.ts (now the
// factors in apps/matching/src/ranking/factors/): mean NDCG@10 = 0.982 over 30 workers (lowest
// dg-factory 0.91). Close to grading the ranking by itself (issue 18), so it is kept as a report.
const MIN_MEAN_NDCG_RULE = 0.95;

const K = 10;
const dcg = (grades: number[]) => grades.slice(0, K).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);

interface JudgedSet {
  name: string;
  workers: { key: string; data: { workerId: string } & Parameters<typeof toWorkerDocument>[0] }[];
  jobs: { key: string; data: (now: number) => Parameters<typeof toJobDocument>[0] }[];
  judgments: { worker: string; job: string; grade: number; reason: string }[];
}

const RULE_SET: JudgedSet = { name: 'rule-graded', workers: RELEVANCE_WORKERS, jobs: RELEVANCE_JOBS, judgments: judgments as Judgment[] };
const HAND_SET: JudgedSet = { name: 'hand-graded', workers: HAND_WORKERS, jobs: HAND_JOBS, judgments: HAND_JUDGMENTS };

async function indexSet(client: SearchClient, prefix: string, set: JudgedSet): Promise<void> {
  const now = Date.now();
  await ensureIndex(client, jobsIndex(prefix));
  await ensureIndex(client, workersIndex(prefix));
  const jobs = set.jobs.map((j) => toJobDocument(j.data(now)));
  const workers = set.workers.map((w) => toWorkerDocument(w.data));
  await writeVersioned(client, `${prefix}jobs`, jobs.map((d) => ({ id: d.jobId, version: d.version, source: d })));
  await writeVersioned(client, `${prefix}workers`, workers.map((d) => ({ id: d.workerId, version: d.version, source: d })));
}

interface WorkerScore {
  worker: string;
  ndcg: number;
  top: string[];
}

/** Each worker's NDCG@10 from the app's matches; `top` shows what the ranking put first, with our grade. */
async function measure(url: string, set: JudgedSet): Promise<WorkerScore[]> {
  const jobKeyById = new Map(set.jobs.map((j) => [j.data(0).jobId, j.key]));
  const scores: WorkerScore[] = [];
  for (const worker of set.workers) {
    const graded = new Map(set.judgments.filter((j) => j.worker === worker.key).map((j) => [j.job, j.grade]));
    const ideal = dcg([...graded.values()].sort((a, b) => b - a));
    if (ideal === 0) continue;
    const { body } = await request(url).get(`/v1/workers/${worker.data.workerId}/matches?limit=${K}`).set('Authorization', asAdmin()).expect(200);
    const returned = (body.items as { jobId: string }[]).map((item) => jobKeyById.get(item.jobId) ?? item.jobId);
    const grades = returned.map((key) => graded.get(key) ?? 0);
    scores.push({ worker: worker.key, ndcg: dcg(grades) / ideal, top: returned.map((key, i) => `${key}(${grades[i]})`) });
  }
  return scores;
}

function report(name: string, scores: WorkerScore[]): number {
  const mean = scores.reduce((sum, s) => sum + s.ndcg, 0) / scores.length;
  const lowest = [...scores].sort((a, b) => a.ndcg - b.ndcg).slice(0, 5);
  process.stdout.write(
    `NDCG@${K} ${name}: mean ${mean.toFixed(3)} over ${scores.length} workers; lowest ${lowest.map((s) => `${s.worker}=${s.ndcg.toFixed(2)}`).join(', ')}\n` +
      lowest.map((s) => `  ${s.worker} top ${K}: ${s.top.join(' ')}\n`).join(''),
  );
  return mean;
}

function expectWellFormed(set: JudgedSet, minWorkers: number): void {
  const workerKeys = new Set(set.workers.map((w) => w.key));
  const jobKeys = new Set(set.jobs.map((j) => j.key));
  const perWorker = new Map<string, Set<string>>();
  for (const j of set.judgments) {
    expect(workerKeys).toContain(j.worker);
    expect(jobKeys).toContain(j.job);
    expect([0, 1, 2, 3]).toContain(j.grade);
    expect(j.reason.trim().length).toBeGreaterThan(0);
    const jobs = perWorker.get(j.worker) ?? new Set<string>();
    expect(jobs.has(j.job)).toBe(false);
    perWorker.set(j.worker, jobs.add(j.job));
  }
  expect(perWorker.size).toBeGreaterThanOrEqual(minWorkers);
  for (const jobs of perWorker.values()) expect(jobs.size).toBeGreaterThanOrEqual(20);
}

describe('relevance: NDCG@10 of matches-for-worker over the judged sets', () => {
  const prefix = `rel-${Date.now().toString(36)}-`;
  let rule: TestApp<MatchingConfig>;
  let hand: TestApp<MatchingConfig>;
  let client: SearchClient;

  beforeAll(async () => {
    client = searchClient();
    await indexSet(client, `${prefix}rule-`, RULE_SET);
    await indexSet(client, `${prefix}hand-`, HAND_SET);
    await client.refresh(`${prefix}*`);
    const app = { configClass: MatchingConfig, about: ABOUT, module: AppModule.forRoot };
    rule = await startTestApp(app, { consume: false, env: { SEARCH_INDEX_PREFIX: `${prefix}rule-` } });
    hand = await startTestApp(app, { consume: false, env: { SEARCH_INDEX_PREFIX: `${prefix}hand-` } });
  });

  afterAll(async () => {
    await rule?.close();
    await hand?.close();
    await client?.deleteIndex(`${prefix}*`).catch(() => undefined);
    await client?.close();
  });

  it('the rule-graded set has at least 30 workers with 20+ judged jobs each, every grade 0–3 with a reason', () => {
    expectWellFormed(RULE_SET, 30);
  });

  it('the hand-graded set has at least 40 workers with 20+ judged jobs each, every grade 0–3 with a reason', () => {
    expectWellFormed(HAND_SET, 40);
  });

  it(`keeps mean NDCG@${K} on the hand-graded set at or above ${MIN_MEAN_NDCG_HAND} (the gate)`, async () => {
    const scores = await measure(hand.url, HAND_SET);
    const mean = report(HAND_SET.name, scores);
    expect(scores.length).toBeGreaterThanOrEqual(40);
    expect(mean).toBeGreaterThanOrEqual(MIN_MEAN_NDCG_HAND);
  });

  it(`reports mean NDCG@${K} on the rule-graded set (at or above ${MIN_MEAN_NDCG_RULE})`, async () => {
    const scores = await measure(rule.url, RULE_SET);
    const mean = report(RULE_SET.name, scores);
    expect(scores.length).toBeGreaterThanOrEqual(30);
    expect(mean).toBeGreaterThanOrEqual(MIN_MEAN_NDCG_RULE);
  });
});
