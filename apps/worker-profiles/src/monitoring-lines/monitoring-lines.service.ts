import { Principal } from '@laowu/auth';
import { isKnownRegion } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { SCHEMA } from '../schema';
import { ERRORS } from '../worker-profiles.errors';
import { applicableLine, lineCandidates } from './line-lookup';
import { assertCanSetLine } from './monitoring-line.access';
import { MonitoringLine } from './monitoring-line.entity';
import { SetMonitoringLineRequest } from './set-monitoring-line.request.dto';

interface LineRow {
  region_code: string;
  annual_income: string;
  set_by: string;
  updated_at: Date;
  created: boolean;
}

/** Monitoring lines (防止返贫监测范围, 十六) per region: bureaus set them, monthly monitoring applies them. */
@Injectable()
export class MonitoringLinesService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Sets (or replaces) a region's line. Access first, on the code alone; then the code must be a
   * known region. One statement: a crash leaves the old line or the new one.
   */
  async set(principal: Principal, regionCode: string, request: SetMonitoringLineRequest): Promise<{ line: MonitoringLine; created: boolean }> {
    assertCanSetLine(principal, regionCode);
    assertKnownLineRegion(regionCode);
    const [row]: LineRow[] = await this.dataSource.query(
      `INSERT INTO "${SCHEMA}".monitoring_lines (region_code, annual_income, set_by, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (region_code) DO UPDATE SET annual_income = EXCLUDED.annual_income, set_by = EXCLUDED.set_by, updated_at = EXCLUDED.updated_at
       RETURNING region_code, annual_income, set_by, updated_at, (xmax = 0) AS created`,
      [regionCode, request.annualIncome, `${principal.role}:${principal.sub}`],
    );
    const line = Object.assign(new MonitoringLine(), {
      regionCode: row.region_code,
      annualIncome: Number(row.annual_income),
      setBy: row.set_by,
      updatedAt: row.updated_at,
    });
    return { line, created: row.created };
  }

  /** The line applying to the region: its own, else its city's, else its province's; 404 when none. */
  async applying(regionCode: string): Promise<MonitoringLine> {
    assertKnownLineRegion(regionCode);
    const lines = await this.dataSource.getRepository(MonitoringLine).findBy({ regionCode: In(lineCandidates(regionCode)) });
    const found = applicableLine(regionCode, new Map(lines.map((l) => [l.regionCode, l.annualIncome])));
    if (!found) throw DomainError.notFound(ERRORS.MONITORING_LINE_NOT_FOUND, `monitoring line for ${regionCode}`);
    return lines.find((l) => l.regionCode === found.regionCode)!;
  }

  /** Every line on record (region code → annual income): a few thousand rows at most, one per region. */
  async all(): Promise<Map<string, number>> {
    const lines = await this.dataSource.getRepository(MonitoringLine).find();
    return new Map(lines.map((l) => [l.regionCode, l.annualIncome]));
  }
}

function assertKnownLineRegion(regionCode: string): void {
  if (!isKnownRegion(regionCode)) {
    throw DomainError.unprocessable(ERRORS.REGION_UNKNOWN, [{ field: 'regionCode', problem: `${regionCode} is not a known GB/T 2260 region` }]);
  }
}
