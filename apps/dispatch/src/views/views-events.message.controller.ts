import { EmployerRegistered, EmployerRegisteredData, EventEnvelope, JobChangedData, TOPICS, WorkerChangedData } from '@laowu/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ViewsService } from './views.service';

/** Jobs, workers and registered employers as dispatch needs them (headcount, agency, willing-to-migrate, priority groups, credit code). */
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

  /** laowu.reference.v1: registered employers; brands and training courses are not ours. */
  @EventPattern(TOPICS.reference, { batch: true })
  onReferenceChanged(@Payload() events: EventEnvelope[]): Promise<void> {
    return this.views.applyEmployers(events.filter((e) => e.type === EmployerRegistered.type).map((e) => e.data as EmployerRegisteredData));
  }
}
