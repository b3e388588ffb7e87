import { EventEnvelope, MatchStatusChanged, MatchStatusChangedData, TOPICS } from '@laowu/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { DeclinedPairsService } from './declined-pairs.service';

/** laowu.dispatch.v1: a station's declines; arrivals and batch changes are not matching's. */
@Controller()
export class DispatchEventsMessageController {
  constructor(private readonly declined: DeclinedPairsService) {}

  @EventPattern(TOPICS.dispatch, { batch: true })
  async onDispatchEvents(@Payload() events: EventEnvelope[]): Promise<void> {
    const changes = events.filter((e) => e.type === MatchStatusChanged.type).map((e) => e.data as MatchStatusChangedData);
    await this.declined.record(changes);
  }
}
