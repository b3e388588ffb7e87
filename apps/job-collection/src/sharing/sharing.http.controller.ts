import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { type SharingSide } from '@laowu/contracts';
import { uuidParam } from '@laowu/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
  ApiTooManyRequestsResponse, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CreateSharingAgreementRequest } from './create-sharing-agreement.request.dto';
import { CreateSharingPostRequest } from './create-sharing-post.request.dto';
import { ListSharingPostsRequest } from './list-sharing-posts.request.dto';
import { SharingAgreementsService } from './sharing-agreements.service';
import { SharingPostsService } from './sharing-posts.service';
import {
  SharingAgreementResponse, SharingPostPageResponse, SharingPostResponse, toSharingAgreementResponse, toSharingPostResponse,
} from './sharing.response.dto';

const POST_RULES =
  '422 SHARING.UNKNOWN_REFERENCE: employerId not registered, a skill outside the taxonomy, an unknown regionCode; ' +
  '422 SHARING.PERIOD_INVALID (field to): to before from, longer than a year, or already over. ' +
  'Published as SharingPostChanged on laowu.sharing.v1 (version 1, openHeadcount = headcount).';
const POST_READERS =
  'Its agency, a bureau whose region contains the post’s region, an admin; anyone else 403 SHARING.NOT_YOURS, the same whether ' +
  'it exists or not (only an admin is told 404).';
const CLOSE =
  'Its agency or an admin: closed, version + 1 and SharingPostChanged; closing a closed post changes nothing. Anyone else 403 ' +
  'SHARING.NOT_YOURS whether it exists or not.';
const LIST = 'An agency’s own, a bureau’s region’s, an admin’s all; newest first; `status` filters.';

/** 共享用工 / 用工余缺调剂 (二): offers of idle staff, requests for staff, and the agreements between them. */
@ApiTags('sharing')
@ApiBearerAuth()
@ApiTooManyRequestsResponse({ description: 'Rate limit per principal exceeded' })
@Controller('v1/sharing')
export class SharingHttpController {
  constructor(
    private readonly posts: SharingPostsService,
    private readonly agreements: SharingAgreementsService,
  ) {}

  @Post('offers')
  @Roles('agency', 'admin')
  @ApiOperation({ summary: 'Offer an employer’s idle staff for a period (共享用工 offer; agency, admin)', description: POST_RULES })
  @ApiCreatedResponse({ type: SharingPostResponse })
  @ApiUnprocessableEntityResponse({ description: 'SHARING.UNKNOWN_REFERENCE; SHARING.PERIOD_INVALID' })
  createOffer(@CurrentPrincipal() principal: Principal, @Body() body: CreateSharingPostRequest): Promise<SharingPostResponse> {
    return this.create(principal, 'offer', body);
  }

  @Post('requests')
  @Roles('agency', 'admin')
  @ApiOperation({ summary: 'Ask for staff for an employer short of labour (共享用工 request; agency, admin)', description: POST_RULES })
  @ApiCreatedResponse({ type: SharingPostResponse })
  @ApiUnprocessableEntityResponse({ description: 'SHARING.UNKNOWN_REFERENCE; SHARING.PERIOD_INVALID' })
  createRequest(@CurrentPrincipal() principal: Principal, @Body() body: CreateSharingPostRequest): Promise<SharingPostResponse> {
    return this.create(principal, 'request', body);
  }

  @Get('offers')
  @Roles('agency', 'bureau', 'admin')
  @ApiOperation({ summary: 'List sharing offers', description: LIST })
  @ApiOkResponse({ type: SharingPostPageResponse })
  listOffers(@CurrentPrincipal() principal: Principal, @Query() query: ListSharingPostsRequest): Promise<SharingPostPageResponse> {
    return this.list(principal, 'offer', query);
  }

  @Get('requests')
  @Roles('agency', 'bureau', 'admin')
  @ApiOperation({ summary: 'List sharing requests', description: LIST })
  @ApiOkResponse({ type: SharingPostPageResponse })
  listRequests(@CurrentPrincipal() principal: Principal, @Query() query: ListSharingPostsRequest): Promise<SharingPostPageResponse> {
    return this.list(principal, 'request', query);
  }

  @Get('offers/:id')
  @ApiOperation({ summary: 'Read a sharing offer with its open headcount', description: POST_READERS })
  @ApiOkResponse({ type: SharingPostResponse })
  @ApiForbiddenResponse({ description: 'SHARING.NOT_YOURS' })
  @ApiNotFoundResponse({ description: 'SHARING.NOT_FOUND (admin only)' })
  async getOffer(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string): Promise<SharingPostResponse> {
    const { post, employer } = await this.posts.get(principal, 'offer', id);
    return toSharingPostResponse(post, employer);
  }

