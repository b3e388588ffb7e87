import {
  JOB_KINDS, JobKind, PRIORITY_GROUPS, PriorityGroup, REGION_CODE_PATTERN, SKILL_CODE_PATTERN, WAGE_UNITS, WageUnit,
} from '@laowu/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, NoNulCharacters } from '@laowu/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, Matches, Max,
  MaxLength, Min, ValidateNested,
} from 'class-validator';
import { IsChinaMobile, IsResidentId } from '../common/validators';
import { RecordEmploymentStatusRequest } from './record-employment-status.request.dto';

export const REGION_MESSAGE = { message: '$property must be a 6-digit GB/T 2260 region code' };

/** A worker's name: 1 to 50 characters, none of them a control character. */
export const IsWorkerName = (): PropertyDecorator =>
  applyDecorators(IsString(), IsNotEmpty(), MaxLength(50), Matches(/^[^\p{Cc}]+$/u, { message: 'name must not contain control characters' }));

/** An optional JSON object, validated as the request class `type` returns. */
export const IsOptionalObject = (type: () => abstract new (...args: never[]) => object): PropertyDecorator =>
  applyDecorators(IsOptional(), IsObject({ message: '$property must be an object' }), ValidateNested(), Type(type));

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

/** A certificate held (十): a code of the certificate taxonomy, and when it was issued or runs out. */
export class CertificateRequest extends SkillLevelRequest {
  @ApiPropertyOptional({ example: '2025-03-01', description: 'The day it was issued (YYYY-MM-DD)' })
  @IsOptional() @IsCalendarDate() issuedOn?: string;

  @ApiPropertyOptional({
    example: '2031-02-28',
    description: "The last valid day (YYYY-MM-DD); default from issuedOn and the certificate's validity years, none for one that does not expire",
  })
  @IsOptional() @IsCalendarDate() validUntil?: string;
}

/** An optional list of up to 50 certificates held. */
export const OptionalCertificates = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: [CertificateRequest] }),
    IsOptional(), IsArray(), ArrayMaxSize(50), ValidateNested({ each: true }), Type(() => CertificateRequest),
  );

/** 劳务品牌 (四): a brand code or name of the registry (seeded or bureau-added), stored as the code. */
export const OptionalLaborBrand = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ example: '川妹子', description: '劳务品牌: a registry code or name (GET /v1/reference/labor-brands); stored as the code' }),
    IsOptional(), IsString(), IsNotEmpty(), MaxLength(64), NoNulCharacters(),
  );

/** An optional list of up to 50 skill levels. */
export const OptionalSkillLevels = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: [SkillLevelRequest] }),
    IsOptional(), IsArray(), ArrayMaxSize(50), ValidateNested({ each: true }), Type(() => SkillLevelRequest),
  );

/** An optional set of priority groups (重点群体). */
export const OptionalPriorityGroups = (): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ enum: PRIORITY_GROUPS, isArray: true }), IsOptional(), IsArray(), ArrayUnique(), IsIn(PRIORITY_GROUPS, { each: true }));

export class WorkerPreferencesRequest {
  @ApiPropertyOptional({ enum: JOB_KINDS, isArray: true, description: 'Accepted job kinds; default: all' })
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(JOB_KINDS, { each: true })
  kinds?: JobKind[];

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() willingToMigrate?: boolean;

  @ApiPropertyOptional({ example: ['440000'] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ArrayUnique() @Matches(REGION_CODE_PATTERN, { each: true, ...REGION_MESSAGE })
  targetRegionCodes?: string[];

  @ApiPropertyOptional({ default: 30 }) @IsOptional() @IsNumber() @Min(0) @Max(5000) maxCommuteKm?: number;

  @ApiPropertyOptional({ type: MinWageRequest }) @IsOptionalObject(() => MinWageRequest) minWage?: MinWageRequest;

  @ApiPropertyOptional({ example: '2026-12-01' }) @IsOptional() @IsCalendarDate() availableFrom?: string;
}

/** POST /v1/workers. Identity (ID number) is fixed at registration; see PatchWorkerRequest for the rest. */
export class RegisterWorkerRequest {
  @ApiProperty({ example: '510102199001011234', description: 'GB 11643 resident ID number; stored encrypted, shown masked' })
  @IsResidentId()
  idNumber: string;

  @ApiProperty({ example: '张三', description: 'stored encrypted, shown masked' })
  @IsWorkerName()
  name: string;

  @ApiProperty({ example: '13800000000', description: 'stored encrypted, shown masked' })
  @IsChinaMobile()
  phone: string;

  @ApiProperty({ example: '513401', description: '户籍地' }) @Matches(REGION_CODE_PATTERN, REGION_MESSAGE) homeRegionCode: string;
  @ApiProperty({ example: '513401', description: '常住地' }) @Matches(REGION_CODE_PATTERN, REGION_MESSAGE) residenceRegionCode: string;

  @ApiPropertyOptional({ type: GeoPointRequest, description: 'default: the centre of the residence region' })
  @IsOptionalObject(() => GeoPointRequest)
  location?: GeoPointRequest;

  @ApiProperty({ example: 'station-513401-01', description: "the registering station: a station's own id (its token's sub)" })
  @IsString() @IsNotEmpty() @MaxLength(100) @NoNulCharacters()
  stationId: string;

  @OptionalSkillLevels() skills?: SkillLevelRequest[];
  @OptionalCertificates() certificates?: CertificateRequest[];
  @OptionalLaborBrand() laborBrand?: string;
  @OptionalPriorityGroups() priorityGroups?: PriorityGroup[];

  @ApiPropertyOptional({ type: WorkerPreferencesRequest }) @IsOptionalObject(() => WorkerPreferencesRequest)
  preferences?: WorkerPreferencesRequest;

  @ApiPropertyOptional({
    type: RecordEmploymentStatusRequest,
    description: 'the status the history starts with; default: seeking, from today, at the residence',
  })
  @IsOptionalObject(() => RecordEmploymentStatusRequest)
  employmentStatus?: RecordEmploymentStatusRequest;
}
