import { NoNulCharacters } from '@laowu/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { type Factor } from '../ranking/factors/factors';
import { FACTOR_NAMES, MAX_WEIGHT } from '../ranking/ranking-weights';

const REASON_MAX = 500;

/** Why, for the audit trail; the version the caller read (optional: 409 when another change came first). */
export class WeightsRemovalRequest {
  @ApiProperty({ example: '汛期后恢复全国权重', maxLength: REASON_MAX, description: 'Why: recorded in the audit trail with who changed it' })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(REASON_MAX)
  @NoNulCharacters()
  reason: string;

  @ApiPropertyOptional({ example: 12, description: 'The version in effect in this scope as the caller read it (GET); another change since → 409 RANKING.VERSION_CONFLICT' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}

/**
 * A partial change: the factors named take these weights, the others keep the weights in effect in
 * the scope (for a province without an override, the global ones). Stored as a full set.
 */
export class WeightsChangeRequest extends WeightsRemovalRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number', minimum: 0, maximum: MAX_WEIGHT },
    example: { distance: 4, laborBrand: 0.5 },
    description: `Factor name → weight (0 to ${MAX_WEIGHT}; 0 turns a factor off). Factors: ${FACTOR_NAMES.join(', ')}. At least one factor; not every weight 0.`,
  })
  @IsObject()
  weights: Partial<Record<Factor, number>>;
}

export class WeightsHistoryRequest {
  @ApiPropertyOptional({ example: 'global', description: "'global' or a province code; none: every scope" })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  scope?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
