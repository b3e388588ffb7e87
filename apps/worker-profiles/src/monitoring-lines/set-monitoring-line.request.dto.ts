import { IsCnyAmount, MAX_CNY_AMOUNT } from '@laowu/platform';
import { ApiProperty } from '@nestjs/swagger';
import { IsPositive, Max } from 'class-validator';

/** PUT /v1/reference/monitoring-lines/{regionCode}. */
export class SetMonitoringLineRequest {
  @ApiProperty({ example: 7600, maximum: MAX_CNY_AMOUNT, description: 'annual income per person in CNY, > 0, at most two decimals' })
  @IsCnyAmount()
  @IsPositive()
  @Max(MAX_CNY_AMOUNT)
  annualIncome: number;
}
