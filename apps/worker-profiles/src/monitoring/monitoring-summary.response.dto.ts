import { ApiProperty } from '@nestjs/swagger';

export class MonthlyCountsResponse {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ description: '在册: the month’s monitoring items' }) monitored: number;
  @ApiProperty({ description: '就业: employed at the month’s end' }) employed: number;
  @ApiProperty({ description: '未就业: unemployed at some time in the month (the items’ `unemployed`)' }) unemployed: number;
  @ApiProperty({ description: '失联: the last follow-up up to the month’s end was unreachable' }) unreachable: number;
  @ApiProperty({ description: 'items with `needsAttention`' }) needsAttention: number;
}

export class MonitoringSummaryResponse {
  @ApiProperty() regionCode: string;
  @ApiProperty({ type: [MonthlyCountsResponse], description: 'oldest first' }) months: MonthlyCountsResponse[];
}
