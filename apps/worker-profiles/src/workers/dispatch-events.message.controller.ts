import { EventEnvelope, PlacementEnded, type PlacementEndedData, PlacementStarted, type PlacementStartedData, TOPICS } from '@laowu/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EmploymentStatusService } from './employment-status.service';

/**
 * laowu.dispatch.v1: placements move the worker's status (a batch arrival makes a placement too,
 * so its WorkerArrived is not ours any more); batch and match state changes are not ours either.
 */
@Controller()
export class DispatchEventsMessageController {
  constructor(private readonly statuses: EmploymentStatusService) {}

  @EventPattern(TOPICS.dispatch)
  async onDispatchEvent(@Payload() event: EventEnvelope): Promise<void> {
    if (event.type === PlacementStarted.type) await this.statuses.applyPlacementStarted(event.id, event.data as PlacementStartedData);
    if (event.type === PlacementEnded.type) await this.statuses.applyPlacementEnded(event.id, event.data as PlacementEndedData);
  }
}
