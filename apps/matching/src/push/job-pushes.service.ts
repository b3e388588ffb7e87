import { LANE_OF_TRIGGER } from '@laowu/contracts';
import { APP_CONFIG, observeHop } from '@laowu/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobDocument } from '../indexing/job.document';
import { JobPushes, JobTrigger } from '../indexing/triggered-pushes';
import { MatchingConfig } from '../matching.config';
import { WorkerPool } from '../ranking/ranking.queries';
import { RankedWorker, RankingService } from '../ranking/ranking.service';
import { LiveRankingWeights } from '../ranking-weights/live-ranking-weights';
import { SCHEMA } from '../schema';
import { DeclinedPairsService } from './declined-pairs.service';
import { MatchesOutbox } from './matches-outbox';
import { isRecentChange } from './push-age';

/** Open, with headcount left, neither started nor ended. */
function isOpenAndAhead(job: JobDocument, now: Date): boolean {
  if (job.status !== 'open' || job.headcountLeft <= 0) return false;
  const passed = (at?: string) => at !== undefined && Date.parse(at) < now.getTime();
  return !passed(job.startAt) && !passed(job.endAt);
}

/** 即时快招 (九): 零工 gig work, or a job flagged instant. */
export const isInstantCandidate = (job: JobDocument, now: Date): boolean => (job.kind === 'gig' || job.instant) && isOpenAndAhead(job, now);

/** 五 跨区域就业岗位信息: a job recruiting from named regions; gig and instant jobs go in the instant lane instead. */
export const isCrossRegionCandidate = (job: JobDocument, now: Date): boolean =>
  job.kind !== 'gig' && !job.instant && job.crossSourceCodes.length > 0 && isOpenAndAhead(job, now);

interface TriggerRule {
  applies(job: JobDocument, now: Date): boolean;
  /** The workers its candidates query reaches. */
  pool: WorkerPool;
  topN(config: MatchingConfig): number;
  /**
   * The standard lane's _msearch runs two queries at a time, so a bulk load's candidates queries
   * leave search threads free for the instant lane's (the engine has a few per core).
   */
  maxConcurrentSearches?: number;
}

const RULES: Record<JobTrigger, TriggerRule> = {
  instant_job: { applies: isInstantCandidate, pool: 'instant', topN: (c) => c.INSTANT_TOP_N },
  cross_region_job: { applies: isCrossRegionCandidate, pool: 'crossRegion', topN: (c) => c.CROSS_REGION_TOP_N, maxConcurrentSearches: 2 },
};

/**
 * Jobs whose candidates are queried together (one _msearch) and pushed in one transaction: enough
 * to keep the search engine's threads busy, few enough that a catch-up batch (up to top N
 * matches each) does not hold thousands of matches in memory at once.
 */
const JOBS_PER_ANNOUNCEMENT = 20;

/**
 * Job-triggered pushes: for an open job, new or materially changed, one candidates query against
 * `workers`; its top N become MatchesFound events, one per (job, station), in the trigger's lane.
 * instant_job runs on the instant lane's consumer (laowu.jobs.instant.v1), cross_region_job on
 * the standard one (laowu.jobs.v1). Pairs a station declined are left out of the query.
 *
 * Crash safety: the "pushed (job, trigger, material version)" row and the events commit in one
 * transaction through the outbox. A crash before the commit leaves nothing, and the job event
 * (its offset not committed) is handled again; after the commit, the row makes a redelivery a
 * no-op. matchId is derived from job, worker and material version, so even a second push of the
 * same version would carry the same ids, which dispatch stores once.
 */
@Injectable()
export class JobPushesService implements JobPushes {
  private readonly logger = new Logger(JobPushesService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly ranking: RankingService,
    private readonly declined: DeclinedPairsService,
    @Inject(APP_CONFIG) private readonly config: MatchingConfig,
    private readonly outbox: MatchesOutbox,
    private readonly weights: LiveRankingWeights,
  ) {}

