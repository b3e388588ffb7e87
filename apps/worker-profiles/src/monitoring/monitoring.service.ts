import { chinaDate, regionPrefix } from '@laowu/domain';
import { type CsvColumn, DomainError } from '@laowu/platform';
import { Injectable } from '@nestjs/common';
import { ExportPool } from '@laowu/persistence';
import { DataSource } from 'typeorm';
import { assertKnownRegion } from '../lists/lists.service';
import { applicableLine } from '../monitoring-lines/line-lookup';
import { MonitoringLinesService } from '../monitoring-lines/monitoring-lines.service';
import { exitRequired, twelveMonthWindow } from '../public-welfare/exit-rule';
import { SCHEMA } from '../schema';
import { ERRORS } from '../worker-profiles.errors';
import { HistoryEntry, monthBounds, monthlyStatus, MonthlyStatus } from './monthly-status';
import { type AttentionFlags, attentionFlags, type FollowUpSummary } from './attention-flags';

interface MonitoredWorkerRow {
  id: string;
  idNumber: string;
  name: string;
  phone: string;
  homeRegionCode: string;
  residenceRegionCode: string;
  stationId: string;
  priorityGroups: string[];
  history: HistoryEntry[];
  /** The last two follow-ups up to the month's end, newest first. */
  followUps: FollowUpSummary[];
  /** Held a public-welfare post (乡村公益性岗位) on some day of the month. */
  publicWelfarePost: boolean;
  /** Sum over the 12 months ending with the month (numeric as text); null: none recorded. */
  flexibleIncome12m: string | null;
}

/** 十六: flexible income against the monitoring line of the worker's residence (null: none on record). */
interface PublicWelfareExit {
  flexibleIncome12m: number | null;
  monitoringLine: number | null;
  exitRequired: boolean;
}

export interface MonthlyCounts {
  month: string;
  monitored: number;
  employed: number;
  unemployed: number;
  unreachable: number;
  needsAttention: number;
}

export type MonitoringItem = Omit<MonitoredWorkerRow, 'history' | 'followUps' | 'flexibleIncome12m'> & MonthlyStatus & AttentionFlags & PublicWelfareExit;

/**
 * Monthly monitoring (policy 十三): every poverty-alleviated worker (脱贫人口) and monitoring target
 * (防止返贫监测对象) whose home (户籍地) lies in the region and who has a status on record by the
 * month's end: the status at the start of the month, the changes within it, and a flag for the
 * unemployed (未就业) and the unstable (就业不稳: more than one change in the month); with the
 * follow-up ledger (帮扶台账) the last follow-up up to the month's end and its flags (attentionFlags);
 * for a worker in a public-welfare post, whether flexible income over the last 12 months requires
 * leaving it (十六), which needs attention too.
 */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exports: ExportPool,
    private readonly lines: MonitoringLinesService,
  ) {}

  async page(month: string, regionCode: string, page: number, pageSize: number): Promise<{ items: MonitoringItem[]; total: number }> {
    const { sql, params } = this.query(month, regionCode);
    const [rows, [{ total }], lines] = await Promise.all([
      this.dataSource.query(`${sql} ORDER BY w.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`, params),
      this.dataSource.query(`SELECT count(*)::int AS total FROM (${sql}) monitored`, params),
      this.lines.all(),
    ]);
    return { items: (rows as MonitoredWorkerRow[]).map((row) => toItem(row, month, lines)), total };
  }

  /** Every item, through a cursor on an export connection. Checks the request and takes the connection now (422 or 503 before a CSV response starts). */
  async items(month: string, regionCode: string): Promise<AsyncGenerator<MonitoringItem>> {
    const { sql, params } = this.query(month, regionCode);
    const lines = await this.lines.all();
    const rows = await this.exports.stream<MonitoredWorkerRow>(`${sql} ORDER BY w.id`, params);
    return mapRows(rows, (row) => toItem(row, month, lines));
  }

  /**
   * Per month, oldest first: the items of GET /v1/monitoring/monthly counted (a dashboard's trend),
   * read month by month through the export cursor. 在册 monitored, 就业 employed at the month's end,
   * 未就业 unemployed in the month, 失联 the last follow-up up to the month's end unreachable.
   */
  async summary(months: string[], regionCode: string): Promise<MonthlyCounts[]> {
    const out: MonthlyCounts[] = [];
    for (const month of months) {
      const counts = { month, monitored: 0, employed: 0, unemployed: 0, unreachable: 0, needsAttention: 0 };
      for await (const item of await this.items(month, regionCode)) {
        counts.monitored++;
        if (item.statusAtMonthEnd === 'employed') counts.employed++;
        if (item.unemployed) counts.unemployed++;
        if (item.lastFollowUp?.outcome === 'unreachable') counts.unreachable++;
        if (item.needsAttention) counts.needsAttention++;
      }
      out.push(counts);
    }
    return out;
  }

  private query(month: string, regionCode: string): { sql: string; params: unknown[] } {
    assertKnownRegion(regionCode);
    const { first, last } = monthBounds(month);
    if (first > chinaDate()) throw DomainError.unprocessable(ERRORS.MONITORING_FUTURE_MONTH, [{ field: 'month', problem: 'must not be in the future' }]);
    const sql = `
      SELECT w.id, w.id_number_masked AS "idNumber", w.name_masked AS "name", w.phone_masked AS "phone",
             w.home_region_code AS "homeRegionCode", w.residence_region_code AS "residenceRegionCode",
             w.station_id AS "stationId", w.priority_groups AS "priorityGroups", h.history, fu."followUps",
             welfare."publicWelfarePost", welfare."flexibleIncome12m"
        FROM "${SCHEMA}".workers w
        CROSS JOIN LATERAL (
          SELECT json_agg(json_build_object(
                   'status', e.status, 'date', to_char(e.effective_date, 'YYYY-MM-DD'), 'regionCode', e.region_code,
                   'registeredAt', e.registered_at, 'employer', e.employer, 'source', e.source)
                 ORDER BY e.effective_date, e.seq) AS history
            FROM "${SCHEMA}".employment_status_history e
           WHERE e.worker_id = w.id AND e.effective_date <= $2::date
        ) h
        CROSS JOIN LATERAL (
          SELECT coalesce(json_agg(json_build_object(
                   'at', to_char(f.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'kind', f.kind, 'outcome', f.outcome,
                   'nextDueAt', to_char(f.next_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                 ORDER BY f.at DESC, f.recorded_at DESC), '[]') AS "followUps"
            FROM (SELECT * FROM "${SCHEMA}".follow_ups f
                   WHERE f.worker_id = w.id AND f.at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
                   ORDER BY f.at DESC, f.recorded_at DESC LIMIT 2) f
        ) fu
        CROSS JOIN LATERAL (
          SELECT EXISTS (SELECT 1 FROM "${SCHEMA}".public_welfare_posts p
                          WHERE p.worker_id = w.id AND p.start_date <= $2::date
                            AND coalesce(least(p.end_date, p.planned_end_date), 'infinity') >= $3::date) AS "publicWelfarePost",
                 (SELECT sum(i.flexible_income)::text FROM "${SCHEMA}".worker_income i
                   WHERE i.worker_id = w.id AND i.month BETWEEN $4 AND $5) AS "flexibleIncome12m"
        ) welfare
       WHERE w.priority_groups && ARRAY['poverty_alleviated', 'monitoring_target']
         AND w.home_region_code LIKE $1
         AND h.history IS NOT NULL`;
    const window = twelveMonthWindow(month);
    return { sql, params: [`${regionPrefix(regionCode)}%`, last, first, window.from, window.to] };
  }
}

