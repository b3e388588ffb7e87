import { type MatchingConfig } from '../matching.config';

/**
 * Diversification of a worker's ranked jobs (issue 18): no single agency, and no run of one
 * agency's near-identical postings, fills the list when other jobs match.
 *
 * Greedy, in score order: each place takes the best job not yet placed that breaks no rule in its
 * window (the place and the `window − 1` places before it):
 * - at most `maxPerAgency` jobs of one agency (DIVERSITY_MAX_PER_AGENCY_PCT of the window);
 * - at most `maxSimilarTitles` jobs of one agency with near-duplicate titles (sameTitle below).
 * A job passed over is deferred, not dropped: when every job left breaks a rule, the best of them
 * takes the place, so the list is as long as without diversification (only one agency matching:
 * the list is still full, in score order).
 *
 * The score stays the sum of the factors' contributions (API.md). A job that a lower-scored job
 * was placed ahead of gets a `diversity` reason with contribution 0 saying why; so after
 * diversification the list's order may differ from its scores' order, and that reason marks each
 * place where it does. The jobs placed ahead of it keep their reasons unchanged.
 */
export interface DiversityPolicy {
  /** Places a rule looks back over (a job and the places before it). */
  window: number;
  /** Most of one agency's jobs within a window. */
  maxPerAgency: number;
  /** Most of one agency's near-duplicate titles within a window. */
  maxSimilarTitles: number;
}

/** The reason a deferred job carries (contribution 0: the score is still the factors' sum). */
export interface DiversityReason {
  factor: 'diversity';
  contribution: 0;
  detail: string;
}

interface DiversifiableJob {
  jobId: string;
  agencyId: string;
  title: string;
}

interface Ranked {
  job: DiversifiableJob;
  /** Reasons that may hold a DiversityReason (pair-score.ts's Reason does). */
  reasons: readonly { factor: string; contribution: number; detail: string }[];
}

/**
 * Titles whose character-bigram sets overlap this much (Jaccard) are near-duplicates:
 * 展会搭建临时工 and 急招展会搭建临时工日结 (0.6) are, 展会搭建临时工 and 展会布展临时工 (0.33) are not,
 * nor are 电焊工 and 氩弧焊工 (0.25). Unit-tested with such titles in diversify.spec.ts.
 */
export const SIMILAR_TITLE_JACCARD = 0.6;

/** The policy for a list of `limit` jobs: a window no longer than the list, the agency share rounded down (at least 1). */
export function diversityPolicy(config: Pick<MatchingConfig, 'DIVERSITY_WINDOW' | 'DIVERSITY_MAX_PER_AGENCY_PCT' | 'DIVERSITY_MAX_SIMILAR_TITLES'>, limit: number): DiversityPolicy {
  const window = Math.max(1, Math.min(limit, config.DIVERSITY_WINDOW));
  return {
    window,
    maxPerAgency: Math.max(1, Math.floor((window * config.DIVERSITY_MAX_PER_AGENCY_PCT) / 100)),
    maxSimilarTitles: config.DIVERSITY_MAX_SIMILAR_TITLES,
  };
}

/**
 * How many of the exact ranking's best jobs the re-ranking chooses from for a list of `limit`:
 * enough other agencies' jobs to fill the list past a dominant one, and bounded (the engine
 * fetches and scores this many).
 */
export function candidatePoolSize(limit: number): number {
  return Math.max(30, Math.min(3 * limit, limit + 200));
}

