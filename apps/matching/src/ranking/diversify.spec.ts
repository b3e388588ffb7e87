import { ConfigError, loadConfig } from '@laowu/platform';
import { MatchingConfig } from '../matching.config';
import { breaksNoRule, candidatePoolSize, diversify, diversityPolicy, normalisedTitle, similarTitles } from './diversify';
import { Seeded } from './random-matching.fixtures';

interface Item {
  job: { jobId: string; agencyId: string; title: string };
  score: number;
  reasons: { factor: string; contribution: number; detail: string }[];
}

/** A ranked job: its score as one factor's contribution, so the reasons add up to it. */
const item = (jobId: string, agencyId: string, title: string, score: number): Item => ({
  job: { jobId, agencyId, title },
  score,
  reasons: [{ factor: 'skills', contribution: score, detail: 'test' }],
});

/** `count` jobs of one agency, ids `${prefix}1…`, scores falling by 1 from `top`. */
const series = (prefix: string, agencyId: string, titles: (i: number) => string, count: number, top: number): Item[] =>
  Array.from({ length: count }, (_, i) => item(`${prefix}${i + 1}`, agencyId, titles(i), top - i));

const ids = (items: Item[]) => items.map((i) => i.job.jobId);
const notes = (items: Item[], jobId: string) => items.find((i) => i.job.jobId === jobId)!.reasons.filter((r) => r.factor === 'diversity');

const defaults = { DIVERSITY_WINDOW: 10, DIVERSITY_MAX_PER_AGENCY_PCT: 50, DIVERSITY_MAX_SIMILAR_TITLES: 2 };
const TOP_10 = diversityPolicy(defaults, 10);
const TOP_20 = diversityPolicy(defaults, 20);

/** Real variants of one agency's repeated posting (the 展会搭建临时工). */
const EXPO_TITLES = [
  '展会搭建临时工', '展会搭建临时工（日结）', '【急招】展会搭建临时工', '展会搭建临时工 3天', '展会搭建临时工-5天', '深圳展会搭建临时工',
  '展会搭建临时工（包吃）', '展会搭建临时工（会展）', '展会搭建临时工日结', '展会搭建临时工（夜班）', '展会搭建临时工A', '展会搭建临时工！',
];
const DISTINCT_TITLES = ['电焊工', '叉车司机', '包装工', '仓库理货员', '保洁员', '厨师', '保安', '砌筑工', '钢筋工', '水电安装工', '快递分拣员', '餐厅服务员'];

