import { EventEnvelope, MatchFoundData, TOPICS } from '@laowu/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { MatchInboxService } from './match-inbox.service';

@Controller()
export class MatchEventsMessageController {
  constructor(private readonly inbox: MatchInboxService) {}

  /** Keyed by station, so one station's matches arrive in order and get ascending delivery ids. */
  @EventPattern(TOPICS.matches, { batch: true })
  async onMatchesFound(@Payload() events: EventEnvelope<MatchFoundData>[]): Promise<void> {
    await this.inbox.store(events);
  }
}
