import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { RegionExportQuery } from '../lists/list-query.request.dto';

export class MonthlyMonitoringQuery extends RegionExportQuery {
  @ApiProperty({ example: '2026-11' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month: string;
}
