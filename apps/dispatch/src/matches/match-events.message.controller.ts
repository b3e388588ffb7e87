import { EventEnvelope, MatchesFoundData, TOPICS } from '@laowu/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { InboxEventData } from './match-group';
import { MatchInboxService } from './match-inbox.service';

/**
 * Both lanes' matches, each topic consumed by its lane's consumer group (the instant lane's
 * never waits behind a standard-lane backlog). Keyed by station, so one station's matches of a
 * lane arrive in order and get ascending delivery ids.
 */
@Controller()
export class MatchEventsMessageController {
  constructor(private readonly inbox: MatchInboxService) {}

  /** Standard lane: MatchesFound for cross-region jobs and available workers, and legacy per-pair MatchFound. */
  @EventPattern(TOPICS.matches, { batch: true })
  async onMatches(@Payload() events: EventEnvelope<InboxEventData>[]): Promise<void> {
    await this.inbox.store(events);
  }

  /** Instant lane: MatchesFound for gig and `instant` jobs. */
  @EventPattern(TOPICS.matchesInstant, { batch: true })
  async onInstantMatches(@Payload() events: EventEnvelope<MatchesFoundData>[]): Promise<void> {
    await this.inbox.store(events);
  }
}
