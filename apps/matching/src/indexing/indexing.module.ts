import { DynamicModule, Module, Type } from '@nestjs/common';
import { IndexingEventsMessageController } from './indexing-events.message.controller';
import { LaborBrandNames } from './labor-brand-names';
import { SearchIndices } from './search-indices';

/**
 * The `jobs` and `workers` indices, global because every feature reads them, and the consumers
 * keeping them in step with the job and worker topics. `pushes` provides JobPushes and
 * WorkerPushes (triggered-pushes.ts): the app hands them in, so indexing does not import push.
 * LaborBrandNames: the 劳务品牌 names a job's brand is searched by (seeds, then bureau-added ones).
 */
@Module({})
export class IndexingModule {
  static triggering(pushes: Type): DynamicModule {
    return {
      module: IndexingModule,
      global: true,
      imports: [pushes],
      controllers: [IndexingEventsMessageController],
      providers: [SearchIndices, LaborBrandNames],
      exports: [SearchIndices, LaborBrandNames],
    };
  }
}
