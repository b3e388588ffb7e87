import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OFFER_WEIGHTS } from './offer-score';
import { type RankedOffer } from './sharing-offers.service';

class OfferReasonResponse {
  @ApiProperty({ enum: Object.keys(OFFER_WEIGHTS), example: 'skills', description: 'skills (3), period (2), distance (2), headcount (1): apps/matching/src/sharing/offer-score.ts' })
  factor: string;

  @ApiProperty({ example: 3, description: "This factor's share of the score (weight × value); the contributions add up to it" })
  contribution: number;

  @ApiProperty({ example: '技能符合 2/2' })
  detail: string;
}

class OfferSkillResponse {
  @ApiProperty({ example: 'welding' }) code: string;
  @ApiPropertyOptional({ example: 3, description: "The lent staff's level" }) level?: number;
}

class OfferWageResponse {
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty({ example: 'day' }) unit: string;
}

/** An offer (idle staff lent, 共享用工 二) ranked for a request. */
export class RankedOfferResponse {
  @ApiProperty({ format: 'uuid' }) offerId: string;
  @ApiProperty() score: number;
  @ApiProperty({ type: [OfferReasonResponse] }) reasons: OfferReasonResponse[];
  @ApiProperty({ example: 12, description: 'The offer’s open headcount: staff still to lend' }) offeredHeadcount: number;
  @ApiProperty({ example: 20, description: 'The headcount the offer was posted with' }) headcount: number;
  @ApiProperty({ format: 'uuid', description: 'The lending employer' }) employerId: string;
  @ApiProperty({ example: '成都某电子有限公司' }) employerName: string;
  @ApiProperty({ description: 'The agency that posted the offer' }) agencyId: string;
  @ApiProperty({ example: '2026-12-10', description: 'First day staff can be lent' }) from: string;
  @ApiProperty({ example: '2027-02-28', description: 'Last day (the latest return date)' }) to: string;
  @ApiProperty({ example: '510116', description: 'Where the staff are' }) regionCode: string;
  @ApiProperty({ type: [OfferSkillResponse] }) skills: OfferSkillResponse[];
  @ApiPropertyOptional({ type: OfferWageResponse }) wage?: OfferWageResponse;
}

export class RankedOffersResponse {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ type: [RankedOfferResponse] }) items: RankedOfferResponse[];
}

export const toRankedOffer = ({ offer, score, reasons }: RankedOffer): RankedOfferResponse => ({
  offerId: offer.postId,
  score,
  reasons,
  offeredHeadcount: offer.openHeadcount,
  headcount: offer.headcount,
  employerId: offer.employerId,
  employerName: offer.employerName,
  agencyId: offer.agencyId,
  from: offer.from,
  to: offer.to,
  regionCode: offer.regionCode,
  skills: offer.skills,
  ...(offer.wage ? { wage: offer.wage } : {}),
});
