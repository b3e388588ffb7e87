import { Principal } from '@laowu/auth';
import { regionPrefix } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ERRORS } from '../dispatch.errors';
import { SCHEMA } from '../schema';
import { type FigureRow, type OutcomeCsvRow, outcomeCsvRows, TOTAL_GROUP, toOutcomes } from './outcome-figures';
import { chinaDateTime, type OutcomePeriod, outcomePeriod } from './stats-period';
import { StatsQuery } from './stats.query.dto';
import { StatsResponse } from './stats.response.dto';

/** Who and where the figures cover: one agency (or every one), a bureau's region (or everywhere). */
interface Scope {
  agencyId: string | null;
  regionPrefix: string | null;
}

/**
 * Outcome figures per agency (policy 五: 对组织农民工外出务工数量较多、成效较好的人力资源服务机构 … 补助):
 * workers dispatched (departed on a batch) and arrived, placements (就业, whatever their source)
 * and their 3-month retention (稳岗), by priority group, in a period. The agency is the one whose
 * job the worker went to. A bureau sees batches leaving its region and placements whose work or
 * whose worker lies in it.
 */
@Injectable()
export class StatsService {
  constructor(private readonly dataSource: DataSource) {}

  async outcomes(principal: Principal, query: StatsQuery): Promise<StatsResponse> {
    const { period, agencies, totals } = await this.figures(principal, query);
    return { from: period.from.toISOString(), to: period.to.toISOString(), agencies, totals };
  }

  /** The same figures as CSV rows (docs/OUTCOMES.md), and the file's name: `outcomes-<from>-<to>.csv` (China dates). */
  async csv(principal: Principal, query: StatsQuery): Promise<{ filename: string; rows: OutcomeCsvRow[] }> {
    const { period, agencies, totals } = await this.figures(principal, query);
    const rows = outcomeCsvRows(agencies, totals, chinaDateTime(period.from), chinaDateTime(period.to));
    return { filename: `outcomes-${period.fromDate}-${period.toDate}.csv`, rows };
  }

  private async figures(principal: Principal, query: StatsQuery): Promise<ReturnType<typeof toOutcomes> & { period: OutcomePeriod }> {
    const agencyId = this.agencyScope(principal, query.agencyId);
    const period = outcomePeriod(query.from, query.to, new Date());
    if (period.from >= period.to) throw DomainError.invalid(ERRORS.STATS_INVALID_PERIOD, [{ field: 'from', problem: 'must be before to' }]);
    const scope: Scope = { agencyId: agencyId ?? null, regionPrefix: principal.role === 'bureau' ? regionPrefix(principal.region) : null };
    // one snapshot: a batch arrival that creates placements meanwhile shows in both queries or in neither
    const rows = await this.dataSource.transaction('REPEATABLE READ', async (manager) => [
      ...(await this.batchRows(manager, scope, period)),
      ...(await this.placementRows(manager, scope, period)),
    ]);
    return { ...toOutcomes(rows), period };
  }

  private batchRows(manager: EntityManager, scope: Scope, period: OutcomePeriod): Promise<FigureRow[]> {
    return manager.query(
      `SELECT bw.agency_id, grp,
         count(*) FILTER (WHERE b.departed_at >= $2 AND b.departed_at < $3)::int AS dispatched,
         count(*) FILTER (WHERE bw.arrived_at >= $2 AND bw.arrived_at < $3)::int AS arrived
       FROM "${SCHEMA}".batch_workers bw
       JOIN "${SCHEMA}".batches b ON b.id = bw.batch_id
       CROSS JOIN LATERAL unnest(bw.priority_groups || ARRAY['${TOTAL_GROUP}']) AS grp
       WHERE bw.status IN ('boarded', 'arrived') AND b.departed_at IS NOT NULL
         AND ($1::text IS NULL OR bw.agency_id = $1)
         AND ($4::text IS NULL OR b.origin_region_code LIKE $4 || '%')
       GROUP BY bw.agency_id, grp`,
      [scope.agencyId, period.from, period.to, scope.regionPrefix],
    );
  }

  /** Placements by start date (China dates); the 3-month check is at most one row per placement. */
  private placementRows(manager: EntityManager, scope: Scope, period: OutcomePeriod): Promise<FigureRow[]> {
    return manager.query(
      `SELECT p.agency_id, grp,
         count(*)::int AS placed,
         count(c.placement_id)::int AS checked3m,
         count(*) FILTER (WHERE c.still_employed)::int AS retained3m
       FROM "${SCHEMA}".placements p
       LEFT JOIN "${SCHEMA}".placement_checks c ON c.placement_id = p.id AND c.after_months = 3
       CROSS JOIN LATERAL unnest(p.priority_groups || ARRAY['${TOTAL_GROUP}']) AS grp
       WHERE p.start_date >= $2::date AND p.start_date < $3::date
         AND ($1::text IS NULL OR p.agency_id = $1)
         AND ($4::text IS NULL OR p.region_code LIKE $4 || '%' OR p.worker_region_code LIKE $4 || '%')
       GROUP BY p.agency_id, grp`,
      [scope.agencyId, period.fromDate, period.toDate, scope.regionPrefix],
    );
  }

  private agencyScope(principal: Principal, requested: string | undefined): string | undefined {
    if (principal.role !== 'agency') return requested;
    if (requested && requested !== principal.sub) throw DomainError.forbidden(ERRORS.STATS_NOT_YOURS, 'an agency sees only its own figures');
    return principal.sub;
  }
}
