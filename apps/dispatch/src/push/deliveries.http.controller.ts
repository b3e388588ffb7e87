import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ActsForStationGuard, assertActsForStation } from '../stations/station.access';
import { DeliveryEntity, WebhookStatus } from './delivery.entity';
import { DeliveryListResponse, DeliveryResponse, RedeliveredResponse } from './delivery.response.dto';
import { DeliveryFilter, ListDeliveriesQuery } from './list-deliveries.query.dto';
import { RedeliverDeliveriesRequest } from './redeliver-deliveries.request.dto';
import { REDELIVER_LIMIT, WebhookRedelivery } from './webhook-redelivery';

const STATUSES: Record<DeliveryFilter, WebhookStatus[]> = {
  undelivered: ['pending', 'dead'],
  dead: ['dead'],
  delivered: ['delivered'],
};

@ApiTags('push')
@ApiBearerAuth()
@Controller('v1/stations')
export class DeliveriesHttpController {
  constructor(
    @InjectRepository(DeliveryEntity) private readonly deliveries: Repository<DeliveryEntity>,
    private readonly redelivery: WebhookRedelivery,
  ) {}

  @Get(':id/deliveries')
  @Roles('station', 'admin')
  @ApiOperation({
    summary: "The station's webhook deliveries not (yet) accepted: retrying (pending) or dead-lettered",
    description:
      '`lastError` is `HTTP <status>` when the receiver answered, `address not allowed` when the URL resolves to a loopback, private, ' +
      'link-local or other non-public address, and `connection failed` for every other network failure (refused, reset, unresolvable, ' +
      'timed out) — never the socket error. While the station\'s circuit is open (WEBHOOK_CIRCUIT_FAILURES consecutive failures), ' +
      'pending deliveries wait past their `nextAttemptAt` until the cooldown ends.',
  })
  @ApiOkResponse({ type: DeliveryListResponse })
  async list(@Param('id') stationId: string, @Query() query: ListDeliveriesQuery, @CurrentPrincipal() principal: Principal): Promise<DeliveryListResponse> {
    assertActsForStation(principal, stationId);
    const rows = await this.deliveries.find({
      where: { stationId, webhookStatus: In(STATUSES[query.status ?? 'undelivered']) },
      order: { id: 'ASC' },
      take: query.limit ?? 100,
    });
    return { items: rows.map(DeliveryResponse.of) };
  }

  @Post(':id/deliveries/redeliver')
  @HttpCode(200)
  @Roles('station', 'admin')
  @UseGuards(ActsForStationGuard)
  @ApiOperation({
    summary: "Send the station's dead-lettered webhook deliveries again (admin, or the station itself)",
    description:
      `Every \`dead\` delivery of the station (only \`deliveryIds\`, only those created at or after \`since\`; both: both) becomes pending ` +
      `with a fresh retry schedule and is sent now, with the same \`webhook-id\`; the station's circuit breaker is closed. At most ${REDELIVER_LIMIT} ` +
      'per call (`more`: call again). Idempotent: deliveries that are pending or delivered are left alone, so a repeated call resends nothing.',
  })
  @ApiOkResponse({ type: RedeliveredResponse })
  @ApiBadRequestResponse({ description: 'details name every failing or unknown field' })
  @ApiForbiddenResponse({ description: 'AUTH.ROLE_NOT_ALLOWED (not admin or station), STATION.NOT_YOURS (another station)' })
  @ApiNotFoundResponse({ description: 'STATION.NOT_FOUND' })
  async redeliver(@Param('id') stationId: string, @Body() body: RedeliverDeliveriesRequest): Promise<RedeliveredResponse> {
    return this.redelivery.redeliver(stationId, { deliveryIds: body.deliveryIds, since: body.since ? new Date(body.since) : undefined });
  }
}
