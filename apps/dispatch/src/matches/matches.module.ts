import { Module } from '@nestjs/common';
import { MatchEventsMessageController } from './match-events.message.controller';
import { MatchInboxService } from './match-inbox.service';
import { MatchesHttpController } from './matches.http.controller';
import { MatchesService } from './matches.service';

@Module({
  controllers: [MatchesHttpController, MatchEventsMessageController],
  providers: [MatchInboxService, MatchesService],
  exports: [MatchInboxService],
})
export class MatchesModule {}
