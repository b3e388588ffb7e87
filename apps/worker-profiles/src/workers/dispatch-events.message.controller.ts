import { EventEnvelope, TOPICS, WorkerArrived, WorkerArrivedData } from '@laowu/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EmploymentStatusService } from './employment-status.service';

/** laowu.dispatch.v1: arrivals are employment outcomes; batch state changes are not ours. */
@Controller()
export class DispatchEventsMessageController {
  constructor(private readonly statuses: EmploymentStatusService) {}

  @EventPattern(TOPICS.dispatch)
  async onDispatchEvent(@Payload() event: EventEnvelope): Promise<void> {
    if (event.type !== WorkerArrived.type) return;
    await this.statuses.applyArrival(event.id, event.data as WorkerArrivedData);
  }
}
