import { Principal } from '@laowu/auth';
import { regionPrefix } from '@laowu/domain';
import { ExportPool } from '@laowu/persistence';
import { type CsvColumn, DomainError } from '@laowu/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SCHEMA } from '../schema';
import { ERRORS } from '../worker-profiles.errors';
import { chinaIso, chinaMonthOf, chinaMonthWindow } from './china-time';
import { dueFor } from './due-rule';
import { type LedgerScope, ledgerScope } from './follow-up.access';
import type { FollowUpKind, FollowUpOutcome } from './follow-up.entity';
import type { DueCount, DueFollowUpItem, DueFollowUpsResponse, DueFollowUpsSummaryResponse } from './follow-up.response.dto';
import { FollowUpsService } from './follow-ups.service';

interface DueRow {
  workerId: string;
  name: string;
  stationId: string;
  homeRegionCode: string;
  priorityGroups: DueFollowUpItem['priorityGroups'];
  at: Date | null;
  kind: FollowUpKind | null;
  outcome: FollowUpOutcome | null;
  nextDueAt: Date | null;
}

interface LedgerDbRow {
  followUpId: string;
  workerId: string;
  idNumber: string;
  name: string;
  homeRegionCode: string;
  stationId: string;
  priorityGroups: DueFollowUpItem['priorityGroups'];
  kind: FollowUpKind;
  at: Date;
  outcome: FollowUpOutcome;
  nextDueAt: Date | null;
  noteEnc: string | null;
}

/** One follow-up of the month's ledger: personal data masked, the note decrypted (redacted when written). */
export type LedgerRow = Omit<LedgerDbRow, 'noteEnc'> & { note: string | null };

/**
 * The month's ledger for upload to the national monitoring system (全国防返贫监测信息系统, 十三):
 * one line per follow-up, times in China time with their offset. Documented in docs/FOLLOW-UPS.md
 * and on the route; change both with it.
 */
export const LEDGER_COLUMNS: CsvColumn<LedgerRow>[] = [
  { header: 'follow_up_id', value: (r) => r.followUpId },
  { header: 'worker_id', value: (r) => r.workerId },
  { header: 'id_number_masked', value: (r) => r.idNumber },
  { header: 'name_masked', value: (r) => r.name },
  { header: 'home_region_code', value: (r) => r.homeRegionCode },
  { header: 'station_id', value: (r) => r.stationId },
  { header: 'priority_groups', value: (r) => r.priorityGroups },
  { header: 'kind', value: (r) => r.kind },
  { header: 'at', value: (r) => chinaIso(r.at) },
  { header: 'outcome', value: (r) => r.outcome },
  { header: 'next_due_at', value: (r) => (r.nextDueAt ? chinaIso(r.nextDueAt) : null) },
  { header: 'note', value: (r) => r.note },
];

const PRIORITY_WORKERS = `w.priority_groups && ARRAY['poverty_alleviated', 'monitoring_target']`;

/**
 * Region-wide reads of the follow-up ledger: who is due a follow-up, and the month's ledger.
 * Read-only. The scope (which workers) is decided first, by ledgerScope.
 */
