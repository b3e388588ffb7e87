import { REGION_CODE_PATTERN } from '@laowu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CommaSeparatedWorkerIds, MAX_WORKER_IDS } from '../common/validators';

export const LIST_KINDS = ['employed', 'unemployed', 'willing-to-migrate'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export class ListKindParams {
  @ApiProperty({ enum: LIST_KINDS }) @IsIn(LIST_KINDS) kind: ListKind;
}

export class RegionExportQuery {
  @ApiProperty({ example: '513400', description: 'province, city or county code: everything inside it' })
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a 6-digit GB/T 2260 region code' })
  regionCode: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';

  @ApiPropertyOptional({ default: 1, description: 'JSON only' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000) page?: number;

  @ApiPropertyOptional({ default: 100, maximum: 1000, description: 'JSON only' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  pageSize?: number;
}

/** GET /v1/lists/{kind}: a region's list, or only the given workers of it. */
export class ListQuery extends RegionExportQuery {
  @ApiPropertyOptional({
    type: String,
    example: '3f1c…,9a2b…',
    description: `only these workers (comma-separated ids, at most ${MAX_WORKER_IDS}) of the list: e.g. the masked names of a batch's manifest`,
  })
  @IsOptional()
  @CommaSeparatedWorkerIds()
  workerIds?: string[];
}
