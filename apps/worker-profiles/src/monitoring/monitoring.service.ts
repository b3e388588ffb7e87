import { chinaDate, regionPrefix } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { Injectable } from '@nestjs/common';
import { ExportPool } from '@laowu/persistence';
import { DataSource } from 'typeorm';
import { CsvColumn } from '../common/csv';
import { assertKnownRegion } from '../lists/lists.service';
import { SCHEMA } from '../schema';
import { ERRORS } from '../worker-profiles.errors';
import { HistoryEntry, monthBounds, monthlyStatus, MonthlyStatus } from './monthly-status';

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
}

export type MonitoringItem = Omit<MonitoredWorkerRow, 'history'> & MonthlyStatus;

/**
 * Monthly monitoring (policy 十三): every poverty-alleviated worker (脱贫人口) and monitoring target
 * (防止返贫监测对象) whose home (户籍地) lies in the region and who has a status on record by the
 * month's end: the status at the start of the month, the changes within it, and a flag for the
 * unemployed (未就业) and the unstable (就业不稳: more than one change in the month).
 */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exports: ExportPool,
  ) {}

  async page(month: string, regionCode: string, page: number, pageSize: number): Promise<{ items: MonitoringItem[]; total: number }> {
    const { sql, params } = this.query(month, regionCode);
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(`${sql} ORDER BY w.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`, params),
      this.dataSource.query(`SELECT count(*)::int AS total FROM (${sql}) monitored`, params),
    ]);
    return { items: (rows as MonitoredWorkerRow[]).map((row) => toItem(row, month)), total };
  }

  /** Every item, through a cursor on an export connection. Checks the request and takes the connection now (422 or 503 before a CSV response starts). */
  async items(month: string, regionCode: string): Promise<AsyncGenerator<MonitoringItem>> {
    const { sql, params } = this.query(month, regionCode);
    const rows = await this.exports.stream<MonitoredWorkerRow>(`${sql} ORDER BY w.id`, params);
    return mapRows(rows, (row) => toItem(row, month));
  }

  private query(month: string, regionCode: string): { sql: string; params: unknown[] } {
    assertKnownRegion(regionCode);
    const { first, last } = monthBounds(month);
    if (first > chinaDate()) throw DomainError.unprocessable(ERRORS.MONITORING_FUTURE_MONTH, [{ field: 'month', problem: 'must not be in the future' }]);
    const sql = `
      SELECT w.id, w.id_number_masked AS "idNumber", w.name_masked AS "name", w.phone_masked AS "phone",
             w.home_region_code AS "homeRegionCode", w.residence_region_code AS "residenceRegionCode",
             w.station_id AS "stationId", w.priority_groups AS "priorityGroups", h.history
        FROM "${SCHEMA}".workers w
        CROSS JOIN LATERAL (
          SELECT json_agg(json_build_object(
                   'status', e.status, 'date', to_char(e.effective_date, 'YYYY-MM-DD'), 'regionCode', e.region_code,
                   'registeredAt', e.registered_at, 'employer', e.employer, 'source', e.source)
                 ORDER BY e.effective_date, e.seq) AS history
            FROM "${SCHEMA}".employment_status_history e
           WHERE e.worker_id = w.id AND e.effective_date <= $2::date
        ) h
       WHERE w.priority_groups && ARRAY['poverty_alleviated', 'monitoring_target']
         AND w.home_region_code LIKE $1
         AND h.history IS NOT NULL`;
    return { sql, params: [`${regionPrefix(regionCode)}%`, last] };
  }
}

async function* mapRows<T, U>(rows: AsyncIterable<T>, map: (row: T) => U): AsyncGenerator<U> {
  for await (const row of rows) yield map(row);
}

function toItem(row: MonitoredWorkerRow, month: string): MonitoringItem {
  const { history, ...worker } = row;
  return { ...worker, ...monthlyStatus(history, month) };
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
  { header: '未就业', value: (r) => (r.unemployed ? '是' : '否') },
  { header: '就业不稳', value: (r) => (r.unstable ? '是' : '否') },
  { header: '需关注', value: (r) => (r.flagged ? '是' : '否') },
];
