import { ApiProperty } from '@nestjs/swagger';

/** A 就业帮扶车间 and the poverty-alleviated people it employs (十四), from placements with its credit code. */
export class WorkshopResponse {
  @ApiProperty() creditCode: string;
  @ApiProperty() name: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ description: 'Poverty-alleviated workers (脱贫人口) in an active placement with this employer now' }) povertyAlleviatedNow: number;
  @ApiProperty({ description: 'Distinct poverty-alleviated workers with a placement here overlapping the calendar year `year`' })
  povertyAlleviatedThisYear: number;
  @ApiProperty({ description: 'Every worker in an active placement with this employer now' }) employedNow: number;
  @ApiProperty({ description: 'The year povertyAlleviatedThisYear counts' }) year: number;
}

export class WorkshopsResponse {
  @ApiProperty({ nullable: true, type: String, description: 'The region listed (null: everywhere, for an admin)' }) regionCode: string | null;
  @ApiProperty() year: number;
  @ApiProperty({ type: [WorkshopResponse], description: 'By region, then credit code' }) items: WorkshopResponse[];
}
