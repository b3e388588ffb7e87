import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BrandFiguresView {
  @ApiProperty({ example: 'chuan-mei-zi' }) code: string;
  @ApiProperty({ example: '川妹子' }) name: string;
  @ApiProperty({ example: '510000', description: "The brand's origin" }) regionCode: string;
  @ApiProperty({ example: '家政服务' }) trade: string;
  @ApiProperty({ description: 'Jobs of the brand in the region that are open now' }) openJobs: number;
  @ApiProperty({ description: 'Jobs of the brand in the region, whatever their status' }) totalJobs: number;
  @ApiProperty({ description: "Placements ever started in those jobs (dispatch's PlacementStarted, whatever the source)" }) placementsStarted: number;
}

export class BrandStatsResponse {
  @ApiPropertyOptional({ description: 'The region the jobs are located in; absent: everywhere (admin)' }) regionCode?: string;
  @ApiProperty({ type: [BrandFiguresView], description: 'Brands with at least one job in the region, most jobs first' }) brands: BrandFiguresView[];
}
