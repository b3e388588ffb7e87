import { Module } from '@nestjs/common';
import { SharingEventsMessageController } from './sharing-events.message.controller';
import { SharingHttpController } from './sharing.http.controller';
import { SharingOffersService } from './sharing-offers.service';
import { SharingPostsService } from './sharing-posts.service';

/** 共享用工 (二): matching's copy of offers and requests, and the offers ranked for a request. */
@Module({
  controllers: [SharingEventsMessageController, SharingHttpController],
  providers: [SharingPostsService, SharingOffersService],
})
export class SharingModule {}