describe('diversify: no agency and no run of near-identical titles fills a worker’s list', () => {
  it('holds the title rule when one agency posts 12 near-identical jobs above two others’ few', () => {
    const ranked = [
      ...series('A', 'agency-expo', (i) => EXPO_TITLES[i], 12, 99),
      ...series('B', 'agency-b', (i) => ['电焊工', '叉车司机', '包装工'][i], 3, 50),
      ...series('C', 'agency-c', (i) => ['保洁员', '厨师', '保安'][i], 3, 47),
    ];
    const top = diversify(ranked, 10, TOP_10);
    // Two of the expo postings, then every other job, then the best deferred ones fill the list.
    expect(ids(top)).toEqual(['A1', 'A2', 'B1', 'B2', 'B3', 'C1', 'C2', 'C3', 'A3', 'A4']);
    expect(notes(top, 'A3')).toEqual([{ factor: 'diversity', contribution: 0, detail: '同一机构已有2个标题相近的岗位排在前面，顺延' }]);
    expect(notes(top, 'A4')).toHaveLength(1);
    for (const id of ['A1', 'A2', 'B1', 'C3']) expect(notes(top, id)).toEqual([]);
  });

  it('holds the agency cap (5 of any 10 places) when one agency posts 12 different jobs above others', () => {
    const ranked = [
      ...series('A', 'agency-a', (i) => DISTINCT_TITLES[i], 12, 99),
      ...series('B', 'agency-b', () => '展会搭建临时工', 3, 50).map((j, i) => ({ ...j, job: { ...j.job, title: ['展会布展', '物流装卸', '超市理货'][i] } })),
      ...series('C', 'agency-c', (i) => ['小时工', '家政服务员', '洗碗工'][i], 3, 47),
    ];
    const top = diversify(ranked, 20, TOP_20);
    // Places 1–10: A's best five, then B and C; A6 returns at place 11, when A1 has left its window
    // of 10; A11 waits again at place 16 (A6–A10 fill places 11–15), so C3 takes it.
    expect(ids(top)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'B1', 'B2', 'B3', 'C1', 'C2', 'A6', 'A7', 'A8', 'A9', 'A10', 'C3', 'A11', 'A12']);
    expect(notes(top, 'A6')).toEqual([{ factor: 'diversity', contribution: 0, detail: '同一机构在相邻10个位置中已有5个岗位排在前面（至多5个），顺延' }]);
    // Every window of 10 up to the last other job's place (16) holds at most 5 of A; after it only A is left.
    for (let start = 0; start + 10 <= 16; start++) {
      expect(top.slice(start, start + 10).filter((j) => j.job.agencyId === 'agency-a').length).toBeLessThanOrEqual(5);
    }
  });

  it('leaves the jobs ahead of a deferred one as they were, and every score the sum of its reasons', () => {
    const ranked = [...series('A', 'agency-a', (i) => DISTINCT_TITLES[i], 8, 99), ...series('B', 'agency-b', (i) => DISTINCT_TITLES[i], 4, 50)];
    const top = diversify(ranked, 10, TOP_10);
    for (const job of top.slice(0, 5)) expect(job).toBe(ranked.find((r) => r.job.jobId === job.job.jobId));
    for (const job of top) expect(job.reasons.reduce((sum, r) => sum + r.contribution, 0)).toBe(job.score);
    expect(top.map((j) => j.score)).toEqual([99, 98, 97, 96, 95, 50, 49, 48, 47, 94]);
  });

  it('keeps the list full, in score order and without notes, when only one agency matches', () => {
    const ranked = series('A', 'agency-a', (i) => EXPO_TITLES[i], 12, 99);
    const top = diversify(ranked, 10, TOP_10);
    expect(ids(top)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10']);
    expect(top.flatMap((j) => j.reasons).filter((r) => r.factor === 'diversity')).toEqual([]);
  });

  it('returns `limit` jobs whenever the pool has them, and all of a smaller pool', () => {
    const ranked = [...series('A', 'agency-a', (i) => DISTINCT_TITLES[i], 9, 99), item('B1', 'agency-b', '保安', 10)];
    expect(diversify(ranked, 8, TOP_10)).toHaveLength(8);
    expect(ids(diversify(ranked, 20, TOP_20))).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'B1', 'A6', 'A7', 'A8', 'A9']);
    expect(diversify([], 10, TOP_10)).toEqual([]);
  });

  it('breaks ties as the exact ranking does (its order), deferring the later of two equal jobs', () => {
    const tied = [
      item('A1', 'agency-a', '电焊工', 10), item('A2', 'agency-a', '叉车司机', 10), item('A3', 'agency-a', '包装工', 10),
      item('B1', 'agency-b', '保洁员', 10), item('B2', 'agency-b', '厨师', 10),
    ];
    const policy = diversityPolicy(defaults, 4); // window 4, at most 2 per agency
    expect(ids(diversify(tied, 4, policy))).toEqual(['A1', 'A2', 'B1', 'B2']);
    expect(ids(diversify(tied, 5, diversityPolicy(defaults, 5)))).toEqual(['A1', 'A2', 'B1', 'B2', 'A3']);
  });

  it('does not defer the same title from different agencies (different employers are real choices)', () => {
    const ranked = ['a', 'b', 'c', 'd'].map((a, i) => item(`${a}1`, `agency-${a}`, '电焊工', 10 - i));
    const top = diversify(ranked, 4, diversityPolicy(defaults, 4));
    expect(ids(top)).toEqual(['a1', 'b1', 'c1', 'd1']);
    expect(top.flatMap((j) => j.reasons).filter((r) => r.factor === 'diversity')).toEqual([]);
  });
});

