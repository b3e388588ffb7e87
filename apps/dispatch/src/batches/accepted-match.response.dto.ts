import { ApiProperty } from '@nestjs/swagger';

/** An accepted match, as a coordinator picks workers for a batch from it: ids and figures only, no personal data. */
export class AcceptedMatchResponse {
  @ApiProperty() matchId: string;
  @ApiProperty() jobId: string;
  @ApiProperty() workerId: string;
  @ApiProperty({ description: 'The station the match was pushed to (the worker’s)' }) stationId: string;
  @ApiProperty() score: number;
  @ApiProperty({ description: 'When the match was accepted (its status_changed_at)' }) acceptedAt: string;
  @ApiProperty({
    description: 'The worker holds a seat on a batch that is neither closed nor cancelled (seated, boarded or arrived, no-shows freed): seating them elsewhere is refused',
  })
  onActiveBatch: boolean;
}

export class AcceptedMatchPageResponse {
  @ApiProperty({ type: [AcceptedMatchResponse] }) items: AcceptedMatchResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
