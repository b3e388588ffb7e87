import { type Principal } from '@laowu/auth';
import { isKnownRegion, regionPrefix } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ERRORS } from '../job-collection.errors';
import { assertMayReadBrandStats } from '../labor-brands/labor-brand.access';
import { LaborBrandsService } from '../labor-brands/labor-brands.service';
import { SCHEMA } from '../schema';
import { type BrandStatsResponse } from './brand-stats.response.dto';

interface Row {
  labor_brand: string;
  open_jobs: number;
  total_jobs: number;
  placements_started: number;
}

/**
 * Per-brand figures (劳务品牌, 四) for bureaus: of the jobs located in a region, per brand, how many
 * are open, how many there are, and how many placements started in them. A placement counts for
 * the brand of its job (jobs' `placements_started`, kept by JobFillService from PlacementStarted).
 */
@Injectable()
export class BrandStatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly laborBrands: LaborBrandsService,
  ) {}

  async figures(principal: Principal, requested: string | undefined): Promise<BrandStatsResponse> {
    assertMayReadBrandStats(principal, requested);
    const regionCode = requested ?? (principal.role === 'admin' ? undefined : principal.region);
    if (regionCode !== undefined && !isKnownRegion(regionCode)) {
      throw DomainError.unprocessable(ERRORS.REGION_UNKNOWN, [{ field: 'regionCode', problem: `${regionCode} is not a known GB/T 2260 region code` }]);
    }
    const rows: Row[] = await this.dataSource.query(
      `SELECT labor_brand,
              count(*) FILTER (WHERE status = 'open')::int AS open_jobs,
              count(*)::int AS total_jobs,
              coalesce(sum(placements_started), 0)::int AS placements_started
         FROM "${SCHEMA}".jobs
        WHERE labor_brand IS NOT NULL AND ($1::text IS NULL OR region_code LIKE $1 || '%')
        GROUP BY labor_brand
        ORDER BY total_jobs DESC, labor_brand`,
      [regionCode === undefined ? null : regionPrefix(regionCode)],
    );
    const brands = await this.laborBrands.describe(rows.map((r) => r.labor_brand));
    return {
      regionCode,
      // A job written before brands were resolved may carry free text: it has no brand to count for.
      brands: rows.flatMap((row) => {
        const brand = brands.get(row.labor_brand);
        return brand ? [{ ...brand, openJobs: row.open_jobs, totalJobs: row.total_jobs, placementsStarted: row.placements_started }] : [];
      }),
    };
  }
}
