import { Type } from 'class-transformer';
import { IsArray, IsInt, IsISO8601, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { REGION_CODE_PATTERN } from '../../common.dto';
import { CALENDAR_DATE_PATTERN, CREDIT_CODE_PATTERN } from '../../dispatch/placements';
import { type EventDefinition } from '../../envelope/create-envelope';

export class SharingEmployerData {
  @IsUUID() employerId: string;
  @IsString() @MaxLength(200) name: string;
  @Matches(CREDIT_CODE_PATTERN) creditCode: string;
  @Matches(REGION_CODE_PATTERN) regionCode: string;
}

/**
 * A 共享用工 agreement: `headcount` staff move from the offer's employer to the request's until
 * `returnDate`. dispatch places each named worker (`source: sharing`, employer = the borrowing
 * one, planned end = the return date) and ends the placement on the return date. One event per
 * agreement, keyed by agreement id (the topic is compacted; an agreement is never rewritten).
 */
export class SharingAgreedData {
  @IsUUID() agreementId: string;
  @IsUUID() offerId: string;
  @IsUUID() requestId: string;
  /** The agency that made the agreement (either side's). */
  @IsString() @MaxLength(100) agencyId: string;
  @IsInt() @Min(1) headcount: number;
  /** The workers who move, when the agreement names them (registered Laowu workers). */
  @IsArray() @IsUUID('all', { each: true }) workerIds: string[];
  @ValidateNested() @Type(() => SharingEmployerData) lender: SharingEmployerData;
  @ValidateNested() @Type(() => SharingEmployerData) borrower: SharingEmployerData;
  @Matches(CALENDAR_DATE_PATTERN) startDate: string;
  @Matches(CALENDAR_DATE_PATTERN) returnDate: string;
  @IsISO8601() agreedAt: string;
}

export const SharingAgreed: EventDefinition<SharingAgreedData> = {
  type: 'sharing.agreed',
  schemaVersion: 1,
  keyOf: (data) => data.agreementId,
};
