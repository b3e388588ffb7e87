import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '../http/public.decorator';
import { READINESS_CHECKS, ReadinessCheck } from './readiness';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @HealthCheck()
  liveness() {
    return this.health.check([]);
  }

  @Public()
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: every dependency answers (503 otherwise)' })
  @HealthCheck()
  readiness() {
    return this.health.check(this.checks.map((dependency) => () => this.probe(dependency)));
  }

  private async probe(dependency: ReadinessCheck): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(dependency.name);
    try {
      await dependency.check();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