/** Lower case, full-width folded (NFKC), without spaces and punctuation: 【急招】展会搭建 临时工! → 急招展会搭建临时工. */
export function normalisedTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function bigrams(normalised: string): Set<string> {
  const chars = [...normalised];
  if (chars.length < 2) return new Set(chars);
  return new Set(chars.slice(1).map((c, i) => chars[i] + c));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** A normalised title with its bigrams, computed once per job. */
interface TitleShape {
  title: string;
  bigrams: Set<string>;
}

const shapeOf = (title: string): TitleShape => {
  const normalised = normalisedTitle(title);
  return { title: normalised, bigrams: bigrams(normalised) };
};

const alike = (a: TitleShape, b: TitleShape) => a.title === b.title || jaccard(a.bigrams, b.bigrams) >= SIMILAR_TITLE_JACCARD;

/** Whether two titles are near-duplicates (the same agency is checked apart). */
export function similarTitles(a: string, b: string): boolean {
  return alike(shapeOf(a), shapeOf(b));
}

interface Candidate<T> extends TitleShape {
  item: T;
  /** Its place in the exact ranking: the key of the title-similarity cache. */
  rank: number;
  /** Why it was first passed over for a lower-scored job; undefined while it never was. */
  deferredBecause?: Deferral;
}

/** Which rule held a job back and how many jobs ahead in its window made it (formatted only for the jobs returned). */
interface Deferral {
  rule: 'agency' | 'title';
  ahead: number;
}

function detail(deferral: Deferral, policy: DiversityPolicy): string {
  return deferral.rule === 'agency'
    ? `同一机构在相邻${policy.window}个位置中已有${deferral.ahead}个岗位排在前面（至多${policy.maxPerAgency}个），顺延`
    : `同一机构已有${deferral.ahead}个标题相近的岗位排在前面，顺延`;
}

/**
 * The rules for one place, given the window's earlier places. Each place checks the jobs left in
 * order, so the counts per agency are taken once per place and title similarities are cached:
 * re-ranking 400 for a list of 200 stays within a few milliseconds even when one agency holds all.
 */
class Window<T extends Ranked> {
  private readonly similarity = new Map<number, boolean>();
  private recent: Candidate<T>[] = [];
  private perAgency = new Map<string, number>();

  constructor(
    private readonly policy: DiversityPolicy,
    private readonly poolSize: number,
  ) {}

  /** Moves the window to the place after `placed`. */
  advance(placed: Candidate<T>[]): void {
    this.recent = placed.slice(Math.max(0, placed.length - (this.policy.window - 1)));
    this.perAgency = new Map();
    for (const p of this.recent) this.perAgency.set(p.item.job.agencyId, (this.perAgency.get(p.item.job.agencyId) ?? 0) + 1);
  }

  /** Why `c` may not take this place, or undefined. */
  ruleBroken(c: Candidate<T>): Deferral | undefined {
    const agencyId = c.item.job.agencyId;
    const sameAgency = this.perAgency.get(agencyId) ?? 0;
    if (sameAgency >= this.policy.maxPerAgency) return { rule: 'agency', ahead: sameAgency };
    if (sameAgency < this.policy.maxSimilarTitles) return undefined;
    // Counting stops at the most allowed: enough to hold the job back.
    let similar = 0;
    for (const p of this.recent) {
      if (p.item.job.agencyId === agencyId && this.similar(p, c) && ++similar >= this.policy.maxSimilarTitles) return { rule: 'title', ahead: similar };
    }
    return undefined;
  }

  private similar(a: Candidate<T>, b: Candidate<T>): boolean {
    const key = Math.min(a.rank, b.rank) * this.poolSize + Math.max(a.rank, b.rank);
    let known = this.similarity.get(key);
    if (known === undefined) {
      known = alike(a, b);
      this.similarity.set(key, known);
    }
    return known;
  }
}

/**
 * The best `limit` of `ranked` (best first, as the exact ranking orders them) re-ranked by the
 * policy; deferred jobs that still made it carry a `diversity` reason.
 */
export function diversify<T extends Ranked>(ranked: readonly T[], limit: number, policy: DiversityPolicy): T[] {
  const remaining: Candidate<T>[] = ranked.map((item, rank) => ({ item, rank, ...shapeOf(item.job.title) }));
  const window = new Window<T>(policy, ranked.length);
  const placed: Candidate<T>[] = [];
  while (placed.length < limit && remaining.length) {
    window.advance(placed);
    const held: Deferral[] = [];
    let free = remaining.findIndex((c) => {
      const why = window.ruleBroken(c);
      if (why) held.push(why);
      return why === undefined;
    });
    // Every job ahead of the one placed was passed over for it; when none is free, the best takes the place.
    if (free >= 0) held.forEach((why, i) => (remaining[i].deferredBecause ??= why));
    else free = 0;
    placed.push(...remaining.splice(free, 1));
  }
  return placed.map(({ item, deferredBecause }) => {
    if (!deferredBecause) return item;
    const note: DiversityReason = { factor: 'diversity', contribution: 0, detail: detail(deferredBecause, policy) };
    return { ...item, reasons: [...item.reasons, note] };
  });
}

/**
 * Whether the best `limit` of `ranked`, taken in score order, break no rule. Then diversifying
 * any longer ranking that begins with them places them unchanged: each place's best job left is
 * the next of them, and it is free.
 */
export function breaksNoRule<T extends Ranked>(ranked: readonly T[], limit: number, policy: DiversityPolicy): boolean {
  const window = new Window<T>(policy, ranked.length);
  const placed: Candidate<T>[] = [];
  for (const [rank, item] of ranked.slice(0, limit).entries()) {
    const candidate = { item, rank, ...shapeOf(item.job.title) };
    window.advance(placed);
    if (window.ruleBroken(candidate)) return false;
    placed.push(candidate);
  }
  return true;
}
