import { Module } from '@nestjs/common';
import { PlacementExpirySweeper } from './placement-expiry.sweeper';
import { PlacementsHttpController } from './placements.http.controller';
import { PlacementsService } from './placements.service';
import { SharingEventsMessageController } from './sharing-events.message.controller';
import { SharingPlacementsService } from './sharing-placements.service';

@Module({
  controllers: [PlacementsHttpController, SharingEventsMessageController],
  providers: [PlacementsService, PlacementExpirySweeper, SharingPlacementsService],
})
export class PlacementsModule {}