  @Get('requests/:id')
  @ApiOperation({ summary: 'Read a sharing request with its open headcount', description: POST_READERS })
  @ApiOkResponse({ type: SharingPostResponse })
  @ApiForbiddenResponse({ description: 'SHARING.NOT_YOURS' })
  @ApiNotFoundResponse({ description: 'SHARING.NOT_FOUND (admin only)' })
  async getRequest(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string): Promise<SharingPostResponse> {
    const { post, employer } = await this.posts.get(principal, 'request', id);
    return toSharingPostResponse(post, employer);
  }

  @Post('offers/:id/close')
  @Roles('agency', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a sharing offer', description: CLOSE })
  @ApiOkResponse({ type: SharingPostResponse })
  @ApiForbiddenResponse({ description: 'SHARING.NOT_YOURS' })
  @ApiNotFoundResponse({ description: 'SHARING.NOT_FOUND (admin only)' })
  async closeOffer(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string): Promise<SharingPostResponse> {
    const { post, employer } = await this.posts.close(principal, 'offer', id);
    return toSharingPostResponse(post, employer);
  }

  @Post('requests/:id/close')
  @Roles('agency', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a sharing request', description: CLOSE })
  @ApiOkResponse({ type: SharingPostResponse })
  @ApiForbiddenResponse({ description: 'SHARING.NOT_YOURS' })
  @ApiNotFoundResponse({ description: 'SHARING.NOT_FOUND (admin only)' })
  async closeRequest(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string): Promise<SharingPostResponse> {
    const { post, employer } = await this.posts.close(principal, 'request', id);
    return toSharingPostResponse(post, employer);
  }

  @Post('agreements')
  @Roles('agency', 'admin')
  @ApiOperation({
    summary: 'Agree that an offer’s staff work for a request’s employer until returnDate (the agency of either post, admin)',
    description:
      'Anyone but the agency of the offer or of the request (or an admin) gets 403 SHARING.NOT_YOURS, before any rule. Then: ' +
      '422 SHARING.UNKNOWN_REFERENCE (offerId/requestId not such a post); 422 SHARING.AGREEMENT_INVALID for more workerIds than ' +
      'headcount, the same employer on both sides, periods that do not overlap from the start day (requestId) or a returnDate ' +
      'outside the shared period; 409 SHARING.POST_CLOSED (offerId/requestId); 409 SHARING.HEADCOUNT_EXCEEDED (headcount) when ' +
      'headcount exceeds either open headcount. One transaction lowers both open headcounts (row locks: concurrent agreements ' +
      'never overdraw), stores the agreement and publishes SharingPostChanged ×2 and SharingAgreed (startDate = the latest of ' +
      'today and both froms; lender = the offer’s employer, borrower = the request’s).',
  })
  @ApiCreatedResponse({ type: SharingAgreementResponse })
  @ApiForbiddenResponse({ description: 'SHARING.NOT_YOURS' })
  @ApiConflictResponse({ description: 'SHARING.POST_CLOSED; SHARING.HEADCOUNT_EXCEEDED (field headcount)' })
  @ApiUnprocessableEntityResponse({ description: 'SHARING.UNKNOWN_REFERENCE; SHARING.AGREEMENT_INVALID' })
  async agree(@CurrentPrincipal() principal: Principal, @Body() body: CreateSharingAgreementRequest): Promise<SharingAgreementResponse> {
    const { agreement, lender, borrower } = await this.agreements.create(principal, body);
    return toSharingAgreementResponse(agreement, lender, borrower);
  }

  @Get('agreements/:id')
  @ApiOperation({
    summary: 'Read a sharing agreement',
    description:
      'Either side’s agency (and the agency that made it), a bureau whose region contains either post’s region, an admin; ' +
      'anyone else 403 SHARING.NOT_YOURS whether it exists or not (only an admin is told 404).',
  })
  @ApiOkResponse({ type: SharingAgreementResponse })
  @ApiForbiddenResponse({ description: 'SHARING.NOT_YOURS' })
  @ApiNotFoundResponse({ description: 'SHARING.NOT_FOUND (admin only)' })
  async getAgreement(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string): Promise<SharingAgreementResponse> {
    const { agreement, lender, borrower } = await this.agreements.get(principal, id);
    return toSharingAgreementResponse(agreement, lender, borrower);
  }

  private async create(principal: Principal, side: SharingSide, body: CreateSharingPostRequest): Promise<SharingPostResponse> {
    const { post, employer } = await this.posts.create(principal.sub, side, body);
    return toSharingPostResponse(post, employer);
  }

  private async list(principal: Principal, side: SharingSide, query: ListSharingPostsRequest): Promise<SharingPostPageResponse> {
    const { items, total } = await this.posts.list(principal, side, query);
    return { items: items.map(({ post, employer }) => toSharingPostResponse(post, employer)), page: query.page, pageSize: query.pageSize, total };
  }
}
