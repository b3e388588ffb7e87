import { APP_CONFIG } from '@laowu/platform';
import { Global, Module } from '@nestjs/common';
import type { WorkerProfilesConfig } from '../worker-profiles.config';
import { PiiCipher } from './pii-cipher';

@Global()
@Module({
  providers: [{ provide: PiiCipher, useFactory: (config: WorkerProfilesConfig) => new PiiCipher(config.piiKeyring), inject: [APP_CONFIG] }],
  exports: [PiiCipher],
})
export class PiiModule {}
