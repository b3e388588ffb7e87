import { type EventEnvelope, SharingPostChanged, type SharingPostChangedData, TOPICS } from '@laowu/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { SharingPostsService } from './sharing-posts.service';

/** laowu.sharing.v1: offers' and requests' states. SharingAgreed is dispatch's (placements): ignored. */
@Controller()
export class SharingEventsMessageController {
  constructor(private readonly posts: SharingPostsService) {}

  @EventPattern(TOPICS.sharing, { batch: true })
  async onSharingEvents(@Payload() events: EventEnvelope[]): Promise<void> {
    await this.posts.save(events.filter((e) => e.type === SharingPostChanged.type).map((e) => e.data as SharingPostChangedData));
  }
}
