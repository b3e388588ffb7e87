import { Module } from '@nestjs/common';
import { IncomeHttpController } from './income.http.controller';
import { IncomeService } from './income.service';

@Module({ controllers: [IncomeHttpController], providers: [IncomeService] })
export class IncomeModule {}
