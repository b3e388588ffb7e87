import { Module } from '@nestjs/common';
import { EmployerPlacementsLedger } from './employer-placements.ledger';
import { EmployersHttpController } from './employers.http.controller';
import { EmployersService } from './employers.service';

@Module({
  controllers: [EmployersHttpController],
  providers: [EmployersService, EmployerPlacementsLedger],
  exports: [EmployersService, EmployerPlacementsLedger],
})
export class EmployersModule {}
