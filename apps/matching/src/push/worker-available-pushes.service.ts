import { EmploymentStatus } from '@laowu/contracts';
import { latestPerId } from '@laowu/messaging';
import { APP_CONFIG, observeHop } from '@laowu/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkerPushes } from '../indexing/triggered-pushes';
import { WorkerDocument } from '../indexing/worker.document';
import { MatchingConfig } from '../matching.config';
import { diversityPolicy } from '../ranking/diversify';
import { RankedJob, RankingService } from '../ranking/ranking.service';
import { LiveRankingWeights } from '../ranking-weights/live-ranking-weights';
import { SCHEMA } from '../schema';
import { DeclinedPairsService } from './declined-pairs.service';
import { JobPush } from './matches-found.event';
import { MatchesOutbox } from './matches-outbox';
import { isRecentChange } from './push-age';

/** Statuses in which a worker looks for work (转岗服务, 十四). */
const LOOKING: ReadonlySet<EmploymentStatus> = new Set(['unemployed', 'seeking']);

/** Rankings run side by side for a batch of workers (each is 2–3 searches). */
const CONCURRENT_RANKINGS = 4;

/** A worker's best jobs and the weights version they were ranked with. */
interface BestJobs {
  jobs: RankedJob[];
  weightsVersion: number;
}

interface SeenState {
  version: number;
  employmentStatus: EmploymentStatus;
}

/**
 * Whether this worker event is a worker becoming available: registered (version 1, never seen),
 * or an employment status that changed to unemployed or seeking — and available for work now.
 * A profile edit of a worker already looking, or a worker first seen at a later version (matching
 * joined after the registration), is not.
 */
export function becameAvailable(worker: WorkerDocument, seen: SeenState | undefined): boolean {
  if (!worker.available || !LOOKING.has(worker.employmentStatus)) return false;
  if (!seen) return worker.version === 1;
  return seen.version < worker.version && seen.employmentStatus !== worker.employmentStatus;
}

/**
 * becameAvailable along the states of one worker a batch carries (a registration and a status
 * change a moment later can arrive together): each state is compared with the one before it,
 * the first with what was seen before the batch; the worker must still be looking at the last.
 */
export function becameAvailableWithin(states: WorkerDocument[], seen: SeenState | undefined): boolean {
  const ordered = [...states].sort((a, b) => a.version - b.version);
  const last = ordered[ordered.length - 1];
  if (!last.available || !LOOKING.has(last.employmentStatus)) return false;
  return ordered.some((state, i) => {
    const before = i === 0 ? seen : { version: ordered[i - 1].version, employmentStatus: ordered[i - 1].employmentStatus };
    return becameAvailable(state, before);
  });
}

/**
 * worker_available pushes (standard lane): a worker who was registered or became unemployed or
 * seeking gets their best open jobs (top N, declined pairs left out, diversified as
 * matches-for-worker is: ranking/diversify.ts) pushed to their station, one MatchesFound per job.
 *
 * Every worker event updates the worker's last seen (version, status) in worker_push_states, in
 * the same transaction as the pushes' outbox rows, guarded by the version: a redelivery or a
 * replay finds the version already seen and pushes nothing; a crash before the commit leaves
 * nothing and the batch is handled again.
 */
@Injectable()
export class WorkerAvailablePushesService implements WorkerPushes {
  private readonly logger = new Logger(WorkerAvailablePushesService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly ranking: RankingService,
    private readonly declined: DeclinedPairsService,
    @Inject(APP_CONFIG) private readonly config: MatchingConfig,
    private readonly outbox: MatchesOutbox,
    private readonly weights: LiveRankingWeights,
  ) {}

