import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { uuidParam } from '@laowu/platform';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MatchesLimitRequest } from '../matches/limit.request.dto';
import { RankedOffersResponse, toRankedOffer } from './sharing-offer.response.dto';
import { SharingOffersService } from './sharing-offers.service';

@ApiTags('sharing')
@ApiBearerAuth()
@Controller('v1/sharing')
export class SharingHttpController {
  constructor(private readonly offers: SharingOffersService) {}

  @Get('requests/:id/offers')
  @Roles('agency', 'bureau', 'admin')
  @ApiOperation({
    summary: 'Offers of idle staff ranked for a 共享用工 (employee sharing, 二) request, each with reasons',
    description:
      'Open offers of other employers with staff left (offeredHeadcount > 0) whose period shares a day with the request\'s, best first. ' +
      'Score = 3 × skills (share of the request\'s skills the offer covers at the level asked) + 2 × period (share of the request\'s days ' +
      'covered) + 2 × distance (region centres: 0.5 at 100 km; at least 1 in the same county, 0.8 the same prefecture, 0.5 the same ' +
      'province) + 1 × headcount (share of the request\'s open headcount the offer fills); each reason is { factor, contribution, detail } ' +
      'and the contributions add up to the score. For the agency that posted the request, bureaus whose region contains it, and admin; ' +
      'others get 403 SHARING.REQUEST_FORBIDDEN, the same whether the request exists or not. A request matching has not indexed yet: ' +
      '404 SHARING.REQUEST_NOT_INDEXED for admin (an agency or bureau gets the 403).',
  })
  @ApiOkResponse({ type: RankedOffersResponse })
  @ApiNotFoundResponse({ description: 'SHARING.REQUEST_NOT_INDEXED' })
  @ApiForbiddenResponse({ description: 'SHARING.REQUEST_FORBIDDEN' })
  async offersForRequest(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: MatchesLimitRequest,
  ): Promise<RankedOffersResponse> {
    const ranked = await this.offers.offersFor(principal, id, query.limit ?? 20);
    return { requestId: id, items: ranked.map(toRankedOffer) };
  }
}
