import { NoNulCharacters } from '@laowu/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';
import { parsePeriodBound } from './stats-period';

const BOUND_DESCRIPTION = 'YYYY-MM-DD (midnight in China) or an ISO-8601 date-time (China time without an offset), from 1970 to 9999-12-31 (China)';

function IsPeriodBound(): PropertyDecorator {
  return ValidateBy({
    name: 'isPeriodBound',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parsePeriodBound(value) !== undefined,
      defaultMessage: (args) => `${args?.property} must be ${BOUND_DESCRIPTION}`,
    },
  });
}

export class StatsQuery {
  @ApiPropertyOptional({ description: 'An agency sees only its own figures (default: its own)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @NoNulCharacters()
  agencyId?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: `Start of the period, inclusive: ${BOUND_DESCRIPTION}; default: the beginning` })
  @IsOptional()
  @IsPeriodBound()
  from?: string;

  @ApiPropertyOptional({ example: '2027-01-01', description: `End of the period, exclusive: ${BOUND_DESCRIPTION}; default: the end of today in China` })
  @IsOptional()
  @IsPeriodBound()
  to?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv: one row per agency and priority group, then the totals (docs/OUTCOMES.md)' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
