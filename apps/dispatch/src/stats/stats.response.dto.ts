import { ApiProperty } from '@nestjs/swagger';

export class OutcomeCount {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'poverty_alleviated, monitoring_target, relocated (a worker may be in several; the total counts them once)' })
  byPriorityGroup: Record<string, number>;
}

/** The figures of one agency, or of everything in scope (totals). */
export class OutcomeFigures {
  @ApiProperty({ type: OutcomeCount, description: 'Workers who departed on a batch in the period' }) dispatched: OutcomeCount;
  @ApiProperty({ type: OutcomeCount, description: 'Workers who arrived at the employer in the period' }) arrived: OutcomeCount;
  @ApiProperty({ type: OutcomeCount, description: 'Placements (match, batch, direct or sharing) whose start date is in the period (China dates of from, inclusive, and to, exclusive)' })
  placed: OutcomeCount;
  @ApiProperty({ type: OutcomeCount, description: 'Of those placements, the ones with a 3-month retention check (稳岗回访) recorded' })
  checked3m: OutcomeCount;
  @ApiProperty({ type: OutcomeCount, description: 'Of those placements, the ones whose 3-month check found the worker still employed' })
  retained3m: OutcomeCount;
}

export class AgencyOutcome extends OutcomeFigures {
  @ApiProperty() agencyId: string;
}

export class StatsResponse {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [AgencyOutcome], description: 'Agencies with a departure, an arrival or a placement in the period, by id' }) agencies: AgencyOutcome[];
  @ApiProperty({
    type: OutcomeFigures,
    description: 'Everything in the caller’s scope, placements without an agency (a station’s direct hire) included; an agency’s totals are its own figures',
  })
  totals: OutcomeFigures;
}
