import { IsArray, IsISO8601, IsString, Matches, MaxLength } from 'class-validator';
import { REGION_CODE_PATTERN, SKILL_CODE_PATTERN } from '../../common.dto';
import { type EventDefinition } from '../../envelope/create-envelope';

/**
 * A 劳务品牌 (四) added to the registry by a bureau (the seeded brands live in @laowu/domain and
 * are never sent). worker-profiles accepts it on workers; matching finds it by name. Keyed by code.
 */
export class LaborBrandChangedData {
  @Matches(SKILL_CODE_PATTERN) code: string;
  @IsString() @MaxLength(64) name: string;
  @Matches(REGION_CODE_PATTERN) regionCode: string;
  @IsString() @MaxLength(64) trade: string;
  @IsArray() @IsString({ each: true }) @MaxLength(64, { each: true }) keywords: string[];
  @IsISO8601() updatedAt: string;
}

export const LaborBrandChanged: EventDefinition<LaborBrandChangedData> = {
  type: 'reference.labor-brand-changed',
  schemaVersion: 1,
  keyOf: (data) => data.code,
};
