import { ApiProperty } from '@nestjs/swagger';

export class OutcomeCount {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'poverty_alleviated, monitoring_target, relocated (a worker may be in several)' })
  byPriorityGroup: Record<string, number>;
}

export class AgencyOutcome {
  @ApiProperty() agencyId: string;
  @ApiProperty({ type: OutcomeCount, description: 'Workers who departed on a batch in the period' }) dispatched: OutcomeCount;
  @ApiProperty({ type: OutcomeCount, description: 'Workers who arrived at the employer in the period' }) arrived: OutcomeCount;
}

export class StatsResponse {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [AgencyOutcome] }) agencies: AgencyOutcome[];
}
