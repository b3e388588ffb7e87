import { Principal } from '@laowu/auth';
import { chinaDate } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SCHEMA } from '../schema';
import { ERRORS } from '../worker-profiles.errors';
import { canRead, canWrite, forbiddenWorker } from '../workers/worker.access';
import { Worker } from '../workers/worker.entity';
import { RecordIncomeRequest } from './record-income.request.dto';
import { WorkerIncome } from './worker-income.entity';

interface IncomeRow {
  worker_id: string;
  month: string;
  flexible_income: string;
  recorded_by: string;
  recorded_at: Date;
}

/**
 * Monthly flexible income (灵活就业收入) of a worker, recorded by the worker's station (十六: a
 * worker in a public-welfare post whose income passes the monitoring line must leave it). One
 * figure per month: the same month again replaces it. Access comes first, as for the worker
 * (worker.access): a caller without it gets 403, the same body whether the worker exists or not
 * (admin: 404 for a missing worker).
 */
@Injectable()
export class IncomeService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One statement writes the month (insert, or replace the figure already there), so a crash
   * leaves either the old figure or the new one. `created`: the month was not on record before.
   */
  async record(principal: Principal, workerId: string, request: RecordIncomeRequest): Promise<{ income: WorkerIncome; created: boolean }> {
    await this.accessibleWorker(principal, workerId, canWrite);
    if (request.month > chinaDate().slice(0, 7)) {
      throw DomainError.unprocessable(ERRORS.INCOME_FUTURE_MONTH, [{ field: 'month', problem: 'must not be in the future' }]);
    }
    const [row]: (IncomeRow & { created: boolean })[] = await this.dataSource.query(
      `INSERT INTO "${SCHEMA}".worker_income (worker_id, month, flexible_income, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (worker_id, month) DO UPDATE
         SET flexible_income = EXCLUDED.flexible_income, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at
       RETURNING worker_id, month, flexible_income, recorded_by, recorded_at, (xmax = 0) AS created`,
      [workerId, request.month, request.flexibleIncome, `${principal.role}:${principal.sub}`],
    );
    const income = Object.assign(new WorkerIncome(), {
      workerId: row.worker_id,
      month: row.month,
      flexibleIncome: Number(row.flexible_income),
      recordedBy: row.recorded_by,
      recordedAt: row.recorded_at,
    });
    return { income, created: row.created };
  }

  /** The months on record, oldest first. */
  async months(principal: Principal, workerId: string): Promise<WorkerIncome[]> {
    await this.accessibleWorker(principal, workerId, canRead);
    return this.dataSource.getRepository(WorkerIncome).find({ where: { workerId }, order: { month: 'ASC' } });
  }

  private async accessibleWorker(principal: Principal, workerId: string, allowed: (principal: Principal, worker: Worker) => boolean): Promise<void> {
    const worker = await this.dataSource.manager.findOne(Worker, { where: { id: workerId }, select: { id: true, stationId: true, residenceRegionCode: true } });
    if (!worker) throw principal.role === 'admin' ? DomainError.notFound(ERRORS.WORKER_NOT_FOUND, 'worker') : forbiddenWorker();
    if (!allowed(principal, worker)) throw forbiddenWorker();
  }
}
