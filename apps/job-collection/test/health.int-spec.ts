import { describeReadiness } from '../../../test/support/readiness';
import { ABOUT, AppModule } from '../src/app.module';
import { JobCollectionConfig } from '../src/job-collection.config';

describeReadiness({ configClass: JobCollectionConfig, about: ABOUT, module: AppModule.forRoot }, { search: false });
