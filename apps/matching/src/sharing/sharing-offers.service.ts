import { type Principal } from '@laowu/auth';
import { Injectable } from '@nestjs/common';
import { type OfferReason, scoreOffer } from './offer-score';
import { type SharingPost } from './sharing-post.entity';
import { assertMayReadRequestOffers } from './sharing-request.access';
import { SharingPostsService } from './sharing-posts.service';

export interface RankedOffer {
  offer: SharingPost;
  score: number;
  reasons: OfferReason[];
}

/**
 * The offers for a 共享用工 request, best first: open, with staff left, a period sharing a day
 * with the request's, of another employer; ranked in TypeScript by offer-score.ts (a request's
 * overlapping offers are few), ties by offer id.
 */
@Injectable()
export class SharingOffersService {
  constructor(private readonly posts: SharingPostsService) {}

  async offersFor(principal: Principal, requestId: string, limit: number): Promise<RankedOffer[]> {
    const request = await this.posts.request(requestId);
    assertMayReadRequestOffers(principal, request);
    const offers = await this.posts.openOffersOverlapping(request.from, request.to, request.employerId);
    return offers
      .map((offer) => ({ offer, ...scoreOffer(request, offer) }))
      .sort((a, b) => b.score - a.score || a.offer.postId.localeCompare(b.offer.postId))
      .slice(0, limit);
  }
}
