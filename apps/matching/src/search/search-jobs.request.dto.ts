import { JOB_KINDS, JobKind } from '@laowu/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';

export class NearRequest {
  @ApiPropertyOptional() @IsNumber() @Min(-90) @Max(90) lat: number;
  @ApiPropertyOptional() @IsNumber() @Min(-180) @Max(180) lon: number;
  @ApiPropertyOptional({ minimum: 0.1, maximum: 2000 }) @IsNumber() @Min(0.1) @Max(2000) km: number;
}

/** Job search for station staff serving a walk-in worker. */
export class SearchJobsRequest {
  @ApiPropertyOptional({
    example: '普工 电子厂',
    description: 'Chinese words, each must match: on title, description, the job’s 劳务品牌 names and region names; single characters, phrases, skill synonyms and region short names',
  })
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: '440300', description: 'Any level: province, city or county (GB/T 2260); unknown → 422' })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit GB/T 2260 code' })
  regionCode?: string;

  @ApiPropertyOptional({ example: '川妹子', description: '劳务品牌 (四) by code or name (exact): only that brand’s jobs; unknown → 422 SEARCH.UNKNOWN_LABOR_BRAND' })
  @IsOptional() @IsString() @MaxLength(100)
  laborBrand?: string;

  @ApiPropertyOptional({
    example: 'agency-1',
    maxLength: 100,
    description: 'The posting agency (发布机构) by its id, the `sub` of its token and `job.agencyId` of each hit (exact): only that agency’s jobs; an unknown id finds none',
  })
  @IsOptional() @IsString() @MaxLength(100)
  agencyId?: string;

  @ApiPropertyOptional({ enum: JOB_KINDS, isArray: true })
  @IsOptional() @IsArray() @ArrayMaxSize(JOB_KINDS.length) @IsIn(JOB_KINDS, { each: true })
  kinds?: JobKind[];

  @ApiPropertyOptional({ type: NearRequest })
  @IsOptional() @IsObject({ message: '$property must be an object' }) @ValidateNested() @Type(() => NearRequest)
  near?: NearRequest;

  @ApiPropertyOptional({ description: 'Minimum wage in CNY per day (job wages are normalised per day)' })
  @IsOptional() @IsNumber() @Min(0) @Max(100000)
  wageMin?: number;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  instantOnly?: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A worker (station, admin): each hit then carries the pair’s matchScore and reasons, with the words of q it matched. ' +
      'Refused as GET /v1/workers/{id}/matches refuses: 403 AUTH.ROLE_NOT_ALLOWED / WORKER.FORBIDDEN, 404 WORKER.NOT_FOUND',
  })
  @IsOptional() @IsUUID('all', { message: 'workerId must be a UUID' })
  workerId?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 500 }) @IsOptional() @IsInt() @Min(1) @Max(500)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 }) @IsOptional() @IsInt() @Min(1) @Max(100)
  pageSize?: number;
}
