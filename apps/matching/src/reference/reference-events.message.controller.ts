import { type EventEnvelope, LaborBrandChanged, type LaborBrandChangedData, TOPICS, TrainingCourseChanged, type TrainingCourseChangedData } from '@laowu/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ReferenceService } from './reference.service';

/**
 * laowu.reference.v1: bureau-added labour brands (劳务品牌, 四) and training courses (十).
 * EmployerRegistered is dispatch's, not matching's: ignored.
 */
@Controller()
export class ReferenceEventsMessageController {
  constructor(private readonly reference: ReferenceService) {}

  @EventPattern(TOPICS.reference, { batch: true })
  async onReferenceEvents(@Payload() events: EventEnvelope[]): Promise<void> {
    const of = <T>(type: string) => events.filter((e) => e.type === type).map((e) => e.data as T);
    await this.reference.saveLaborBrands(of<LaborBrandChangedData>(LaborBrandChanged.type));
    await this.reference.saveTrainingCourses(of<TrainingCourseChangedData>(TrainingCourseChanged.type));
  }
}
