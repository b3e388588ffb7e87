import { type WorkerChangedData } from '@laowu/contracts';
import { latestPerId } from '@laowu/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * The workers view from the compacted workers topic. Idempotent by the worker's external version:
 * a replay or a stale duplicate changes nothing (`WHERE worker_view.version < EXCLUDED.version`),
 * and a batch is one statement, so a crash applies none of it and the redelivery applies it all.
 */
@Injectable()
export class WorkersViewService {
  constructor(private readonly dataSource: DataSource) {}

  async apply(events: readonly WorkerChangedData[]): Promise<void> {
    const workers = latestPerId([...events], (w) => w.workerId);
    if (!workers.length) return;
    await this.dataSource.query(
      `INSERT INTO "${SCHEMA}".worker_view (worker_id, station_id, version)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[])
       ON CONFLICT (worker_id) DO UPDATE SET station_id = EXCLUDED.station_id, version = EXCLUDED.version
       WHERE worker_view.version < EXCLUDED.version`,
      [workers.map((w) => w.workerId), workers.map((w) => w.stationId), workers.map((w) => w.version)],
    );
  }

  /** The station that registered the worker, or undefined while the view does not know the worker. */
  async stationOf(workerId: string): Promise<string | undefined> {
    const rows: { station_id: string }[] = await this.dataSource.query(`SELECT station_id FROM "${SCHEMA}".worker_view WHERE worker_id = $1`, [workerId]);
    return rows[0]?.station_id;
  }
}
