import { TOPICS } from '@laowu/contracts';
import { chinaDate } from '@laowu/domain';
import { appendToOutbox } from '@laowu/messaging';
import { APP_CONFIG, APP_NAME, PeriodicSweeper } from '@laowu/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DispatchConfig } from '../dispatch.config';
import { SCHEMA } from '../schema';
import { endPlacement } from './placement-ledger';
import { PlacementEntity } from './placement.entity';

const SWEEP_BATCH = 100;

/**
 * Ends active placements whose planned end has come: a public-welfare post's (十六) once its end has
 * passed, a 共享用工 placement on its return date (the worker goes back to the lending employer
 * that day); reason `contract_end`, endDate = the planned end, each with its PlacementEnded. Each batch is one
 * transaction: rows locked FOR UPDATE SKIP LOCKED so several instances sweep side by side without
 * taking the same placement twice, and the worker's lock only tried (a worker someone is placing
 * or ending right now is left for the next sweep, so the sweeper never waits in a lock order of
 * its own). A crash mid-batch rolls the whole batch back to be swept again.
 */
@Injectable()
export class PlacementExpirySweeper extends PeriodicSweeper {
  protected readonly logger = new Logger(PlacementExpirySweeper.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: DispatchConfig,
    @Inject(APP_NAME) private readonly producer: string,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.config.PLACEMENT_SWEEP_INTERVAL_MS;
  }

  protected describe(count: number): string {
    return `ended ${count} placements at their planned end`;
  }

  protected sweepBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(PlacementEntity, 'p')
        .where(`p.active AND p.planned_end_date IS NOT NULL AND (p.planned_end_date < :today OR (p.source = 'sharing' AND p.planned_end_date = :today))`, {
          today: chinaDate(),
        })
        .orderBy('p.planned_end_date')
        .addOrderBy('p.id')
        .limit(SWEEP_BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      const events = [];
      for (const placement of due) {
        if (!(await this.tryLockWorker(manager, placement.workerId))) continue;
        events.push(await endPlacement(manager, placement, { endDate: placement.plannedEndDate!, reason: 'contract_end' }, this.producer));
      }
      await appendToOutbox(manager, SCHEMA, TOPICS.dispatch, events);
      return events.length;
    });
  }

  private async tryLockWorker(manager: EntityManager, workerId: string): Promise<boolean> {
    const [{ locked }]: { locked: boolean }[] = await manager.query(
      `SELECT pg_try_advisory_xact_lock(hashtextextended('dispatch.worker:' || $1::text, 0)) AS locked`,
      [workerId],
    );
    return locked;
  }
}
