import { REGION_CODE_PATTERN } from '@laowu/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class WorkshopYearQuery {
  @ApiPropertyOptional({ example: 2026, description: 'Calendar year of povertyAlleviatedThisYear; default: the current year in China' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1970) @Max(9999)
  year?: number;
}

export class WorkshopsQuery extends WorkshopYearQuery {
  @ApiPropertyOptional({ example: '513400', description: 'Workshops inside this region; default: a bureau’s own region, everywhere for an admin' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a 6-digit GB/T 2260 region code' })
  regionCode?: string;
}
