import { deleteBatchWhere, PurgeTask, RetentionPurge } from '@laowu/persistence';
import { APP_CONFIG } from '@laowu/platform';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DispatchConfig } from '../dispatch.config';
import { SCHEMA } from '../schema';

/**
 * Deliveries older than `retainDays` that are done with: delivered or dead webhooks, and SSE-only
 * ones (`none`). A pending webhook delivery is never purged, however old: it is still due. A
 * stream reconnecting with a Last-Event-ID older than the retention gets what is left after it.
 */
export function deliveriesPurge(retainDays: number): PurgeTask {
  return {
    name: `${SCHEMA}.deliveries`,
    deleteBatch: (dataSource, limit) =>
      deleteBatchWhere(
        dataSource,
        `"${SCHEMA}".deliveries`,
        `webhook_status <> 'pending' AND created_at < now() - ($1::int * interval '1 day')`,
        [retainDays],
        limit,
      ),
  };
}

/** Runs the deliveries purge every RETENTION_PURGE_EVERY_MS, in bounded batches. */
@Injectable()
export class DeliveryRetention implements OnApplicationBootstrap, OnModuleDestroy {
  readonly purge: RetentionPurge;

  constructor(dataSource: DataSource, @Inject(APP_CONFIG) config: DispatchConfig) {
    this.purge = new RetentionPurge(dataSource, [deliveriesPurge(config.DELIVERY_RETENTION_DAYS)], { everyMs: config.RETENTION_PURGE_EVERY_MS });
  }

  onApplicationBootstrap(): void {
    this.purge.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.purge.stop();
  }
}
