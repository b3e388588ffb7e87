import { REGION_CODE_PATTERN, SKILL_CODE_PATTERN } from '@laowu/contracts';
import { IsCalendarDate } from '@laowu/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateNested,
} from 'class-validator';
import { WageRequest } from '../jobs/create-job.request.dto';

export const SHARING_LIMITS = { headcount: { min: 1, max: 10_000 }, skills: 20, level: { min: 1, max: 5 } } as const;

export class SharingSkillRequest {
  @ApiProperty({ example: 'welding', description: 'A code from GET /v1/reference/skills (422 otherwise)' })
  @IsString()
  @Matches(SKILL_CODE_PATTERN, { message: 'code must be a skill code (lowercase letters, digits, dashes)' })
  code: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'Offer: the lent staff’s level; request: the minimum level asked' })
  @IsOptional()
  @IsInt()
  @Min(SHARING_LIMITS.level.min)
  @Max(SHARING_LIMITS.level.max)
  level?: number;
}

/** POST /v1/sharing/offers (idle staff, 富余员工) and POST /v1/sharing/requests (shortage, 用工缺口): 共享用工 (二). */
export class CreateSharingPostRequest {
  @ApiProperty({ format: 'uuid', description: 'A registered employer (POST /v1/employers); 422 SHARING.UNKNOWN_REFERENCE otherwise' })
  @IsUUID()
  employerId: string;

  @ApiProperty({ minimum: 1, maximum: 10_000 })
  @IsInt()
  @Min(SHARING_LIMITS.headcount.min)
  @Max(SHARING_LIMITS.headcount.max)
  headcount: number;

  @ApiProperty({ type: [SharingSkillRequest], minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SHARING_LIMITS.skills)
  @ValidateNested({ each: true })
  @Type(() => SharingSkillRequest)
  skills: SharingSkillRequest[];

  @ApiProperty({ example: '2027-03-01', description: 'First day (YYYY-MM-DD, China)' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2027-06-30', description: 'Last day; from ≤ to, at most a year, not over (422 SHARING.PERIOD_INVALID otherwise)' })
  @IsCalendarDate()
  to: string;

  @ApiProperty({ example: '440306', description: 'Where the staff are (offer) or the work is (request); a known GB/T 2260 code' })
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode: string;

  @ApiPropertyOptional({ type: WageRequest })
  @IsOptional()
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => WageRequest)
  wage?: WageRequest;
}
