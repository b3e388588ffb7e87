import { creditCodeRegion, isKnownRegion, provinceCodeOf } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ERRORS } from '../job-collection.errors';
import { SCHEMA } from '../schema';

/** Postgres' undefined_table. */
const UNDEFINED_TABLE = '42P01';

/**
 * Where a complaint goes (十一): the employer's `regionCode` when the station gives it, else the
 * region of the registered employer with that credit code, else the region embedded in the code
 * (characters 3–8, where the organisation registered; its province when that code is no longer in
 * GB/T 2260), else 422: without a credit code the station must name the region.
 */
@Injectable()
export class ComplaintRouting {
  constructor(private readonly dataSource: DataSource) {}

  /** The region of the employer registered (POST /v1/employers) with this credit code, if any. */
  async registeredEmployerRegion(creditCode: string): Promise<string | undefined> {
    try {
      const rows: { region_code: string }[] = await this.dataSource.query(
        `SELECT region_code FROM "${SCHEMA}".employers WHERE credit_code = $1 LIMIT 1`,
        [creditCode],
      );
      return rows[0]?.region_code;
    } catch (error) {
      // Until the employer registry's migration is in this build there is nobody to find.
      if ((error as { code?: string }).code === UNDEFINED_TABLE) return undefined;
      throw error;
    }
  }

  async routedRegionOf(employer: { regionCode?: string; creditCode?: string }): Promise<string> {
    if (employer.regionCode !== undefined) {
      if (!isKnownRegion(employer.regionCode)) {
        throw DomainError.unprocessable(ERRORS.REGION_UNKNOWN, [
          { field: 'employer.regionCode', problem: `${employer.regionCode} is not a known GB/T 2260 region code` },
        ]);
      }
      return employer.regionCode;
    }
    if (employer.creditCode !== undefined) {
      const registered = await this.registeredEmployerRegion(employer.creditCode);
      if (registered) return registered;
      const embedded = creditCodeRegion(employer.creditCode);
      if (isKnownRegion(embedded)) return embedded;
      const province = provinceCodeOf(embedded);
      if (province) return province;
    }
    throw DomainError.unprocessable(ERRORS.COMPLAINT_REGION_REQUIRED, [
      {
        field: 'employer.regionCode',
        problem: employer.creditCode
          ? "employer.regionCode is required: the credit code's region is not a known GB/T 2260 code"
          : 'employer.regionCode is required when no creditCode is given',
      },
    ]);
  }
}
