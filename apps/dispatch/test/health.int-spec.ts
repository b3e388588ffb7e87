import { describeReadiness } from '../../../test/support/readiness';
import { ABOUT, AppModule } from '../src/app.module';
import { DispatchConfig } from '../src/dispatch.config';

describeReadiness({ configClass: DispatchConfig, about: ABOUT, module: AppModule.forRoot }, { search: false });
