import { ApiProperty } from '@nestjs/swagger';
import type { MonitoringLine } from './monitoring-line.entity';

/** A line as set for one region. */
export class MonitoringLineResponse {
  @ApiProperty({ example: '513400' }) regionCode: string;
  @ApiProperty({ example: 7600, description: 'CNY per year' }) annualIncome: number;
  @ApiProperty() updatedAt: string;

  static of(line: MonitoringLine): MonitoringLineResponse {
    return { regionCode: line.regionCode, annualIncome: line.annualIncome, updatedAt: line.updatedAt.toISOString() };
  }
}

/** The line that applies to the region asked for: its own, else its city's, else its province's. */
export class ApplicableMonitoringLineResponse {
  @ApiProperty({ example: '513401', description: 'the region asked for' }) regionCode: string;
  @ApiProperty({ example: '513400', description: 'the region whose line applies (regionCode itself, its city or its province)' }) lineRegionCode: string;
  @ApiProperty({ example: 7600, description: 'CNY per year' }) annualIncome: number;
  @ApiProperty() updatedAt: string;
}
