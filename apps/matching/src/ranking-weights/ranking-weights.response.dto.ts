import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type AppliedWeights, DEFAULT_WEIGHTS } from '../ranking/ranking-weights';
import { type CurrentWeights } from './ranking-weight-versions.store';

const WEIGHTS_SCHEMA = { type: 'object', additionalProperties: { type: 'number' }, example: DEFAULT_WEIGHTS.weights } as const;

class ChangedByResponse {
  @ApiProperty({ example: 'admin-001' }) sub: string;
  @ApiProperty({ example: 'admin' }) role: string;
}

export class WeightsVersionResponse {
  @ApiProperty({ example: 12, description: 'Numbered by the database, one sequence for every scope; results carry it as weightsVersion' }) version: number;
  @ApiProperty({ example: 'global', description: "'global' or a province code" }) scope: string;
  @ApiProperty({ ...WEIGHTS_SCHEMA, nullable: true, description: 'The full set; null: the province override was removed' })
  weights: Record<string, number> | null;
  @ApiProperty({ type: ChangedByResponse }) changedBy: ChangedByResponse;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
}

export class GlobalWeightsResponse {
  @ApiProperty({ example: 0, description: '0: the code defaults, never changed' }) version: number;
  @ApiProperty(WEIGHTS_SCHEMA) weights: Record<string, number>;
  @ApiPropertyOptional({ type: WeightsVersionResponse, description: 'The change that set them (none for the defaults)' }) change?: WeightsVersionResponse;
}

export class CurrentWeightsResponse {
  @ApiProperty({ type: GlobalWeightsResponse }) global: GlobalWeightsResponse;
  @ApiProperty({ type: [WeightsVersionResponse], description: "Provinces with their own full set (the rankings whose province it is use it instead of the global one)" })
  provinces: WeightsVersionResponse[];
}

export class WeightsHistoryResponse {
  @ApiProperty({ type: [WeightsVersionResponse], description: 'Newest first' }) items: WeightsVersionResponse[];
}

export const toCurrentWeights = (current: CurrentWeights): CurrentWeightsResponse => ({
  global: { ...toApplied(current.snapshot.global), ...(current.global ? { change: current.global } : {}) },
  provinces: current.provinces,
});

const toApplied = ({ version, weights }: AppliedWeights) => ({ version, weights: { ...weights } });
