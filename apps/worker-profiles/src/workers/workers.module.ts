import { Module } from '@nestjs/common';
import { LaborBrandsModule } from '../labor-brands/labor-brands.module';
import { DispatchEventsMessageController } from './dispatch-events.message.controller';
import { EmploymentStatusService } from './employment-status.service';
import { WorkersHttpController } from './workers.http.controller';
import { WorkersService } from './workers.service';

@Module({
  imports: [LaborBrandsModule],
  controllers: [WorkersHttpController, DispatchEventsMessageController],
  providers: [WorkersService, EmploymentStatusService],
})
export class WorkersModule {}
