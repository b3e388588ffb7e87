import { EventEnvelope, TOPICS, WorkerArrived, WorkerArrivedData } from '@laowu/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { JobFillService } from './job-fill.service';

/** laowu.dispatch.v1: arrivals raise filled headcount; batch state changes are not ours to track. */
@Controller()
export class DispatchEventsMessageController {
  constructor(private readonly fills: JobFillService) {}

  @EventPattern(TOPICS.dispatch)
  async onDispatchEvent(@Payload() event: EventEnvelope): Promise<void> {
    if (event.type !== WorkerArrived.type) return;
    await this.fills.recordArrival(event.id, event.data as WorkerArrivedData);
  }
}
