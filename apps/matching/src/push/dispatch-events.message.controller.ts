import { EventEnvelope, MatchStatusChanged, MatchStatusChangedData, TOPICS } from '@laowu/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { DispatchOutcomesRecorder } from '../outcomes/dispatch-outcomes.recorder';
import { DeclinedPairsService } from './declined-pairs.service';

/**
 * laowu.dispatch.v1: a station's declines (left out of pushes and lists), and the outcomes the
 * ranking learns from (decisions and arrivals, outcomes/). Batch changes are not matching's. Both
 * writes are idempotent; the batch's offsets are committed only after both, so a crash between
 * them redelivers the batch and the first write changes nothing the second time.
 */
@Controller()
export class DispatchEventsMessageController {
  constructor(
    private readonly declined: DeclinedPairsService,
    private readonly outcomes: DispatchOutcomesRecorder,
  ) {}

  @EventPattern(TOPICS.dispatch, { batch: true })
  async onDispatchEvents(@Payload() events: EventEnvelope[]): Promise<void> {
    const changes = events.filter((e) => e.type === MatchStatusChanged.type).map((e) => e.data as MatchStatusChangedData);
    await this.declined.record(changes);
    await this.outcomes.record(events);
  }
}
