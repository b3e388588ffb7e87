import { createEnvelope, deterministicUuid, MatchFound, MatchFoundData, TOPICS } from '@laowu/contracts';
import { appendToOutbox } from '@laowu/messaging';
import { APP_CONFIG } from '@laowu/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ABOUT_NAME } from '../about';
import { JobDocument, jobSummary } from '../indexing/job.document';
import { MatchingConfig } from '../matching.config';
import { instantWorkerFilters } from '../ranking/ranking.queries';
import { RankedWorker, RankingService } from '../ranking/ranking.service';
import { SCHEMA } from '../schema';

/** Kinds of job that are announced the moment they arrive (零工 gig work, or flagged instant). */
export function isInstantCandidate(job: JobDocument, now: Date): boolean {
  if (job.status !== 'open' || job.headcountLeft <= 0) return false;
  if (job.kind !== 'gig' && !job.instant) return false;
  const passed = (at?: string) => at !== undefined && Date.parse(at) < now.getTime();
  return !passed(job.startAt) && !passed(job.endAt);
}

/**
 * Jobs whose candidates are queried together (one _msearch) and announced in one transaction:
 * enough to keep the search engine's threads busy, few enough that a catch-up batch of gig jobs
 * (up to 50 MatchFound each) does not hold thousands of events in memory at once.
 */
const JOBS_PER_ANNOUNCEMENT = 20;

/**
 * Instant hiring (即时快招, 九): for an open gig or instant job, new or materially changed, one
 * candidates query against `workers`; the top N become MatchFound events, keyed by station.
 *
 * Crash safety: the "announced (job, material version)" row and the MatchFound events commit in
 * one transaction through the outbox. A crash before the commit leaves nothing, and the job event
 * (its offset not committed) is handled again; after the commit, the row makes a redelivery a
 * no-op. matchId is derived from job, worker and material version, so even a second
 * announcement of the same version would carry the same ids.
 */
@Injectable()
export class InstantHiringService {
  private readonly logger = new Logger(InstantHiringService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly ranking: RankingService,
    @Inject(APP_CONFIG) private readonly config: MatchingConfig,
  ) {}

  async handle(jobs: JobDocument[], now = new Date()): Promise<number> {
    const fresh = (job: JobDocument) => now.getTime() - Date.parse(job.updatedAt) <= this.config.INSTANT_MAX_AGE_SECONDS * 1000;
    const due = await this.notYetAnnounced(jobs.filter((job) => isInstantCandidate(job, now) && fresh(job)));
    let announced = 0;
    for (let i = 0; i < due.length; i += JOBS_PER_ANNOUNCEMENT) {
      const jobsNow = due.slice(i, i + JOBS_PER_ANNOUNCEMENT);
      const candidates = await this.ranking.workersForJobs(jobsNow.map((job) => ({ job, extraFilters: instantWorkerFilters(job) })), this.config.INSTANT_TOP_N, now);
      announced += await this.announce(jobsNow.map((job, k) => ({ job, candidates: candidates[k] })), now);
    }
    return announced;
  }

  private async notYetAnnounced(jobs: JobDocument[]): Promise<JobDocument[]> {
    if (!jobs.length) return [];
    const rows: { job_id: string; material_version: number }[] = await this.dataSource.query(
      `SELECT job_id, material_version FROM "${SCHEMA}".instant_announcements WHERE job_id = ANY($1::uuid[])`,
      [jobs.map((j) => j.jobId)],
    );
    const done = new Map(rows.map((r) => [r.job_id, r.material_version]));
    return jobs.filter((job) => (done.get(job.jobId) ?? 0) < job.materialVersion);
  }

  /**
   * One transaction for the whole batch: claim each (job, material version) not announced yet —
   * a concurrent or earlier run that claimed it wins — and put the claimed jobs' matches in the
   * outbox, job by job in ranking order.
   */
  private async announce(announcements: { job: JobDocument; candidates: RankedWorker[] }[], now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { job_id: string }[] = await manager.query(
        `INSERT INTO "${SCHEMA}".instant_announcements (job_id, material_version, match_count, announced_at)
         SELECT job_id, material_version, match_count, now() FROM unnest($1::uuid[], $2::int[], $3::int[]) AS a(job_id, material_version, match_count)
         ON CONFLICT (job_id) DO UPDATE SET material_version = EXCLUDED.material_version, match_count = EXCLUDED.match_count, announced_at = now()
         WHERE instant_announcements.material_version < EXCLUDED.material_version
         RETURNING job_id`,
        [announcements.map((a) => a.job.jobId), announcements.map((a) => a.job.materialVersion), announcements.map((a) => a.candidates.length)],
      );
      const claimed = new Set(rows.map((r) => r.job_id));
      const envelopes = announcements
        .filter((a) => claimed.has(a.job.jobId))
        .flatMap(({ job, candidates }) => candidates.map((c) => createEnvelope(MatchFound, matchFound(job, c, now), { producer: ABOUT_NAME })));
      await appendToOutbox(manager, SCHEMA, TOPICS.matches, envelopes);
      this.logger.debug(`${claimed.size} job(s) announced: ${envelopes.length} instant matches`);
      return envelopes.length;
    });
  }
}

function matchFound(job: JobDocument, candidate: RankedWorker, now: Date): MatchFoundData {
  return {
    matchId: deterministicUuid(`${job.jobId}:${candidate.worker.workerId}:${job.materialVersion}`),
    jobId: job.jobId,
    jobMaterialVersion: job.materialVersion,
    workerId: candidate.worker.workerId,
    stationId: candidate.worker.stationId,
    score: candidate.score,
    reasons: candidate.reasons,
    job: jobSummary(job),
    createdAt: now.toISOString(),
  };
}
