import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StationsModule } from '../stations/stations.module';
import { DeliveriesHttpController } from './deliveries.http.controller';
import { DeliveryFeed } from './delivery-feed';
import { DeliveryRetention } from './delivery-retention';
import { DeliveryEntity } from './delivery.entity';
import { StreamHttpController } from './stream.http.controller';
import { StreamsService } from './streams.service';
import { WebhookRedelivery } from './webhook-redelivery';
import { WebhookDispatcher } from './webhook.dispatcher';

/** Push to stations: SSE streams and signed webhooks, both fed from the deliveries table. */
@Module({
  imports: [TypeOrmModule.forFeature([DeliveryEntity]), StationsModule],
  controllers: [StreamHttpController, DeliveriesHttpController],
  providers: [DeliveryFeed, StreamsService, WebhookDispatcher, DeliveryRetention, WebhookRedelivery],
  exports: [StreamsService],
})
export class PushModule {}
