import {
  JOB_KINDS, JOB_LIMITS, JobKind, OCCUPATION_CODE_PATTERN, REGION_CODE_PATTERN, SKILL_CODE_PATTERN, WAGE_UNITS, WageUnit,
} from '@laowu/contracts';
import { NoNulCharacters } from '@laowu/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsNotEmpty, IsObject, IsNumber, IsOptional, IsString, IsUUID, Matches, Max,
  MaxLength, Min, Validate, ValidateIf, ValidateNested,
} from 'class-validator';
import {
  CnyAmount, EndsAfterStart, InTheFuture, KINDS_WITH_TERM, LatLonTogether, NoAgeRangeForPublicWelfare, NotBelowMin, PublicWelfareTerm, TermTimestamp,
} from './job-rules.validators';

export class JobSkillRequest {
  @ApiProperty({ example: 'welding', description: 'A code from GET /v1/reference/skills' })
  @IsString()
  @Matches(SKILL_CODE_PATTERN, { message: 'code must be a skill code (lowercase letters, digits, dashes)' })
  code: string;

  @ApiPropertyOptional({ minimum: JOB_LIMITS.skillLevel.min, maximum: JOB_LIMITS.skillLevel.max })
  @IsOptional()
  @IsInt()
  @Min(JOB_LIMITS.skillLevel.min)
  @Max(JOB_LIMITS.skillLevel.max)
  minLevel?: number;
}

export class RequiredCertificateRequest {
  @ApiProperty({ example: 'electrician-cert', description: 'A certificate code from GET /v1/reference/certificates (特种作业操作证 …)' })
  @IsString()
  @Matches(SKILL_CODE_PATTERN, { message: 'code must be a certificate code (lowercase letters, digits, dashes)' })
  code: string;
}

export class WageRequest {
  @ApiProperty({ example: 180 })
  @Validate(CnyAmount)
  @Min(JOB_LIMITS.wage.min)
  @Max(JOB_LIMITS.wage.max)
  min: number;

  @ApiProperty({ example: 240 })
  @Validate(CnyAmount)
  @Min(JOB_LIMITS.wage.min)
  @Max(JOB_LIMITS.wage.max)
  @Validate(NotBelowMin)
  max: number;

  @ApiProperty({ enum: WAGE_UNITS })
  @IsIn(WAGE_UNITS)
  unit: WageUnit;
}

export class LocationRequest {
  @ApiProperty({ example: '440306', description: 'GB/T 2260 code; must be known (422 otherwise)' })
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode: string;

