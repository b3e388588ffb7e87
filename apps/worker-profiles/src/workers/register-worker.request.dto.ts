import {
  JOB_KINDS, JobKind, PRIORITY_GROUPS, PriorityGroup, REGION_CODE_PATTERN, SKILL_CODE_PATTERN, WAGE_UNITS, WageUnit,
} from '@laowu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NoNulCharacters } from '@laowu/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, Matches, Max,
  MaxLength, Min, ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsChinaMobile, IsResidentId } from '../common/validators';
import { RecordEmploymentStatusRequest } from './record-employment-status.request.dto';

const REGION_MESSAGE = { message: '$property must be a 6-digit GB/T 2260 region code' };

export class GeoPointRequest {
  @ApiProperty({ example: 27.88 }) @IsNumber() @Min(-90) @Max(90) lat: number;
  @ApiProperty({ example: 102.27 }) @IsNumber() @Min(-180) @Max(180) lon: number;
}

export class SkillLevelRequest {
  @ApiProperty({ example: 'welding' }) @IsString() @Matches(SKILL_CODE_PATTERN) code: string;
  @ApiProperty({ minimum: 1, maximum: 5, example: 3 }) @IsInt() @Min(1) @Max(5) level: number;
}

export class MinWageRequest {
  @ApiProperty({ example: 200 }) @IsNumber() @Min(0) @Max(1_000_000) amount: number;
  @ApiProperty({ enum: WAGE_UNITS }) @IsIn(WAGE_UNITS) unit: WageUnit;
}

export class WorkerPreferencesRequest {
  @ApiPropertyOptional({ enum: JOB_KINDS, isArray: true, description: 'Accepted job kinds; default: all' })
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(JOB_KINDS, { each: true })
  kinds?: JobKind[];

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() willingToMigrate?: boolean;

  @ApiPropertyOptional({ example: ['440000'] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ArrayUnique() @Matches(REGION_CODE_PATTERN, { each: true, ...REGION_MESSAGE })
  targetRegionCodes?: string[];

  @ApiPropertyOptional({ default: 30 }) @IsOptional() @IsNumber() @Min(0) @Max(5000) maxCommuteKm?: number;

  @ApiPropertyOptional({ type: MinWageRequest }) @IsOptional() @IsObject({ message: '$property must be an object' }) @ValidateNested() @Type(() => MinWageRequest) minWage?: MinWageRequest;

  @ApiPropertyOptional({ example: '2026-12-01' }) @IsOptional() @IsCalendarDate() availableFrom?: string;
}

/** POST /v1/workers. Identity (ID number) is fixed at registration; see PatchWorkerRequest for the rest. */
export class RegisterWorkerRequest {
  @ApiProperty({ example: '510102199001011234', description: 'GB 11643 resident ID number; stored encrypted, shown masked' })
  @IsResidentId()
  idNumber: string;

  @ApiProperty({ example: '张三', description: 'stored encrypted, shown masked' })
  @IsString() @IsNotEmpty() @MaxLength(50) @Matches(/^[^\p{Cc}]+$/u, { message: 'name must not contain control characters' })
  name: string;

  @ApiProperty({ example: '13800000000', description: 'stored encrypted, shown masked' })
  @IsChinaMobile()
  phone: string;

  @ApiProperty({ example: '513401', description: '户籍地' }) @Matches(REGION_CODE_PATTERN, REGION_MESSAGE) homeRegionCode: string;
  @ApiProperty({ example: '513401', description: '常住地' }) @Matches(REGION_CODE_PATTERN, REGION_MESSAGE) residenceRegionCode: string;

  @ApiPropertyOptional({ type: GeoPointRequest, description: 'default: the centre of the residence region' })
  @IsOptional() @IsObject({ message: '$property must be an object' }) @ValidateNested() @Type(() => GeoPointRequest)
  location?: GeoPointRequest;

  @ApiProperty({ example: 'station-513401-01', description: "the registering station: a station's own id (its token's sub)" })
  @IsString() @IsNotEmpty() @MaxLength(100) @NoNulCharacters()
  stationId: string;

  @ApiPropertyOptional({ type: [SkillLevelRequest] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => SkillLevelRequest)
  skills?: SkillLevelRequest[];

  @ApiPropertyOptional({ type: [SkillLevelRequest] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => SkillLevelRequest)
  certificates?: SkillLevelRequest[];

  @ApiPropertyOptional({ enum: PRIORITY_GROUPS, isArray: true })
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(PRIORITY_GROUPS, { each: true })
  priorityGroups?: PriorityGroup[];

  @ApiPropertyOptional({ type: WorkerPreferencesRequest })
  @IsOptional() @IsObject({ message: '$property must be an object' }) @ValidateNested() @Type(() => WorkerPreferencesRequest)
  preferences?: WorkerPreferencesRequest;

  @ApiPropertyOptional({
    type: RecordEmploymentStatusRequest,
    description: 'the status the history starts with; default: seeking, from today, at the residence',
  })
  @IsOptional() @IsObject({ message: '$property must be an object' }) @ValidateNested() @Type(() => RecordEmploymentStatusRequest)
  employmentStatus?: RecordEmploymentStatusRequest;
}