@Injectable()
export class FollowUpLedgerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exports: ExportPool,
    private readonly followUps: FollowUpsService,
  ) {}

  /**
   * Poverty-alleviated workers and monitoring targets in scope who are due a follow-up as of
   * `before` (dueFor): the SQL filters by the same rule, with the last follow-up up to `before`;
   * earliest due first.
   */
  async due(principal: Principal, query: { regionCode?: string; before?: string; page?: number; pageSize?: number }): Promise<DueFollowUpsResponse> {
    const { scope, before, month, sql, params } = this.dueQuery(principal, query);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 100;
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(`${sql} ORDER BY due_at, w.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`, params) as Promise<DueRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM (${sql}) due`, params) as Promise<{ total: number }[]>,
    ]);
    return { before: before.toISOString(), month, regionCode: scope.regionCode, page, pageSize, total, items: rows.map((row) => dueItem(row, before)) };
  }

  /** The due list counted by home county and reason (for a dashboard), the reason as dueFor gives it. */
  async dueSummary(principal: Principal, query: { regionCode?: string; before?: string }): Promise<DueFollowUpsSummaryResponse> {
    const { scope, before, month, sql, params } = this.dueQuery(principal, query);
    const counts = (await this.dataSource.query(
      `SELECT "homeRegionCode", CASE WHEN "nextDueAt" < $1 THEN 'past_due' ELSE 'none_this_month' END AS reason, count(*)::int AS count
         FROM (${sql}) due GROUP BY 1, 2 ORDER BY 1, 2`,
      params,
    )) as DueCount[];
    return { before: before.toISOString(), month, regionCode: scope.regionCode, total: counts.reduce((sum, c) => sum + c.count, 0), counts };
  }

  /** Priority-group workers in the caller's scope due a follow-up as of `before` (the SQL form of dueFor). */
  private dueQuery(principal: Principal, query: { regionCode?: string; before?: string }) {
    const scope = ledgerScope(principal, query.regionCode);
    const before = query.before === undefined ? new Date() : new Date(query.before);
    const window = chinaMonthWindow(chinaMonthOf(before));
    const where = scopeWhere(scope, 4);
    const params = [before, window.start, window.end, ...where.params];
    const sql = `
      SELECT w.id AS "workerId", w.name_masked AS "name", w.station_id AS "stationId", w.home_region_code AS "homeRegionCode",
             w.priority_groups AS "priorityGroups", l.at, l.kind, l.outcome, l.next_due_at AS "nextDueAt",
             LEAST(COALESCE(l.next_due_at, $3), $3) AS due_at
        FROM "${SCHEMA}".workers w
        LEFT JOIN LATERAL (
          SELECT f.at, f.kind, f.outcome, f.next_due_at
            FROM "${SCHEMA}".follow_ups f
           WHERE f.worker_id = w.id AND f.at <= $1
           ORDER BY f.at DESC, f.recorded_at DESC
           LIMIT 1
        ) l ON true
       WHERE ${PRIORITY_WORKERS} AND ${where.sql}
         AND (l.at IS NULL OR l.at < $2 OR l.next_due_at < $1)`;
    return { scope, before, month: window.month, sql, params };
  }

  async ledgerPage(principal: Principal, month: string, regionCode: string | undefined, page: number, pageSize: number): Promise<{ scope: LedgerScope; items: LedgerRow[]; total: number }> {
    const { scope, sql, params } = this.ledgerQuery(principal, month, regionCode);
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(`${sql} ORDER BY f.at, f.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`, params) as Promise<LedgerDbRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM (${sql}) ledger`, params) as Promise<{ total: number }[]>,
    ]);
    return { scope, items: rows.map((row) => this.ledgerRow(row)), total };
  }

  /** Every follow-up of the month, through a cursor on an export connection. Checks the request and takes the connection now (403/422/503 before a CSV response starts). */
  async ledgerRows(principal: Principal, month: string, regionCode: string | undefined): Promise<{ scope: LedgerScope; rows: AsyncGenerator<LedgerRow> }> {
    const { scope, sql, params } = this.ledgerQuery(principal, month, regionCode);
    const rows = await this.exports.stream<LedgerDbRow>(`${sql} ORDER BY f.at, f.id`, params);
    return { scope, rows: mapRows(rows, (row) => this.ledgerRow(row)) };
  }

  private ledgerQuery(principal: Principal, month: string, regionCode: string | undefined): { scope: LedgerScope; sql: string; params: unknown[] } {
    const scope = ledgerScope(principal, regionCode);
    const window = chinaMonthWindow(month);
    if (window.start > new Date()) throw DomainError.unprocessable(ERRORS.FOLLOW_UP_FUTURE_MONTH, [{ field: 'month', problem: 'must not be in the future' }]);
    const where = scopeWhere(scope, 3);
    const sql = `
      SELECT f.id AS "followUpId", f.worker_id AS "workerId", w.id_number_masked AS "idNumber", w.name_masked AS "name",
             w.home_region_code AS "homeRegionCode", w.station_id AS "stationId", w.priority_groups AS "priorityGroups",
             f.kind, f.at, f.outcome, f.next_due_at AS "nextDueAt", f.note_enc AS "noteEnc"
        FROM "${SCHEMA}".follow_ups f
        JOIN "${SCHEMA}".workers w ON w.id = f.worker_id
       WHERE f.at >= $1 AND f.at < $2 AND ${where.sql}`;
    return { scope, sql, params: [window.start, window.end, ...where.params] };
  }

  private ledgerRow(row: LedgerDbRow): LedgerRow {
    const { noteEnc, ...rest } = row;
    return { ...rest, note: this.followUps.noteOf({ id: row.followUpId, noteEnc }) };
  }
}

/** The scope as SQL on `w` (workers), its parameters numbered from `first`. */
function scopeWhere(scope: LedgerScope, first: number): { sql: string; params: unknown[] } {
  const home = (n: number) => `w.home_region_code LIKE $${n}`;
  if (scope.stationId === null) return { sql: home(first), params: [`${regionPrefix(scope.regionCode)}%`] };
  if (scope.regionCode === null) return { sql: `w.station_id = $${first}`, params: [scope.stationId] };
  return { sql: `w.station_id = $${first} AND ${home(first + 1)}`, params: [scope.stationId, `${regionPrefix(scope.regionCode)}%`] };
}

function dueItem(row: DueRow, before: Date): DueFollowUpItem {
  const last = row.at && row.kind && row.outcome ? { at: row.at, kind: row.kind, outcome: row.outcome, nextDueAt: row.nextDueAt } : null;
  const due = dueFor(last, before);
  if (!due) throw new Error(`due list: worker ${row.workerId} was selected but the due rule finds nothing due`);
  return {
    workerId: row.workerId,
    name: row.name,
    stationId: row.stationId,
    homeRegionCode: row.homeRegionCode,
    priorityGroups: row.priorityGroups,
    lastFollowUp: last && { at: last.at.toISOString(), kind: last.kind, outcome: last.outcome, nextDueAt: last.nextDueAt?.toISOString() ?? null },
    reason: due.reason,
    dueAt: due.dueAt.toISOString(),
  };
}

async function* mapRows<T, U>(rows: AsyncIterable<T>, map: (row: T) => U): AsyncGenerator<U> {
  for await (const row of rows) yield map(row);
}