  /** `states`: every worker state of a batch, several per worker possibly. Returns how many matches were pushed. */
  async push(states: WorkerDocument[], now = new Date()): Promise<number> {
    if (!states.length) return 0;
    const started = performance.now();
    const statesOf = new Map<string, WorkerDocument[]>();
    for (const state of states) statesOf.set(state.workerId, [...(statesOf.get(state.workerId) ?? []), state]);
    const workers = latestPerId(states, (state) => state.workerId);
    const seen = await this.lastSeen(workers.map((w) => w.workerId));
    const due = workers.filter(
      (worker) => isRecentChange(worker, now, this.config) && becameAvailableWithin(statesOf.get(worker.workerId)!, seen.get(worker.workerId)),
    );
    const bestJobs = await this.bestJobs(due, now);
    const pushed = await this.commit(workers, due, bestJobs, now);
    if (due.length) observeHop('consumer_to_outbox', 'standard', performance.now() - started);
    return pushed;
  }

  private async lastSeen(workerIds: string[]): Promise<Map<string, SeenState>> {
    const rows: { worker_id: string; version: number; employment_status: EmploymentStatus }[] = await this.dataSource.query(
      `SELECT worker_id, version, employment_status FROM "${SCHEMA}".worker_push_states WHERE worker_id = ANY($1::uuid[])`,
      [workerIds],
    );
    return new Map(rows.map((r) => [r.worker_id, { version: r.version, employmentStatus: r.employment_status }]));
  }

  /** Each worker's best jobs, ranked with the weights of the worker's residence province. */
  private async bestJobs(workers: WorkerDocument[], now: Date): Promise<Map<string, BestJobs>> {
    const declined = await this.declined.jobsDeclinedBy(workers.map((w) => w.workerId));
    const best = new Map<string, BestJobs>();
    const topN = this.config.WORKER_AVAILABLE_TOP_N;
    const policy = diversityPolicy(this.config, topN);
    for (let i = 0; i < workers.length; i += CONCURRENT_RANKINGS) {
      await Promise.all(
        workers.slice(i, i + CONCURRENT_RANKINGS).map(async (worker) => {
          const { version, weights } = this.weights.forWorker(worker);
          const jobs = await this.ranking.diversifiedJobsForWorker(worker, policy, topN, weights, now, declined.get(worker.workerId));
          best.set(worker.workerId, { jobs, weightsVersion: version });
        }),
      );
    }
    return best;
  }

  /** Records every worker's state; pushes for the due ones whose version this run recorded first. */
  private async commit(workers: WorkerDocument[], due: WorkerDocument[], bestJobs: Map<string, BestJobs>, now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const dueIds = new Set(due.map((w) => w.workerId));
      const rows: { worker_id: string }[] = await manager.query(
        `INSERT INTO "${SCHEMA}".worker_push_states (worker_id, version, employment_status, announced_at)
         SELECT worker_id, version, employment_status, CASE WHEN pushed THEN now() END
         FROM unnest($1::uuid[], $2::int[], $3::text[], $4::bool[]) AS s(worker_id, version, employment_status, pushed)
         ON CONFLICT (worker_id) DO UPDATE SET version = EXCLUDED.version, employment_status = EXCLUDED.employment_status,
           announced_at = coalesce(EXCLUDED.announced_at, worker_push_states.announced_at)
         WHERE worker_push_states.version < EXCLUDED.version
         RETURNING worker_id`,
        [workers.map((w) => w.workerId), workers.map((w) => w.version), workers.map((w) => w.employmentStatus), workers.map((w) => dueIds.has(w.workerId))],
      );
      const claimed = new Set(rows.map((r) => r.worker_id));
      const pushes: JobPush[] = due
        .filter((worker) => claimed.has(worker.workerId))
        .flatMap((worker) => {
          const best = bestJobs.get(worker.workerId);
          return (best?.jobs ?? []).map(({ job, score, reasons }) => ({ job, weightsVersion: best!.weightsVersion, workers: [{ worker, score, reasons }] }));
        });
      await this.outbox.append(manager, 'worker_available', pushes, now);
      if (pushes.length) this.logger.debug(`worker_available: ${claimed.size} worker(s) seen, ${pushes.length} matches pushed`);
      return pushes.length;
    });
  }
}
