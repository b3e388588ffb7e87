import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { REGION_CODE_PATTERN, SKILL_CODE_PATTERN, WageData } from '../../common.dto';
import { CALENDAR_DATE_PATTERN, CREDIT_CODE_PATTERN } from '../../dispatch/placements';
import { type EventDefinition } from '../../envelope/create-envelope';
import { SHARING_POST_STATUSES, SHARING_SIDES, type SharingPostStatus, type SharingSide } from '../sharing';

/** A skill of a sharing post: for an offer the lent staff's level, for a request the minimum level asked. */
export class SharingSkillData {
  @Matches(SKILL_CODE_PATTERN) code: string;
  @IsOptional() @IsInt() @Min(1) @Max(5) level?: number;
}

/**
 * `laowu.sharing.v1` — a sharing offer's or request's whole current state (the topic is
 * compacted, keyed by post id). `version` is monotonic per post: an agreement bumps it when it
 * lowers `openHeadcount`, so readers keep the highest version and ignore stale duplicates.
 */
export class SharingPostChangedData {
  @IsUUID() postId: string;
  @IsIn(SHARING_SIDES) side: SharingSide;
  @IsInt() @Min(1) version: number;
  @IsIn(SHARING_POST_STATUSES) status: SharingPostStatus;
  @IsString() @MaxLength(100) agencyId: string;
  @IsUUID() employerId: string;
  @IsString() @MaxLength(200) employerName: string;
  @Matches(CREDIT_CODE_PATTERN) employerCreditCode: string;
  @IsInt() @Min(1) headcount: number;
  @IsInt() @Min(0) openHeadcount: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => SharingSkillData) skills: SharingSkillData[];
  @Matches(CALENDAR_DATE_PATTERN) from: string;
  @Matches(CALENDAR_DATE_PATTERN) to: string;
  /** Where the staff are (offer) or the work is (request). */
  @Matches(REGION_CODE_PATTERN) regionCode: string;
  @IsOptional() @ValidateNested() @Type(() => WageData) wage?: WageData;
  @IsISO8601() updatedAt: string;
}

export const SharingPostChanged: EventDefinition<SharingPostChangedData> = {
  type: 'sharing.post-changed',
  schemaVersion: 1,
  keyOf: (data) => data.postId,
};
