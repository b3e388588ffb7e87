import { IsBoolean, IsInt, IsISO8601, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { REGION_CODE_PATTERN } from '../../common.dto';
import { CREDIT_CODE_PATTERN } from '../../dispatch/placements';
import { type EventDefinition } from '../../envelope/create-envelope';

/**
 * `laowu.reference.v1` — a registered employer's current state (keyed by employer id, compacted).
 * dispatch resolves a placement's or batch's `employerId` through it. An organisation's data only.
 */
export class EmployerRegisteredData {
  @IsUUID() employerId: string;
  @IsInt() @Min(1) version: number;
  @IsString() @MaxLength(100) agencyId: string;
  @IsString() @MaxLength(200) name: string;
  @Matches(CREDIT_CODE_PATTERN) creditCode: string;
  @Matches(REGION_CODE_PATTERN) regionCode: string;
  /** 就业帮扶车间 (十四). */
  @IsBoolean() workshop: boolean;
  @IsISO8601() updatedAt: string;
}

export const EmployerRegistered: EventDefinition<EmployerRegisteredData> = {
  type: 'reference.employer-registered',
  schemaVersion: 1,
  keyOf: (data) => data.employerId,
};
