import { Principal } from '@laowu/auth';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SCHEMA } from '../schema';
import { seatableWorkersPattern, workerOfRegionSql } from './batch.access';
import { AcceptedMatchPageResponse } from './accepted-match.response.dto';

interface Row {
  id: string;
  job_id: string;
  worker_id: string;
  station_id: string;
  score: number;
  status_changed_at: Date;
  on_active_batch: boolean;
}

/**
 * The accepted matches a coordinator seats a batch from (the other source being the
 * willing-to-migrate list): for the given jobs, of the workers it may seat (seatableWorkersPattern,
 * the seating rule), newest acceptance first. A worker dispatch does not know yet is left out for a
 * coordinator, as seating would refuse them.
 */
@Injectable()
export class AcceptedMatchesService {
  constructor(private readonly dataSource: DataSource) {}

  async page(principal: Principal, jobIds: string[], page: number, pageSize: number): Promise<AcceptedMatchPageResponse> {
    const from = `
      FROM "${SCHEMA}".matches m
      LEFT JOIN "${SCHEMA}".worker_view wv ON wv.worker_id = m.worker_id
     WHERE m.job_id = ANY($1::uuid[]) AND m.status = 'accepted'
       AND ($2::text IS NULL OR ${workerOfRegionSql('wv', '$2')})`;
    const params = [jobIds, seatableWorkersPattern(principal)];
    const [rows, [{ total }]]: [Row[], { total: number }[]] = await Promise.all([
      this.dataSource.query(
        `SELECT m.id, m.job_id, m.worker_id, m.station_id, m.score, m.status_changed_at,
                EXISTS (SELECT 1 FROM "${SCHEMA}".batch_workers bw WHERE bw.worker_id = m.worker_id AND bw.active) AS on_active_batch
         ${from}
         ORDER BY m.status_changed_at DESC, m.id
         LIMIT $3 OFFSET $4`,
        [...params, pageSize, (page - 1) * pageSize],
      ),
      this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params),
    ]);
    const items = rows.map((r) => ({
      matchId: r.id,
      jobId: r.job_id,
      workerId: r.worker_id,
      stationId: r.station_id,
      score: r.score,
      acceptedAt: new Date(r.status_changed_at).toISOString(),
      onActiveBatch: r.on_active_batch,
    }));
    return { items, total, page, pageSize };
  }
}
