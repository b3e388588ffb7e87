import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

export class StatsQuery {
  @ApiPropertyOptional({ description: 'An agency sees only its own figures (default: its own)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  agencyId?: string;

  @ApiPropertyOptional({ description: 'Start of the period, inclusive (ISO-8601); default: the beginning' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'End of the period, exclusive (ISO-8601); default: now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
