import { WorkerArrivedData } from '@laowu/contracts';
import { markProcessedOnce } from '@laowu/messaging';
import { APP_NAME } from '@laowu/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SCHEMA } from '../schema';
import { appendJobChanges } from './job-changed.event';
import { JobEntity } from './job.entity';

const CONSUMER = 'job-collection.worker-arrived';

export type ArrivalOutcome = 'counted' | 'duplicate' | 'unknown_job';

/**
 * A dispatched worker arrived (WorkerArrived): the job's `filled` rises by one, and an open job
 * whose filled reaches headcount becomes `filled`. The inbox mark, the job row and the event
 * commit in one transaction, so a redelivered arrival (same event id) counts once and a crash
 * before commit is simply redelivered. `filled_count` changes keep the materialVersion.
 */
@Injectable()
export class JobFillService {
  private readonly logger = new Logger(JobFillService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_NAME) private readonly producer: string,
  ) {}

  async recordArrival(eventId: string, arrival: WorkerArrivedData): Promise<ArrivalOutcome> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await markProcessedOnce(manager, SCHEMA, CONSUMER, eventId))) return 'duplicate';
      const job = await manager.findOne(JobEntity, { where: { id: arrival.jobId }, lock: { mode: 'pessimistic_write' } });
      if (!job) {
        this.logger.warn(`arrival ${eventId} names unknown job ${arrival.jobId}; skipped`);
        return 'unknown_job';
      }
      if (job.agencyId !== arrival.agencyId) {
        // The job id decides what was filled; a mismatching agency id is dispatch's data to fix.
        this.logger.warn(`arrival ${eventId} for job ${job.id} names agency ${arrival.agencyId}, not the job's; counted`);
      }
      job.filled += 1;
      if (job.status === 'open' && job.filled >= job.headcount) job.status = 'filled';
      job.version += 1;
      job.updatedAt = new Date();
      await manager.save(job);
      await appendJobChanges(manager, [job], 'filled_count', this.producer);
      return 'counted';
    });
  }
}
