import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { DeliveryEntity, WebhookStatus } from '../matches/delivery.entity';
import { assertActsForStation } from '../stations/station-access';
import { DeliveryListResponse, DeliveryResponse } from './delivery.response.dto';
import { DeliveryFilter, ListDeliveriesQuery } from './list-deliveries.query.dto';

const STATUSES: Record<DeliveryFilter, WebhookStatus[]> = {
  undelivered: ['pending', 'dead'],
  dead: ['dead'],
  delivered: ['delivered'],
};

@ApiTags('push')
@ApiBearerAuth()
@Controller('v1/stations')
export class DeliveriesHttpController {
  constructor(@InjectRepository(DeliveryEntity) private readonly deliveries: Repository<DeliveryEntity>) {}

  @Get(':id/deliveries')
  @Roles('station', 'admin')
  @ApiOperation({ summary: "The station's webhook deliveries not (yet) accepted: retrying (pending) or dead-lettered" })
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
}
