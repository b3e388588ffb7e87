import { type PlacementEndedData, type PlacementStartedData, type PriorityGroup } from '@laowu/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SCHEMA } from '../schema';

/** 十四's workshop figures count 脱贫人口 and 监测对象. */
const COUNTED_GROUPS: readonly PriorityGroup[] = ['poverty_alleviated', 'monitoring_target'];

export type LedgerOutcome = 'recorded' | 'duplicate' | 'no_employer' | 'unknown_placement';

/**
 * The ledger of placements at employers, from dispatch's PlacementStarted / PlacementEnded (read
 * on laowu.dispatch.v1 by the jobs' dispatch consumer). Idempotent without an inbox mark: one row
 * per placement (PlacementStarted is one event per placement; a redelivery with the same event id
 * — or any second start of the placement — inserts nothing), and an end is written only while the
 * row has none. A placement naming neither a registered employer id nor a credit code is not kept.
 */
@Injectable()
export class EmployerPlacementsLedger {
  constructor(private readonly dataSource: DataSource) {}

  async recordStarted(eventId: string, started: PlacementStartedData): Promise<LedgerOutcome> {
    if (started.employerId === undefined && started.employerCreditCode === undefined) return 'no_employer';
    const counted = started.priorityGroups.some((group) => COUNTED_GROUPS.includes(group));
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO "${SCHEMA}".employer_placements
         (placement_id, started_event_id, employer_id, employer_credit_code, worker_id, poverty_alleviated, start_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (placement_id) DO NOTHING RETURNING placement_id`,
      [started.placementId, eventId, started.employerId ?? null, started.employerCreditCode ?? null, started.workerId, counted, started.startDate],
    );
    return inserted.length ? 'recorded' : 'duplicate';
  }

  async recordEnded(ended: PlacementEndedData): Promise<LedgerOutcome> {
    // UPDATE … RETURNING through query(): TypeORM's postgres driver answers [rows, count].
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE "${SCHEMA}".employer_placements SET end_date = $2 WHERE placement_id = $1 AND end_date IS NULL RETURNING placement_id`,
      [ended.placementId, ended.endDate],
    );
    if (affected) return 'recorded';
    const known: unknown[] = await this.dataSource.query(`SELECT 1 FROM "${SCHEMA}".employer_placements WHERE placement_id = $1`, [ended.placementId]);
    return known.length ? 'duplicate' : 'unknown_placement';
  }
}
