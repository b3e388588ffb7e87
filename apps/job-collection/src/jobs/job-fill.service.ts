import { type PlacementEndedData, type PlacementStartedData } from '@laowu/contracts';
import { markProcessedOnce } from '@laowu/messaging';
import { APP_NAME } from '@laowu/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SCHEMA } from '../schema';
import { appendJobChanges } from './job-changed.event';
import { freeSeat, freesSeat, takeSeat } from './job-seats';
import { JobEntity } from './job.entity';

/** The inbox name under which placement events are marked processed. */
const CONSUMER = 'job-collection.placements';

/**
 * changed: the job has a new version and event; unchanged: nothing to free (filled was 0);
 * duplicate: this event was applied before; unknown_job: no such job (logged, skipped);
 * no_seat: the placement holds no seat in a job (no jobId, or an ended placement that ran its term).
 */
export type FillOutcome = 'changed' | 'unchanged' | 'duplicate' | 'unknown_job' | 'no_seat';

/**
 * Keeps a job's `filled` equal to the placements in it (就业, whatever their source: match, batch
 * arrival or direct hire), from dispatch's PlacementStarted / PlacementEnded. Each event is one
 * transaction: the inbox mark (`markProcessedOnce` on the envelope id), the job row (filled,
 * status, version + 1) and its `job.changed` event (change `filled_count`, materialVersion kept)
 * commit together or not at all. A crash before commit leaves nothing and the event is
 * redelivered; after commit, a redelivery (same envelope id) finds the mark and changes nothing,
 * so each placement moves `filled` exactly once.
 */
@Injectable()
export class JobFillService {
  private readonly logger = new Logger(JobFillService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_NAME) private readonly producer: string,
  ) {}

  /** A placement started in a job: filled + 1; an open job reaching its headcount becomes `filled`. */
  async recordPlacementStarted(eventId: string, started: PlacementStartedData): Promise<FillOutcome> {
    if (started.jobId === undefined) return 'no_seat';
    return this.changeSeats(eventId, started.jobId, (job) => {
      takeSeat(job);
      job.placementsStarted += 1; // per-brand figures count every placement ever started
      return true;
    });
  }

  /**
   * A placement ended: before its term (any reason but `contract_end`) it frees its seat,
   * filled − 1 (never below 0) and a `filled` job is open again; a contract that ran its term
   * leaves `filled` alone (nothing written).
   */
  async recordPlacementEnded(eventId: string, ended: PlacementEndedData): Promise<FillOutcome> {
    if (!freesSeat(ended)) return 'no_seat';
    return this.changeSeats(eventId, ended.jobId, freeSeat);
  }

  /** One transaction: inbox mark, locked job row changed by `change`, new version and its event. */
  private async changeSeats(eventId: string, jobId: string, change: (job: JobEntity) => boolean): Promise<FillOutcome> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await markProcessedOnce(manager, SCHEMA, CONSUMER, eventId))) return 'duplicate';
      const job = await manager.findOne(JobEntity, { where: { id: jobId }, lock: { mode: 'pessimistic_write' } });
      if (!job) {
        this.logger.warn(`placement event ${eventId} names unknown job ${jobId}; skipped`);
        return 'unknown_job';
      }
      if (!change(job)) return 'unchanged';
      job.version += 1;
      job.updatedAt = new Date();
      await manager.save(job);
      await appendJobChanges(manager, [job], 'filled_count', this.producer);
      return 'changed';
    });
  }
}
