import { APP_CONFIG, APP_NAME } from '@laowu/platform';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
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
export class JobExpirySweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobExpirySweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: JobCollectionConfig,
    @Inject(APP_NAME) private readonly producer: string,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Expires everything due now; returns how many jobs expired. */
  async sweep(): Promise<number> {
    let total = 0;
    for (let expired = await this.sweepBatch(); expired > 0; expired = await this.sweepBatch()) total += expired;
    return total;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweep()
        .then((expired) => {
          if (expired) this.logger.log(`expired ${expired} jobs`);
        })
        .catch((error: Error) => this.logger.warn(`expiry sweep failed: ${error.message}`))
        .finally(() => this.schedule());
    }, this.config.EXPIRY_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  private sweepBatch(): Promise<number> {
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
