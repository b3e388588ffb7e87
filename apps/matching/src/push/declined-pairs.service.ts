import { MatchStatusChangedData } from '@laowu/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * The (job, worker) pairs stations declined, from dispatch's MatchStatusChanged events: the push
 * engine leaves them out of every candidates query and the worker's matches list leaves the job
 * out. Recording is idempotent (a pair is declined once; a replay changes nothing).
 */
@Injectable()
export class DeclinedPairsService {
  constructor(private readonly dataSource: DataSource) {}

  async record(changes: MatchStatusChangedData[]): Promise<void> {
    const declined = changes.filter((c) => c.status === 'declined');
    if (!declined.length) return;
    await this.dataSource.query(
      `INSERT INTO "${SCHEMA}".declined_pairs (worker_id, job_id, declined_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) ON CONFLICT DO NOTHING`,
      [declined.map((c) => c.workerId), declined.map((c) => c.jobId), declined.map((c) => c.changedAt)],
    );
  }

  /** Per worker, the jobs it declined. */
  async jobsDeclinedBy(workerIds: string[]): Promise<Map<string, string[]>> {
    return this.grouped(`SELECT worker_id AS owner, job_id AS other FROM "${SCHEMA}".declined_pairs WHERE worker_id = ANY($1::uuid[])`, workerIds);
  }

  /** Per job, the workers who declined it. */
  async workersWhoDeclined(jobIds: string[]): Promise<Map<string, string[]>> {
    return this.grouped(`SELECT job_id AS owner, worker_id AS other FROM "${SCHEMA}".declined_pairs WHERE job_id = ANY($1::uuid[])`, jobIds);
  }

  private async grouped(sql: string, ids: string[]): Promise<Map<string, string[]>> {
    const grouped = new Map<string, string[]>();
    if (!ids.length) return grouped;
    const rows: { owner: string; other: string }[] = await this.dataSource.query(sql, [ids]);
    for (const { owner, other } of rows) (grouped.get(owner) ?? grouped.set(owner, []).get(owner)!).push(other);
    return grouped;
  }
}
