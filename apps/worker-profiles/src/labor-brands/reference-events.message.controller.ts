import { EventEnvelope, LaborBrandChanged, type LaborBrandChangedData, TOPICS } from '@laowu/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { LaborBrandsService } from './labor-brands.service';

/** laowu.reference.v1: bureau-added 劳务品牌 (四); employers and training courses are not ours. */
@Controller()
export class ReferenceEventsMessageController {
  constructor(private readonly brands: LaborBrandsService) {}

  @EventPattern(TOPICS.reference)
  async onReferenceEvent(@Payload() event: EventEnvelope): Promise<void> {
    if (event.type === LaborBrandChanged.type) await this.brands.apply(event.data as LaborBrandChangedData);
  }
}