async function* mapRows<T, U>(rows: AsyncIterable<T>, map: (row: T) => U): AsyncGenerator<U> {
  for await (const row of rows) yield map(row);
}

function toItem(row: MonitoredWorkerRow, month: string, lines: ReadonlyMap<string, number>): MonitoringItem {
  const { history, followUps, flexibleIncome12m: income, ...worker } = row;
  const status = monthlyStatus(history, month);
  const flags = attentionFlags(followUps, status);
  const flexibleIncome12m = income === null ? null : Number(income);
  const monitoringLine = applicableLine(row.residenceRegionCode, lines)?.annualIncome ?? null;
  const exit = exitRequired({ inPublicWelfarePost: row.publicWelfarePost, flexibleIncome12m, monitoringLine });
  return { ...worker, ...status, ...flags, needsAttention: flags.needsAttention || exit, flexibleIncome12m, monitoringLine, exitRequired: exit };
}

export const MONITORING_COLUMNS: CsvColumn<MonitoringItem>[] = [
  { header: '编号', value: (r) => r.id },
  { header: '身份证号(脱敏)', value: (r) => r.idNumber },
  { header: '姓名(脱敏)', value: (r) => r.name },
  { header: '手机(脱敏)', value: (r) => r.phone },
  { header: '户籍地', value: (r) => r.homeRegionCode },
  { header: '常住地', value: (r) => r.residenceRegionCode },
  { header: '服务站点', value: (r) => r.stationId },
  { header: '重点群体', value: (r) => r.priorityGroups },
  { header: '月初状态', value: (r) => r.statusAtMonthStart },
  { header: '月内变化', value: (r) => r.changes.map((c) => `${c.date} ${c.status}`).join('; ') },
  { header: '变化次数', value: (r) => r.changes.length },
  { header: '月末状态', value: (r) => r.statusAtMonthEnd },
  { header: '最近回访时间', value: (r) => r.lastFollowUp?.at },
  { header: '最近回访方式', value: (r) => r.lastFollowUp?.kind },
  { header: '最近回访结果', value: (r) => r.lastFollowUp?.outcome },
  { header: '下次回访时间', value: (r) => r.lastFollowUp?.nextDueAt },
  { header: '连续两次失联', value: (r) => (r.unreachableTwice ? '是' : '否') },
  { header: '由就业转失业', value: (r) => (r.becameUnemployed ? '是' : '否') },
  { header: '需关注(含回访标记)', value: (r) => (r.needsAttention ? '是' : '否') },
  { header: '未就业', value: (r) => (r.unemployed ? '是' : '否') },
  { header: '就业不稳', value: (r) => (r.unstable ? '是' : '否') },
  { header: '需关注', value: (r) => (r.flagged ? '是' : '否') },
  { header: '公益性岗位', value: (r) => (r.publicWelfarePost ? '是' : '否') },
  { header: '近12个月灵活就业收入', value: (r) => r.flexibleIncome12m ?? '' },
  { header: '监测线', value: (r) => r.monitoringLine ?? '' },
  { header: '需退出岗位', value: (r) => (r.exitRequired ? '是' : '否') },
];
