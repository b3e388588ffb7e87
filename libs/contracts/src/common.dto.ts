import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const JOB_KINDS = ['gig', 'fulltime', 'seasonal', 'public_welfare', 'work_relief', 'workshop'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const WAGE_UNITS = ['hour', 'day', 'month', 'piece'] as const;
export type WageUnit = (typeof WAGE_UNITS)[number];

export const PRIORITY_GROUPS = ['poverty_alleviated', 'monitoring_target', 'relocated'] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

export const EMPLOYMENT_STATUSES = ['employed', 'unemployed', 'seeking', 'not_in_labor_force'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

/** A skill or certificate code of the reference lists: lowercase letters, digits, dashes. */
export const SKILL_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** GB/T 2260 administrative division code: six digits. */
export const REGION_CODE_PATTERN = /^\d{6}$/;

export class GeoPointData {
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat: number;

  @IsNumber()
  @Min(-180)
  @Max(180)
  lon: number;
}

export class SkillLevelData {
  @IsString()
  @Matches(SKILL_CODE_PATTERN)
  code: string;

  @IsInt()
  @Min(1)
  @Max(5)
  level: number;
}

export class WageData {
  @IsNumber()
  @Min(0)
  min: number;

  @IsNumber()
  @Min(0)
  max: number;

  @IsIn(WAGE_UNITS)
  unit: WageUnit;
}

export class AmountPerUnitData {
  @IsNumber()
  @Min(0)
  amount: number;

  @IsIn(WAGE_UNITS)
  unit: WageUnit;
}

export class AgeRangeData {
  @IsOptional()
  @IsInt()
  min?: number;

  @IsOptional()
  @IsInt()
  max?: number;
}

export class LocationData extends GeoPointData {
  @Matches(REGION_CODE_PATTERN)
  regionCode: string;

  @IsOptional()
  @IsString()
  address?: string;
}
