import { EMPLOYMENT_STATUSES, EmploymentStatus, REGION_CODE_PATTERN } from '@laowu/contracts';
import { IsCalendarDate, NoNulCharacters } from '@laowu/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import type { RegistrationBasis } from './worker.entity';

export const REGISTRATION_BASES: readonly RegistrationBasis[] = ['residence', 'employment', 'insured'];

/** POST /v1/workers/{id}/employment-status: a new entry of the worker's status history. */
export class RecordEmploymentStatusRequest {
  @ApiProperty({ enum: EMPLOYMENT_STATUSES }) @IsIn(EMPLOYMENT_STATUSES) status: EmploymentStatus;

  @ApiProperty({ example: '2026-11-03', description: 'from when the status holds; not in the future' })
  @IsCalendarDate()
  effectiveDate: string;

  @ApiProperty({ example: '513401', description: 'where the status is registered (for employed: where the worker works)' })
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a 6-digit GB/T 2260 region code' })
  regionCode: string;

  @ApiPropertyOptional({
    enum: REGISTRATION_BASES,
    description: 'required for unemployed (九: where the worker lives, works or is insured); default for employed: employment, otherwise residence',
  })
  @ValidateIf((o: RecordEmploymentStatusRequest) => o.status === 'unemployed' || o.registeredAt !== undefined)
  @IsIn(REGISTRATION_BASES, { message: 'registeredAt must be residence, employment or insured (required for unemployed)' })
  registeredAt?: RegistrationBasis;

  @ApiPropertyOptional({ example: '深圳某电子厂' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) @NoNulCharacters() employer?: string;
}
