import { describeReadiness } from '../../../test/support/readiness';
import { ABOUT, AppModule } from '../src/app.module';
import { WorkerProfilesConfig } from '../src/worker-profiles.config';

describeReadiness({ configClass: WorkerProfilesConfig, about: ABOUT, module: AppModule.forRoot }, { search: false });
