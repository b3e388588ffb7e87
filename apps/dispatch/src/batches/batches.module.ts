import { APP_CONFIG, FieldCipher } from '@laowu/platform';
import { Module } from '@nestjs/common';
import { DispatchConfig } from '../dispatch.config';
import { AcceptedMatchesHttpController } from './accepted-matches.http.controller';
import { AcceptedMatchesService } from './accepted-matches.service';
import { BatchesHttpController } from './batches.http.controller';
import { BatchesService } from './batches.service';

@Module({
  controllers: [BatchesHttpController, AcceptedMatchesHttpController],
  providers: [
    BatchesService,
    AcceptedMatchesService,
    { provide: FieldCipher, useFactory: (config: DispatchConfig) => new FieldCipher(config.piiKeyring), inject: [APP_CONFIG] },
  ],
})
export class BatchesModule {}
