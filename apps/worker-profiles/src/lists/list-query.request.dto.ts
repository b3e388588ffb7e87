import { REGION_CODE_PATTERN } from '@laowu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

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

export const LIST_MAX_WORKER_IDS = 100;

/** GET /v1/lists/{kind}: a region's list, or only the given workers of it. */
export class ListQuery extends RegionExportQuery {
  @ApiPropertyOptional({
    type: String,
    example: '3f1c…,9a2b…',
    description: `only these workers (comma-separated ids, at most ${LIST_MAX_WORKER_IDS}) of the list: e.g. the masked names of a batch's manifest`,
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @ArrayMaxSize(LIST_MAX_WORKER_IDS, { message: `workerIds must hold at most ${LIST_MAX_WORKER_IDS} ids` })
  @IsUUID('all', { each: true, message: 'workerIds must be comma-separated UUIDs' })
  workerIds?: string[];
}
