import { type EventEnvelope, TOPICS, type WorkerChangedData } from '@laowu/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { WorkersViewService } from './workers-view.service';

/** laowu.workers.v1: which station each worker belongs to (complaints are filed by that station). */
@Controller()
export class WorkerEventsMessageController {
  constructor(private readonly view: WorkersViewService) {}

  @EventPattern(TOPICS.workers, { batch: true })
  onWorkersChanged(@Payload() events: EventEnvelope<WorkerChangedData>[]): Promise<void> {
    return this.view.apply(events.map((e) => e.data));
  }
}
