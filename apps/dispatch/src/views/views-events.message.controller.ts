import { EventEnvelope, JobChangedData, TOPICS, WorkerChangedData } from '@laowu/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ViewsService } from './views.service';

/** Jobs and workers as dispatch needs them (headcount, agency, willing-to-migrate, priority groups). */
@Controller()
export class ViewsEventsMessageController {
  constructor(private readonly views: ViewsService) {}

  @EventPattern(TOPICS.jobs, { batch: true })
  onJobsChanged(@Payload() events: EventEnvelope<JobChangedData>[]): Promise<void> {
    return this.views.applyJobs(events.map((e) => e.data));
  }

  @EventPattern(TOPICS.workers, { batch: true })
  onWorkersChanged(@Payload() events: EventEnvelope<WorkerChangedData>[]): Promise<void> {
    return this.views.applyWorkers(events.map((e) => e.data));
  }
}
