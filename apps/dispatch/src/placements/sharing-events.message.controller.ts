import { EventEnvelope, SharingAgreed, type SharingAgreedData, TOPICS } from '@laowu/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { SharingPlacementsService } from './sharing-placements.service';

/** laowu.sharing.v1: an agreement (共享用工) places its workers; offers and requests are not ours. */
@Controller()
export class SharingEventsMessageController {
  constructor(private readonly sharing: SharingPlacementsService) {}

  @EventPattern(TOPICS.sharing)
  async onSharingEvent(@Payload() event: EventEnvelope): Promise<void> {
    if (event.type === SharingAgreed.type) await this.sharing.applyAgreement(event.data as SharingAgreedData);
  }
}
