import { describeReadiness } from '../../../test/support/readiness';
import { ABOUT, AppModule } from '../src/app.module';
import { MatchingConfig } from '../src/matching.config';

describeReadiness({ configClass: MatchingConfig, about: ABOUT, module: AppModule.forRoot }, { search: true });
