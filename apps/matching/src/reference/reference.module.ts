import { Module } from '@nestjs/common';
import { ReferenceEventsMessageController } from './reference-events.message.controller';
import { ReferenceService } from './reference.service';

/** Matching's copy of the reference registries it uses: labour brands (for search) and training courses (for suggestions). */
@Module({
  controllers: [ReferenceEventsMessageController],
  providers: [ReferenceService],
})
export class ReferenceModule {}
