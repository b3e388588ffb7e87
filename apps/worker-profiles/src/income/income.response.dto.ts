import { ApiProperty } from '@nestjs/swagger';
import type { WorkerIncome } from './worker-income.entity';

export class IncomeMonthResponse {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ example: 850.5, description: 'CNY' }) flexibleIncome: number;
  @ApiProperty() recordedAt: string;

  static of(row: WorkerIncome): IncomeMonthResponse {
    return { month: row.month, flexibleIncome: row.flexibleIncome, recordedAt: row.recordedAt.toISOString() };
  }
}

export class RecordedIncomeResponse extends IncomeMonthResponse {
  @ApiProperty() workerId: string;

  static ofRecorded(row: WorkerIncome): RecordedIncomeResponse {
    return { workerId: row.workerId, ...IncomeMonthResponse.of(row) };
  }
}

export class WorkerIncomeResponse {
  @ApiProperty() workerId: string;
  @ApiProperty({ type: [IncomeMonthResponse], description: 'the months on record, oldest first' }) months: IncomeMonthResponse[];
}