describe('near-duplicate titles: same normalised title, or character-bigram Jaccard ≥ 0.6', () => {
  it('normalises width, case, spaces and punctuation', () => {
    expect(normalisedTitle('【急招】展会搭建 临时工！')).toBe('急招展会搭建临时工');
    expect(normalisedTitle('ＣＮＣ操作工（Ａ班）')).toBe('cnc操作工a班');
  });

  it.each([
    ['展会搭建临时工', '展会搭建临时工（日结）'], // 6 of 8 bigrams shared: 0.75
    ['展会搭建临时工', '急招展会搭建临时工日结'], // 6 of 10: 0.6
    ['展会搭建临时工3天', '展会搭建临时工5天'], // 6 of 10: 0.6
    ['电子厂普工', '电子厂 普工'],
    ['ＣＮＣ操作工', 'cnc操作工'],
    ['焊', '焊'],
  ])('%s ≈ %s', (a, b) => expect(similarTitles(a, b)).toBe(true));

  it.each([
    ['展会搭建临时工', '展会布展临时工'], // 3 of 9: 0.33
    ['电焊工', '氩弧焊工'], // 1 of 4: 0.25
    ['电子厂普工', '食品厂普工'], // 2 of 6: 0.33
    ['叉车司机', '货车司机'], // 2 of 4: 0.5
    ['保洁员', '保安员'],
    // A long prefix and another suffix drift apart: each title is compared with each placed one, not transitively.
    ['展会搭建临时工（日结）', '会展中心展会搭建临时工'], // 6 of 12: 0.5
  ])('%s ≠ %s', (a, b) => expect(similarTitles(a, b)).toBe(false));
});

describe('the diversity policy and pool: from the config, checked at start', () => {
  it('caps an agency at half of a 10-place window, half of a shorter list rounded down, at least 1', () => {
    expect(diversityPolicy(defaults, 20)).toEqual({ window: 10, maxPerAgency: 5, maxSimilarTitles: 2 });
    expect(diversityPolicy(defaults, 5)).toEqual({ window: 5, maxPerAgency: 2, maxSimilarTitles: 2 });
    expect(diversityPolicy(defaults, 1)).toEqual({ window: 1, maxPerAgency: 1, maxSimilarTitles: 2 });
    expect(diversityPolicy({ ...defaults, DIVERSITY_MAX_PER_AGENCY_PCT: 100 }, 20).maxPerAgency).toBe(10);
  });

  it('ranks a bounded pool: at least 30, three times the list, at most 200 more than it', () => {
    expect([1, 10, 20, 50, 100, 200].map(candidatePoolSize)).toEqual([30, 30, 60, 150, 300, 400]);
  });

  it('loads the defaults and refuses a bad share, window or title count, naming the setting', () => {
    const config = loadConfig(MatchingConfig, {});
    expect([config.DIVERSITY_MAX_PER_AGENCY_PCT, config.DIVERSITY_WINDOW, config.DIVERSITY_MAX_SIMILAR_TITLES]).toEqual([50, 10, 2]);
    expect(loadConfig(MatchingConfig, { DIVERSITY_MAX_PER_AGENCY_PCT: '40' }).DIVERSITY_MAX_PER_AGENCY_PCT).toBe(40);
    for (const [name, value] of [['DIVERSITY_MAX_PER_AGENCY_PCT', '0'], ['DIVERSITY_MAX_PER_AGENCY_PCT', '101'], ['DIVERSITY_MAX_PER_AGENCY_PCT', 'half'],
      ['DIVERSITY_WINDOW', '1'], ['DIVERSITY_MAX_SIMILAR_TITLES', '0']]) {
      expect(() => loadConfig(MatchingConfig, { [name]: value })).toThrow(ConfigError);
      expect(() => loadConfig(MatchingConfig, { [name]: value })).toThrow(new RegExp(name));
    }
  });

  it('breaksNoRule: a top list that breaks no rule is what diversifying any longer ranking places first, unchanged', () => {
    const rng = new Seeded(1806);
    let unchanged = 0;
    let reranked = 0;
    for (let round = 0; round < 2000; round++) {
      const agencies = rng.int(2, 12);
      const ranked = Array.from({ length: 80 }, (_, i) =>
        item(`J${i}`, `agency-${rng.int(1, agencies)}`, rng.chance(0.3) ? rng.pick(EXPO_TITLES) : rng.pick(DISTINCT_TITLES), 100 - i),
      );
      const limit = rng.pick([5, 10, 20]);
      const policy = diversityPolicy(defaults, limit);
      const top = ranked.slice(0, limit);
      if (breaksNoRule(top, limit, policy)) {
        expect(ids(diversify(ranked, limit, policy))).toEqual(ids(top));
        expect(diversify(ranked, limit, policy).flatMap((i) => i.reasons.filter((r) => r.factor === 'diversity'))).toEqual([]);
        unchanged++;
      } else if (ids(diversify(ranked, limit, policy)).join() !== ids(top).join()) reranked++;
    }
    // Both cases occur: top lists left unchanged, and top lists the re-ranking changes.
    expect(unchanged).toBeGreaterThan(100);
    expect(reranked).toBeGreaterThan(100);
  });
});
