import { Logger } from '@nestjs/common';
import { type DataSource } from 'typeorm';

export interface PurgeTask {
  /** For logs and the result (`dispatch.deliveries`). */
  name: string;
  /** Deletes at most `limit` rows past retention; returns how many it deleted. */
  deleteBatch(dataSource: DataSource, limit: number): Promise<number>;
}

export interface RetentionPurgeOptions {
  /** Between runs. */
  everyMs: number;
  /** Rows per DELETE: each is a short transaction, so a purge never holds locks or a connection long. */
  batchSize?: number;
  /** Pause between batches, leaving the pool and the disk to the app's own work. */
  pauseMs?: number;
  /** At most this many batches per task and run; the rest waits for the next run. */
  maxBatchesPerRun?: number;
}

/**
 * `DELETE … WHERE ctid = ANY(ARRAY(SELECT ctid … LIMIT n))`: one bounded batch of the rows
 * `where` selects (a TID scan, no join), for a table with an index that answers `where`.
 */
export async function deleteBatchWhere(dataSource: DataSource, table: string, where: string, params: unknown[], limit: number): Promise<number> {
  const [, affected] = (await dataSource.query(
    `DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE ${where} LIMIT ${Math.floor(limit)}))`,
    params,
  )) as [unknown, number];
  return affected;
}

/**
 * Runs purge tasks every `everyMs`, each in batches until it has nothing left (or its batch
 * budget for the run is spent); a failure is logged and tried again at the next run. The loop is
 * the outbox relay's maintain() loop: a timer that shutdown cuts short.
 */
export class RetentionPurge {
  private readonly logger = new Logger(RetentionPurge.name);
  private readonly options: Required<RetentionPurgeOptions>;
  private running = false;
  private loop?: Promise<void>;
  private stopWaiting?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: PurgeTask[],
    options: RetentionPurgeOptions,
  ) {
    this.options = { batchSize: 1000, pauseMs: 50, maxBatchesPerRun: 1000, ...options };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopWaiting?.();
    await this.loop;
  }

  /** One run of every task now; rows deleted per task. Used by the loop and by tests. */
  async runOnce(): Promise<Record<string, number>> {
    const deleted: Record<string, number> = {};
    for (const task of this.tasks) {
      deleted[task.name] = 0;
      for (let batch = 0; batch < this.options.maxBatchesPerRun; batch++) {
        const n = await task.deleteBatch(this.dataSource, this.options.batchSize);
        deleted[task.name] += n;
        if (n < this.options.batchSize) break;
        await this.pause(this.options.pauseMs);
        if (!this.running && this.loop) break;
      }
    }
    return deleted;
  }

  private async run(): Promise<void> {
    while (this.running) {
      await this.pause(this.options.everyMs);
      if (!this.running) return;
      try {
        const deleted = await this.runOnce();
        const total = Object.values(deleted).reduce((a, b) => a + b, 0);
        if (total) this.logger.log(`retention purge: ${Object.entries(deleted).map(([name, n]) => `${n} from ${name}`).join(', ')}`);
      } catch (error) {
        this.logger.warn(`retention purge failed: ${(error as Error).message}; next in ${this.options.everyMs} ms`);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.stopWaiting = () => (clearTimeout(timer), resolve());
    });
  }
}
