import { REGION_CODE_PATTERN } from '@laowu/contracts';
import { ApiPropertyOptional, ApiProperty, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsInstantWithOffset } from './record-follow-up.request.dto';

class PagedRegionQuery {
  @ApiPropertyOptional({
    example: '513400',
    description: 'home region (户籍地): province, city or county code, everything inside it. Station: an optional filter of its own workers; bureau: default its own region; admin: required',
  })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a 6-digit GB/T 2260 region code' })
  regionCode?: string;

  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000) page?: number;

  @ApiPropertyOptional({ default: 100, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) pageSize?: number;
}

/** GET /v1/follow-ups/due */
export class DueFollowUpsQuery extends PagedRegionQuery {
  @ApiPropertyOptional({ example: '2026-11-20T00:00:00+08:00', description: 'as of this instant (default now); its China calendar month is the month checked' })
  @IsOptional()
  @IsInstantWithOffset()
  before?: string;
}

/** GET /v1/follow-ups/due/summary: the same workers, counted. */
export class DueFollowUpsSummaryQuery extends PickType(DueFollowUpsQuery, ['regionCode', 'before'] as const) {}

/** GET /v1/follow-ups: the month's ledger. */
export class FollowUpLedgerQuery extends PagedRegionQuery {
  @ApiProperty({ example: '2026-11', description: 'China calendar month; not in the future (422)' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv: the whole month, for upload to the national monitoring system (page and pageSize ignored)' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
