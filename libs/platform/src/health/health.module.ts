import { DynamicModule, Module, Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { READINESS_CHECKS, ReadinessCheck } from './readiness';

@Module({})
export class HealthModule {
  /** `checks` are injectable ReadinessCheck classes provided by the modules in `imports`. */
  static forRoot(options: { imports?: DynamicModule['imports']; checks: Type<ReadinessCheck>[] }): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false }), ...(options.imports ?? [])],
      controllers: [HealthController],
      providers: [
        {
          provide: READINESS_CHECKS,
          useFactory: (...checks: ReadinessCheck[]) => checks,
          inject: options.checks,
        },
      ],
    };
  }
}
