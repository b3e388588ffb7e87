import { Module } from '@nestjs/common';
import { JobPushes, WorkerPushes } from '../indexing/triggered-pushes';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { RankingModule } from '../ranking/ranking.module';
import { RankingWeightsModule } from '../ranking-weights/ranking-weights.module';
import { DeclinedPairsService } from './declined-pairs.service';
import { DispatchEventsMessageController } from './dispatch-events.message.controller';
import { JobPushesService } from './job-pushes.service';
import { MatchesOutbox } from './matches-outbox';
import { WorkerAvailablePushesService } from './worker-available-pushes.service';

/** The push engine: job and worker-available pushes (started by the indexing consumers) and the declined pairs they leave out. */
@Module({
  imports: [RankingModule, RankingWeightsModule, OutcomesModule],
  controllers: [DispatchEventsMessageController],
  providers: [
    DeclinedPairsService,
    MatchesOutbox,
    JobPushesService,
    WorkerAvailablePushesService,
    { provide: JobPushes, useExisting: JobPushesService },
    { provide: WorkerPushes, useExisting: WorkerAvailablePushesService },
  ],
  exports: [DeclinedPairsService, JobPushes, WorkerPushes],
})
export class PushModule {}