  /** Pushes the jobs this trigger applies to; returns how many matches were pushed. */
  async push(trigger: JobTrigger, jobs: JobDocument[], now = new Date()): Promise<number> {
    const started = performance.now();
    const rule = RULES[trigger];
    const due = await this.notYetPushed(trigger, jobs.filter((job) => rule.applies(job, now) && isRecentChange(job, now, this.config)));
    let pushed = 0;
    for (let i = 0; i < due.length; i += JOBS_PER_ANNOUNCEMENT) {
      const jobsNow = due.slice(i, i + JOBS_PER_ANNOUNCEMENT);
      const ranked = await this.candidates(trigger, jobsNow, now);
      pushed += await this.announce(trigger, jobsNow.map((job, k) => ({ job, ...ranked[k] })), now);
      observeHop('consumer_to_outbox', LANE_OF_TRIGGER[trigger], performance.now() - started);
    }
    return pushed;
  }

  /** Each job's candidates, ranked with the weights of the job's province. */
  private async candidates(trigger: JobTrigger, jobs: JobDocument[], now: Date): Promise<{ candidates: RankedWorker[]; weightsVersion: number }[]> {
    const rule = RULES[trigger];
    const declined = await this.declined.workersWhoDeclined(jobs.map((job) => job.jobId));
    const started = performance.now();
    const applied = jobs.map((job) => this.weights.forJob(job));
    const requests = jobs.map((job, k) => ({ job, weights: applied[k].weights, pool: rule.pool, excludedWorkerIds: declined.get(job.jobId) ?? [] }));
    const ranked = await this.ranking.workersForJobs(requests, rule.topN(this.config), now, { maxConcurrentSearches: rule.maxConcurrentSearches });
    observeHop('candidates_query', LANE_OF_TRIGGER[trigger], performance.now() - started);
    return ranked.map((candidates, k) => ({ candidates, weightsVersion: applied[k].version }));
  }

  private async notYetPushed(trigger: JobTrigger, jobs: JobDocument[]): Promise<JobDocument[]> {
    if (!jobs.length) return [];
    const rows: { job_id: string; material_version: number }[] = await this.dataSource.query(
      `SELECT job_id, material_version FROM "${SCHEMA}".job_announcements WHERE job_id = ANY($1::uuid[]) AND trigger = $2`,
      [jobs.map((j) => j.jobId), trigger],
    );
    const done = new Map(rows.map((r) => [r.job_id, r.material_version]));
    return jobs.filter((job) => (done.get(job.jobId) ?? 0) < job.materialVersion);
  }

  /**
   * One transaction for the whole batch: claim each (job, trigger, material version) not pushed
   * yet — a concurrent or earlier run that claimed it wins — and put the claimed jobs' matches in
   * the outbox of the trigger's lane, job by job in ranking order.
   */
  private async announce(trigger: JobTrigger, announcements: { job: JobDocument; candidates: RankedWorker[]; weightsVersion: number }[], now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { job_id: string }[] = await manager.query(
        `INSERT INTO "${SCHEMA}".job_announcements (job_id, trigger, material_version, match_count, announced_at)
         SELECT job_id, $4, material_version, match_count, now() FROM unnest($1::uuid[], $2::int[], $3::int[]) AS a(job_id, material_version, match_count)
         ON CONFLICT (job_id, trigger) DO UPDATE SET material_version = EXCLUDED.material_version, match_count = EXCLUDED.match_count, announced_at = now()
         WHERE job_announcements.material_version < EXCLUDED.material_version
         RETURNING job_id`,
        [announcements.map((a) => a.job.jobId), announcements.map((a) => a.job.materialVersion), announcements.map((a) => a.candidates.length), trigger],
      );
      const claimed = new Set(rows.map((r) => r.job_id));
      const pushes = announcements.filter((a) => claimed.has(a.job.jobId)).map(({ job, candidates, weightsVersion }) => ({ job, weightsVersion, workers: candidates }));
      const events = await this.outbox.append(manager, trigger, pushes, now);
      const matches = pushes.reduce((sum, p) => sum + p.workers.length, 0);
      this.logger.debug(`${trigger}: ${claimed.size} job(s) pushed, ${matches} matches in ${events} events`);
      return matches;
    });
  }
}
