import { REGION_CODE_PATTERN } from '@laowu/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class BrandStatsQuery {
  @ApiPropertyOptional({ example: '440300', description: "Where the jobs are located; a bureau's own region when absent (admin: everywhere)" })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode?: string;
}
