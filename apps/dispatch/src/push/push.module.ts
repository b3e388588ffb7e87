import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeliveryEntity } from '../matches/delivery.entity';
import { StationsModule } from '../stations/stations.module';
import { DeliveriesHttpController } from './deliveries.http.controller';
import { DeliveryFeed } from './delivery-feed';
import { StreamHttpController } from './stream.http.controller';
import { StreamsService } from './streams.service';
import { WebhookDispatcher } from './webhook.dispatcher';

/** Push to stations: SSE streams and signed webhooks, both fed from the deliveries table. */
@Module({
  imports: [TypeOrmModule.forFeature([DeliveryEntity]), StationsModule],
  controllers: [StreamHttpController, DeliveriesHttpController],
  providers: [DeliveryFeed, StreamsService, WebhookDispatcher],
  exports: [StreamsService],
})
export class PushModule {}
