import { chinaDate, isKnownRegion, regionPrefix } from '@laowu/domain';
import { type CsvColumn, DomainError } from '@laowu/platform';
import { Injectable } from '@nestjs/common';
import { ExportPool } from '@laowu/persistence';
import { DataSource } from 'typeorm';
import { SCHEMA } from '../schema';
import { ERRORS } from '../worker-profiles.errors';
import { ListKind } from './list-query.request.dto';

/** One row of a list: personal data masked, as everywhere. */
export interface ListRow {
  id: string;
  idNumber: string;
  name: string;
  phone: string;
  gender: string;
  ageYears: number;
  homeRegionCode: string;
  residenceRegionCode: string;
  stationId: string;
  employmentStatus: string;
  statusEffectiveDate: string;
  statusRegionCode: string;
  registeredAt: string | null;
  employer: string | null;
  priorityGroups: string[];
  skills: string[];
  targetRegionCodes: string[];
}

/**
 * The three lists of policy 三 (就业人员清单, 失业人员清单, 有意愿外出人员清单) for a region prefix:
 * - employed: current status employed, resident (常住地) in the region — the origin county's view
 *   of where its people work;
 * - unemployed: current status unemployed, registered as unemployed in the region — wherever that
 *   was done (residence, workplace or insurance place, 九);
 * - willing-to-migrate: willing to work elsewhere, not currently employed, resident in the region.
 */
const FILTERS: Record<ListKind, { where: string; regionColumn: string }> = {
  employed: { where: `employment_status = 'employed'`, regionColumn: 'residence_region_code' },
  unemployed: { where: `employment_status = 'unemployed'`, regionColumn: 'status_region_code' },
  'willing-to-migrate': { where: `willing_to_migrate AND employment_status <> 'employed'`, regionColumn: 'residence_region_code' },
};

const SELECT = `
  SELECT id, id_number_masked AS "idNumber", name_masked AS "name", phone_masked AS "phone", gender,
         date_part('year', age($2::date, birth_date))::int AS "ageYears",
         home_region_code AS "homeRegionCode", residence_region_code AS "residenceRegionCode", station_id AS "stationId",
         employment_status AS "employmentStatus", to_char(status_effective_date, 'YYYY-MM-DD') AS "statusEffectiveDate",
         status_region_code AS "statusRegionCode", status_registered_at AS "registeredAt", employer,
         priority_groups AS "priorityGroups",
         ARRAY(SELECT s->>'code' FROM jsonb_array_elements(skills) s) AS "skills",
         ARRAY(SELECT jsonb_array_elements_text(preferences->'targetRegionCodes')) AS "targetRegionCodes"
    FROM "${SCHEMA}".workers`;

export const LIST_COLUMNS: CsvColumn<ListRow>[] = [
  { header: '编号', value: (r) => r.id },
  { header: '身份证号(脱敏)', value: (r) => r.idNumber },
  { header: '姓名(脱敏)', value: (r) => r.name },
  { header: '手机(脱敏)', value: (r) => r.phone },
  { header: '性别', value: (r) => (r.gender === 'male' ? '男' : '女') },
  { header: '年龄', value: (r) => r.ageYears },
  { header: '户籍地', value: (r) => r.homeRegionCode },
  { header: '常住地', value: (r) => r.residenceRegionCode },
  { header: '服务站点', value: (r) => r.stationId },
  { header: '就业状态', value: (r) => r.employmentStatus },
  { header: '状态生效日期', value: (r) => r.statusEffectiveDate },
  { header: '登记地', value: (r) => r.statusRegionCode },
  { header: '登记依据', value: (r) => r.registeredAt },
  { header: '用工单位', value: (r) => r.employer },
  { header: '重点群体', value: (r) => r.priorityGroups },
  { header: '技能', value: (r) => r.skills },
  { header: '意向地区', value: (r) => r.targetRegionCodes },
];

@Injectable()
export class ListsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exports: ExportPool,
  ) {}

  async page(kind: ListKind, regionCode: string, page: number, pageSize: number, workerIds?: string[]): Promise<{ items: ListRow[]; total: number }> {
    const { sql, params } = this.query(kind, regionCode, workerIds);
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(`${sql} ORDER BY id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`, params),
      this.dataSource.query(`SELECT count(*)::int AS total FROM (${sql}) matching`, params),
    ]);
    return { items, total };
  }

  /** Every row, through a cursor on an export connection (bounded memory for any size; 503 while every export connection is busy). */
  async rows(kind: ListKind, regionCode: string, workerIds?: string[]): Promise<AsyncGenerator<ListRow>> {
    const { sql, params } = this.query(kind, regionCode, workerIds);
    return this.exports.stream<ListRow>(`${sql} ORDER BY id`, params);
  }

  /** `workerIds`: only these workers of the list. */
  private query(kind: ListKind, regionCode: string, workerIds?: string[]): { sql: string; params: unknown[] } {
    assertKnownRegion(regionCode);
    const filter = FILTERS[kind];
    const params: unknown[] = [`${regionPrefix(regionCode)}%`, chinaDate()];
    const only = workerIds ? ` AND id = ANY($${params.push(workerIds)}::uuid[])` : '';
    return { sql: `${SELECT} WHERE ${filter.where} AND ${filter.regionColumn} LIKE $1${only}`, params };
  }
}

export function assertKnownRegion(regionCode: string): void {
  if (!isKnownRegion(regionCode)) {
    throw DomainError.unprocessable(ERRORS.REGION_UNKNOWN, [{ field: 'regionCode', problem: `${regionCode} is not a known GB/T 2260 region` }]);
  }
}
