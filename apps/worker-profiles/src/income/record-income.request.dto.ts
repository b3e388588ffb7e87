import { IsCnyAmount, MAX_CNY_AMOUNT } from '@laowu/platform';
import { ApiProperty } from '@nestjs/swagger';
import { Matches, Max, Min } from 'class-validator';

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** POST /v1/workers/{id}/income: the worker's flexible income (灵活就业收入) of one month. */
export class RecordIncomeRequest {
  @ApiProperty({ example: '2026-11', description: 'YYYY-MM, not in the future (the current month may be recorded and replaced later)' })
  @Matches(MONTH_PATTERN, { message: 'month must be YYYY-MM' })
  month: string;

  @ApiProperty({ example: 850.5, minimum: 0, maximum: MAX_CNY_AMOUNT, description: 'CNY, at most two decimals' })
  @IsCnyAmount()
  @Min(0)
  @Max(MAX_CNY_AMOUNT)
  flexibleIncome: number;
}
