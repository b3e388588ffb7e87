import { Principal } from '@laowu/auth';
import { PRIORITY_GROUPS } from '@laowu/contracts';
import { regionPrefix } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ERRORS } from '../dispatch.errors';
import { SCHEMA } from '../schema';
import { AgencyOutcome, OutcomeCount, StatsResponse } from './stats.response.dto';
import { StatsQuery } from './stats.query.dto';

interface Row {
  agency_id: string;
  grp: string;
  dispatched: number;
  arrived: number;
}

/**
 * Outcome figures per agency (policy 五: 对组织农民工外出务工数量较多、成效较好的人力资源服务机构 … 补助):
 * workers dispatched (departed on a batch) and arrived, by priority group, in a period. The
 * agency is the one whose job the worker travelled to. A bureau sees batches leaving its region.
 */
@Injectable()
export class StatsService {
  constructor(private readonly dataSource: DataSource) {}

  async outcomes(principal: Principal, query: StatsQuery): Promise<StatsResponse> {
    const agencyId = this.agencyScope(principal, query.agencyId);
    const from = query.from ? new Date(query.from) : new Date(0);
    const to = query.to ? new Date(query.to) : new Date();
    if (from >= to) throw DomainError.invalid(ERRORS.STATS_INVALID_PERIOD, [{ field: 'from', problem: 'must be before to' }]);
    const originPrefix = principal.role === 'bureau' ? regionPrefix(principal.region) : null;
    const rows: Row[] = await this.dataSource.query(
      `SELECT bw.agency_id, grp,
         count(*) FILTER (WHERE b.departed_at >= $2 AND b.departed_at < $3)::int AS dispatched,
         count(*) FILTER (WHERE bw.arrived_at >= $2 AND bw.arrived_at < $3)::int AS arrived
       FROM "${SCHEMA}".batch_workers bw
       JOIN "${SCHEMA}".batches b ON b.id = bw.batch_id
       CROSS JOIN LATERAL unnest(bw.priority_groups || ARRAY['*total*']) AS grp
       WHERE bw.status IN ('boarded', 'arrived') AND b.departed_at IS NOT NULL
         AND ($1::text IS NULL OR bw.agency_id = $1)
         AND ($4::text IS NULL OR b.origin_region_code LIKE $4 || '%')
       GROUP BY bw.agency_id, grp
       ORDER BY bw.agency_id`,
      [agencyId ?? null, from, to, originPrefix],
    );
    return { from: from.toISOString(), to: to.toISOString(), agencies: toAgencies(rows) };
  }

  private agencyScope(principal: Principal, requested: string | undefined): string | undefined {
    if (principal.role !== 'agency') return requested;
    if (requested && requested !== principal.sub) throw DomainError.forbidden(ERRORS.STATS_NOT_YOURS, 'an agency sees only its own figures');
    return principal.sub;
  }
}

function emptyCount(): OutcomeCount {
  return { total: 0, byPriorityGroup: Object.fromEntries(PRIORITY_GROUPS.map((g) => [g, 0])) };
}

function toAgencies(rows: Row[]): AgencyOutcome[] {
  const byAgency = new Map<string, AgencyOutcome>();
  for (const row of rows) {
    const outcome = byAgency.get(row.agency_id) ?? { agencyId: row.agency_id, dispatched: emptyCount(), arrived: emptyCount() };
    if (row.grp === '*total*') {
      outcome.dispatched.total = row.dispatched;
      outcome.arrived.total = row.arrived;
    } else {
      outcome.dispatched.byPriorityGroup[row.grp] = row.dispatched;
      outcome.arrived.byPriorityGroup[row.grp] = row.arrived;
    }
    byAgency.set(row.agency_id, outcome);
  }
  return [...byAgency.values()].filter((a) => a.dispatched.total > 0 || a.arrived.total > 0);
}
