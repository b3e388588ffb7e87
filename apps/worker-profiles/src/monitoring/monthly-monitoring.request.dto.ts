import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { RegionExportQuery } from '../lists/list-query.request.dto';

export class MonthlyMonitoringQuery extends RegionExportQuery {
  @ApiProperty({ example: '2026-11' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month: string;
}

/** GET /v1/monitoring/summary: the months up to `to`, counted. */
export class MonitoringSummaryQuery extends PickType(RegionExportQuery, ['regionCode'] as const) {
  @ApiPropertyOptional({ example: '2026-11', description: 'the last month (China calendar; default the current one); not in the future (422)' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'to must be YYYY-MM' })
  to?: string;

  @ApiPropertyOptional({ default: 6, minimum: 1, maximum: 12, description: 'how many months, ending with `to`' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(12)
  months?: number;
}
