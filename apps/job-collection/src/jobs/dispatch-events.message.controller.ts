import { EventEnvelope, PlacementEnded, PlacementEndedData, PlacementStarted, PlacementStartedData, TOPICS } from '@laowu/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EmployerPlacementsLedger } from '../employers/employer-placements.ledger';
import { JobFillService } from './job-fill.service';

/**
 * laowu.dispatch.v1: placements started and ended move the job's `filled` (every hire is a
 * placement, a batch arrival included, so WorkerArrived is not counted again) and the ledger of
 * placements at employers (就业帮扶车间 figures); the other dispatch events are not ours to track.
 * Both effects are idempotent on their own (the fill by its inbox mark, the ledger by placement),
 * so a retry after the first committed repeats neither.
 */
@Controller()
export class DispatchEventsMessageController {
  constructor(
    private readonly fills: JobFillService,
    private readonly employerPlacements: EmployerPlacementsLedger,
  ) {}

  @EventPattern(TOPICS.dispatch)
  async onDispatchEvent(@Payload() event: EventEnvelope): Promise<void> {
    if (event.type === PlacementStarted.type) {
      const started = event.data as PlacementStartedData;
      await this.fills.recordPlacementStarted(event.id, started);
      await this.employerPlacements.recordStarted(event.id, started);
    } else if (event.type === PlacementEnded.type) {
      const ended = event.data as PlacementEndedData;
      await this.fills.recordPlacementEnded(event.id, ended);
      await this.employerPlacements.recordEnded(ended);
    }
  }
}
