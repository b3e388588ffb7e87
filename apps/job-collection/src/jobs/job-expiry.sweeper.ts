import { APP_CONFIG, APP_NAME, PeriodicSweeper } from '@laowu/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobCollectionConfig } from '../job-collection.config';
import { SCHEMA } from '../schema';
import { appendJobChanges } from './job-changed.event';
import { JobEntity } from './job.entity';

const SWEEP_BATCH = 500;

/**
 * Marks open jobs whose endAt has passed as `expired`, each with a `job.changed` event. Each batch
 * is one transaction (rows locked FOR UPDATE SKIP LOCKED, status + version updated, events
 * appended): several instances sweep side by side without taking the same job twice, and a crash
 * mid-batch rolls the whole batch back to be swept again.
 */
@Injectable()
export class JobExpirySweeper extends PeriodicSweeper {
  protected readonly logger = new Logger(JobExpirySweeper.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: JobCollectionConfig,
    @Inject(APP_NAME) private readonly producer: string,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.config.EXPIRY_SWEEP_INTERVAL_MS;
  }

  protected describe(count: number): string {
    return `expired ${count} jobs`;
  }

  protected sweepBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(JobEntity, 'job')
        .where(`job.status = 'open' AND job.end_at IS NOT NULL AND job.end_at <= now()`)
        .orderBy('job.end_at')
        .limit(SWEEP_BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (!due.length) return 0;
      const now = new Date();
      for (const job of due) Object.assign(job, { status: 'expired', version: job.version + 1, updatedAt: now });
      await manager.query(`UPDATE "${SCHEMA}".jobs SET status = 'expired', version = version + 1, updated_at = $2 WHERE id = ANY($1::uuid[])`, [
        due.map((job) => job.id),
        now,
      ]);
      await appendJobChanges(manager, due, 'expired', this.producer);
      return due.length;
    });
  }
}