  @ApiPropertyOptional({ example: 22.55, description: 'Defaults to the region centre (with lon)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  @Validate(LatLonTogether)
  lat?: number;

  @ApiPropertyOptional({ example: 113.88 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  @Validate(LatLonTogether)
  lon?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(JOB_LIMITS.address.maxLength)
  @NoNulCharacters()
  address?: string;
}

export class CrossRegionRequest {
  @ApiProperty({ example: ['510000', '513400'], description: 'Where the job recruits from (known GB/T 2260 codes)' })
  @IsArray()
  @ArrayMaxSize(JOB_LIMITS.sourceRegionCodes.maxItems)
  @Matches(REGION_CODE_PATTERN, { each: true, message: 'each sourceRegionCode must be a six-digit GB/T 2260 code' })
  sourceRegionCodes: string[];
}

export class AgeRangeRequest {
  @ApiPropertyOptional({ minimum: JOB_LIMITS.age.min, example: 18 })
  @IsOptional()
  @IsInt()
  @Min(JOB_LIMITS.age.min)
  @Max(JOB_LIMITS.age.max)
  min?: number;

  @ApiPropertyOptional({ maximum: JOB_LIMITS.age.max, example: 55 })
  @IsOptional()
  @IsInt()
  @Min(JOB_LIMITS.age.min)
  @Max(JOB_LIMITS.age.max)
  @Validate(NotBelowMin)
  max?: number;
}

export class BenefitsRequest {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() housing?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() meals?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() transport?: boolean;
  @ApiPropertyOptional({ description: '工伤保险. Must be true on a public_welfare post (422 JOB.PUBLIC_WELFARE_UNINSURED otherwise, policy 十六)' })
  @IsOptional()
  @IsBoolean()
  injuryInsurance?: boolean;
}

const needsTerm = (job: CreateJobRequest) => KINDS_WITH_TERM.includes(job.kind);

/**
 * A job as an agency posts it (POST /v1/jobs, each item of /v1/jobs/bulk, and the full
 * replacement of PUT /v1/jobs/{id}). Field rules are checked here in one pass so that a 400 lists
 * every failing field; rules against reference data (region and skill codes) follow as 422.
 */
export class CreateJobRequest {
  @ApiPropertyOptional({ example: 'SZ-2026-0001', description: "The agency's own id: makes create idempotent" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(JOB_LIMITS.externalId.maxLength)
  @NoNulCharacters()
  externalId?: string;

  @ApiProperty({ example: '电子厂普工' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(JOB_LIMITS.title.maxLength)
  @NoNulCharacters()
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(JOB_LIMITS.description.maxLength)
  @NoNulCharacters()
  description?: string;

  @ApiProperty({ enum: JOB_KINDS })
  @IsIn(JOB_KINDS)
  kind: JobKind;

  @ApiPropertyOptional({ example: '6-29-01-01', description: '国家职业分类大典 code from GET /v1/reference/occupations (422 JOB.UNKNOWN_REFERENCE when unknown)' })
  @IsOptional()
  @Matches(OCCUPATION_CODE_PATTERN, { message: 'occupationCode must look like 6-29-01-01 (国家职业分类大典)' })
  occupationCode?: string;

  @ApiPropertyOptional({ type: [JobSkillRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(JOB_LIMITS.skills.maxItems)
  @ValidateNested({ each: true })
  @Type(() => JobSkillRequest)
  skills?: JobSkillRequest[];

  @ApiPropertyOptional({
    type: [RequiredCertificateRequest],
    maxItems: JOB_LIMITS.requiredCertificates.maxItems,
    description: 'Certificates the work legally needs (特种作业, 十): a worker without each, still valid, is never a candidate. Unknown code: 422 naming requiredCertificates.<i>.code',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(JOB_LIMITS.requiredCertificates.maxItems)
  @ValidateNested({ each: true })
  @Type(() => RequiredCertificateRequest)
  requiredCertificates?: RequiredCertificateRequest[];

  @ApiProperty({ minimum: JOB_LIMITS.headcount.min, example: 30 })
  @IsInt()
  @Min(JOB_LIMITS.headcount.min)
  @Max(JOB_LIMITS.headcount.max)
  headcount: number;

  @ApiProperty({ type: WageRequest })
  @IsDefined()
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => WageRequest)
  wage: WageRequest;

  @ApiProperty({ type: LocationRequest })
  @IsDefined()
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => LocationRequest)
  location: LocationRequest;

  @ApiPropertyOptional({ type: CrossRegionRequest })
  @IsOptional()
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => CrossRegionRequest)
  crossRegion?: CrossRegionRequest;

  @ApiPropertyOptional({ type: AgeRangeRequest, description: 'min ≥ 16; not allowed on public_welfare posts (policy 十六)' })
  @ValidateIf((job: CreateJobRequest) => job.ageRange !== undefined)
  @Validate(NoAgeRangeForPublicWelfare)
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => AgeRangeRequest)
  ageRange?: AgeRangeRequest;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  olderWorkerFriendly?: boolean;

  @ApiPropertyOptional({ example: '2026-12-01T08:00:00+08:00', description: 'Required for gig and public_welfare' })
  @ValidateIf((job: CreateJobRequest) => job.startAt !== undefined || needsTerm(job))
  @Validate(TermTimestamp)
  startAt?: string;

  @ApiPropertyOptional({ example: '2026-12-03T18:00:00+08:00', description: 'Required for gig and public_welfare; after startAt' })
  @ValidateIf((job: CreateJobRequest) => job.endAt !== undefined || needsTerm(job))
  @Validate(TermTimestamp)
  @Validate(EndsAfterStart)
  @Validate(InTheFuture)
  @Validate(PublicWelfareTerm)
  endAt?: string;

  @ApiPropertyOptional({ default: false, description: '即时快招: match and push at once' })
  @IsOptional()
  @IsBoolean()
  instant?: boolean;

  @ApiPropertyOptional({ type: BenefitsRequest, description: 'Required on a public_welfare post, with injuryInsurance: true (十六)' })
  @IsOptional()
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => BenefitsRequest)
  benefits?: BenefitsRequest;

  @ApiPropertyOptional({ minimum: JOB_LIMITS.relocationQuotaPct.min, maximum: JOB_LIMITS.relocationQuotaPct.max, description: 'Share of headcount reserved for relocated workers (十五)' })
  @IsOptional()
  @IsInt()
  @Min(JOB_LIMITS.relocationQuotaPct.min)
  @Max(JOB_LIMITS.relocationQuotaPct.max)
  relocationQuotaPct?: number;

  @ApiPropertyOptional({
    example: '川妹子',
    description: '劳务品牌: a brand code or name (seeded or bureau-added, GET /v1/reference/labor-brands); stored as the code. Unknown: 422 naming laborBrand',
  })
  @IsOptional()
  @IsString()
  @MaxLength(JOB_LIMITS.laborBrand.maxLength)
  @NoNulCharacters()
  laborBrand?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A registered employer (POST /v1/employers); 422 JOB.UNKNOWN_REFERENCE otherwise' })
  @IsOptional()
  @IsUUID()
  employerId?: string;
}
