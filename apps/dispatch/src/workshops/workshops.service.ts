import { type Principal } from '@laowu/auth';
import { chinaDate, isKnownRegion, regionPrefix } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ERRORS } from '../dispatch.errors';
import { SCHEMA } from '../schema';
import { PutWorkshopRequest } from './put-workshop.request.dto';
import { coversWorkshopRegion, workshopMissing, workshopRefused, workshopScope } from './workshop.access';
import { WorkshopResponse, WorkshopsResponse } from './workshop.response.dto';

/**
 * The workshops with their figures, from placements carrying their credit code or naming a
 * registered employer (employer_view) with that credit code: people placed
 * there now (active placements), and poverty-alleviated people (the placement's priority groups,
 * as recorded when placed) whose placement overlaps the calendar year ($1 its first day, $2 its
 * last). `$3` and `$4` are the filter's.
 */
const WITH_FIGURES = `
  SELECT w.credit_code AS "creditCode", w.name, w.region_code AS "regionCode",
    f.poverty_now AS "povertyAlleviatedNow", f.poverty_year AS "povertyAlleviatedThisYear", f.employed_now AS "employedNow"
  FROM "${SCHEMA}".workshops w
  CROSS JOIN LATERAL (
    SELECT
      count(DISTINCT p.worker_id) FILTER (WHERE p.active AND p.priority_groups @> ARRAY['poverty_alleviated']::text[])::int AS poverty_now,
      count(DISTINCT p.worker_id) FILTER (
        WHERE p.priority_groups @> ARRAY['poverty_alleviated']::text[] AND p.start_date <= $2::date AND (p.end_date IS NULL OR p.end_date >= $1::date)
      )::int AS poverty_year,
      count(DISTINCT p.worker_id) FILTER (WHERE p.active)::int AS employed_now
    FROM "${SCHEMA}".placements p
    WHERE p.employer_credit_code = w.credit_code
       OR p.employer_id IN (SELECT e.employer_id FROM "${SCHEMA}".employer_view e WHERE e.credit_code = w.credit_code)
  ) f`;

type FigureRow = Omit<WorkshopResponse, 'year'>;

/** 就业帮扶车间 (十四): employers a bureau flags, and how many poverty-alleviated people they employ. */
@Injectable()
export class WorkshopsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Flags the employer as a workshop, or renames or moves it. One statement: the scope check on an
   * existing workshop (another region's bureau may not take it over) and the write are atomic, and
   * a crash leaves the old row or the new one.
   */
  async flag(principal: Principal, creditCode: string, request: PutWorkshopRequest): Promise<WorkshopResponse> {
    if (!coversWorkshopRegion(principal, request.regionCode)) throw workshopRefused();
    if (!isKnownRegion(request.regionCode)) {
      throw DomainError.unprocessable(ERRORS.WORKSHOP_UNKNOWN_REGION, [{ field: 'regionCode', problem: 'is not a known GB/T 2260 code' }]);
    }
    const written: unknown[] = await this.dataSource.query(
      `INSERT INTO "${SCHEMA}".workshops AS w (credit_code, name, region_code, flagged_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (credit_code) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code
       WHERE $5::text IS NULL OR w.region_code LIKE $5 || '%'
       RETURNING w.credit_code`,
      [creditCode, request.name, request.regionCode, principal.sub, workshopScope(principal)],
    );
    if (written.length === 0) throw workshopRefused();
    return this.one(principal, creditCode);
  }

  /** Unflags the employer (its placements stay). One statement; a crash leaves the row or nothing. */
  async unflag(principal: Principal, creditCode: string): Promise<void> {
    const [, deleted] = (await this.dataSource.query(
      `DELETE FROM "${SCHEMA}".workshops WHERE credit_code = $1 AND ($2::text IS NULL OR region_code LIKE $2 || '%')`,
      [creditCode, workshopScope(principal)],
    )) as [unknown, number];
    if (deleted === 0) throw workshopMissing(principal);
  }

  async one(principal: Principal, creditCode: string, year = currentYear()): Promise<WorkshopResponse> {
    const rows: FigureRow[] = await this.dataSource.query(
      `${WITH_FIGURES} WHERE w.credit_code = $3 AND ($4::text IS NULL OR w.region_code LIKE $4 || '%')`,
      [...yearBounds(year), creditCode, workshopScope(principal)],
    );
    if (rows.length === 0) throw workshopMissing(principal);
    return { ...rows[0], year };
  }

  async list(principal: Principal, requested: string | undefined, year = currentYear()): Promise<WorkshopsResponse> {
    const regionCode = requested ?? (principal.role === 'admin' ? null : principal.region);
    if (regionCode !== null) {
      if (!coversWorkshopRegion(principal, regionCode)) throw workshopRefused();
      if (!isKnownRegion(regionCode)) throw DomainError.unprocessable(ERRORS.WORKSHOP_UNKNOWN_REGION, [{ field: 'regionCode', problem: 'is not a known GB/T 2260 code' }]);
    }
    const rows: FigureRow[] = await this.dataSource.query(
      `${WITH_FIGURES} WHERE ($3::text IS NULL OR w.region_code LIKE $3 || '%') ORDER BY w.region_code, w.credit_code`,
      [...yearBounds(year), regionCode === null ? null : regionPrefix(regionCode)],
    );
    return { regionCode, year, items: rows.map((row) => ({ ...row, year })) };
  }
}

/** The current calendar year in China. */
export function currentYear(now = new Date()): number {
  return Number(chinaDate(now).slice(0, 4));
}

/** First and last day of a calendar year (placements carry China dates). */
export function yearBounds(year: number): [string, string] {
  const yyyy = String(year).padStart(4, '0');
  return [`${yyyy}-01-01`, `${yyyy}-12-31`];
}
