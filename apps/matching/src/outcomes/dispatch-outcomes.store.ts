import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AcceptedHistory } from './ranking-context';
import { SCHEMA } from '../schema';
import { type OutcomeCounts } from './outcome-rates';

/** A station's decision on a match, with what the jobs index knew of the job (none when it is gone). */
export interface MatchDecision {
  matchId: string;
  status: 'accepted' | 'declined';
  jobId: string;
  workerId: string;
  agencyId?: string;
  jobKind?: string;
  cityCode?: string;
  changedAt: string;
}

/** A worker who arrived at (started work in) a job: WorkerArrived or PlacementStarted. */
export interface Arrival {
  jobId: string;
  workerId: string;
  jobKind?: string;
  cityCode?: string;
  arrivedAt: string;
}

/** The scope of a rate: the job's agency, or the job itself. */
export type RateScope = 'agency' | 'job';

/**
 * The dispatch outcomes matching learns from, in its PostgreSQL: one row per decided match and
 * status, one per arrived (job, worker) pair. Writes are idempotent (ON CONFLICT DO NOTHING on
 * those keys), so a redelivered event, or the same arrival told by both WorkerArrived and
 * PlacementStarted, never counts twice; the rates are counted from the rows.
 */
@Injectable()
export class DispatchOutcomesStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Both kinds in one transaction. A crash halfway rolls it back; the consumer has not committed
   * the batch's offsets, so it is delivered again and written whole (rows already there are kept).
   */
  async record(decisions: MatchDecision[], arrivals: Arrival[]): Promise<void> {
    if (!decisions.length && !arrivals.length) return;
    await this.dataSource.transaction(async (manager) => {
      if (decisions.length) {
        await manager.query(
          `INSERT INTO "${SCHEMA}".match_outcomes (match_id, status, job_id, worker_id, agency_id, job_kind, city_code, changed_at)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
           ON CONFLICT DO NOTHING`,
          [
            decisions.map((d) => d.matchId),
            decisions.map((d) => d.status),
            decisions.map((d) => d.jobId),
            decisions.map((d) => d.workerId),
            decisions.map((d) => d.agencyId ?? null),
            decisions.map((d) => d.jobKind ?? null),
            decisions.map((d) => d.cityCode ?? null),
            decisions.map((d) => d.changedAt),
          ],
        );
      }
      if (arrivals.length) {
        await manager.query(
          `INSERT INTO "${SCHEMA}".worker_arrivals (job_id, worker_id, job_kind, city_code, arrived_at)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[])
           ON CONFLICT DO NOTHING`,
          [arrivals.map((a) => a.jobId), arrivals.map((a) => a.workerId), arrivals.map((a) => a.jobKind ?? null), arrivals.map((a) => a.cityCode ?? null), arrivals.map((a) => a.arrivedAt)],
        );
      }
    });
  }

  /**
   * Per agency or job: its decided and accepted matches, its accepted (job, worker) pairs and how
   * many of those arrived (an arrival without an accepted match, a batch hire, is not counted).
   */
  async counts(scope: RateScope): Promise<OutcomeCounts[]> {
    const key = scope === 'agency' ? 'agency_id' : 'job_id::text';
    const rows: { id: string; decided: string; accepted: string; accepted_pairs: string; arrived_pairs: string }[] = await this.dataSource.query(
      `WITH decided AS (
         SELECT ${key} AS id, count(DISTINCT match_id) AS decided, count(DISTINCT match_id) FILTER (WHERE status = 'accepted') AS accepted
         FROM "${SCHEMA}".match_outcomes WHERE ${key} IS NOT NULL GROUP BY 1
       ), pairs AS (
         SELECT DISTINCT ${key} AS id, job_id, worker_id FROM "${SCHEMA}".match_outcomes WHERE status = 'accepted' AND ${key} IS NOT NULL
       )
       SELECT d.id, d.decided, d.accepted, count(p.job_id) AS accepted_pairs, count(a.job_id) AS arrived_pairs
       FROM decided d
       LEFT JOIN pairs p ON p.id = d.id
       LEFT JOIN "${SCHEMA}".worker_arrivals a ON a.job_id = p.job_id AND a.worker_id = p.worker_id
       GROUP BY d.id, d.decided, d.accepted`,
    );
    return rows.map((r) => ({ id: r.id, decided: Number(r.decided), accepted: Number(r.accepted), acceptedPairs: Number(r.accepted_pairs), arrivedPairs: Number(r.arrived_pairs) }));
  }

  /** The kinds and cities of the jobs the worker was accepted for or arrived at; undefined when none. */
  async historyOf(workerId: string): Promise<AcceptedHistory | undefined> {
    const rows: { kinds: string[] | null; cities: string[] | null }[] = await this.dataSource.query(
      `SELECT array_agg(DISTINCT job_kind) FILTER (WHERE job_kind IS NOT NULL) AS kinds,
              array_agg(DISTINCT city_code) FILTER (WHERE city_code IS NOT NULL) AS cities
       FROM (SELECT job_kind, city_code FROM "${SCHEMA}".match_outcomes WHERE worker_id = $1 AND status = 'accepted'
             UNION ALL SELECT job_kind, city_code FROM "${SCHEMA}".worker_arrivals WHERE worker_id = $1) h`,
      [workerId],
    );
    const kinds = rows[0]?.kinds ?? [];
    const cityCodes = rows[0]?.cities ?? [];
    return kinds.length || cityCodes.length ? { kinds, cityCodes } : undefined;
  }
}
