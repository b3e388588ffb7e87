import { Module } from '@nestjs/common';
import { DispatchEventsMessageController } from './dispatch-events.message.controller';
import { EmploymentStatusService } from './employment-status.service';
import { WorkersHttpController } from './workers.http.controller';
import { WorkersService } from './workers.service';

@Module({
  controllers: [WorkersHttpController, DispatchEventsMessageController],
  providers: [WorkersService, EmploymentStatusService],
})
export class WorkersModule {}
