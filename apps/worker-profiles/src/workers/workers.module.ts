import { Module } from '@nestjs/common';
import { LaborBrandsModule } from '../labor-brands/labor-brands.module';
import { DispatchEventsMessageController } from './dispatch-events.message.controller';
import { EmploymentStatusService } from './employment-status.service';
import { PhoneHashBackfill } from './phone-hash.backfill';
import { WorkersHttpController } from './workers.http.controller';
import { WorkerDirectoryHttpController } from './worker-directory.http.controller';
import { WorkerDirectoryService } from './worker-directory.service';
import { WorkersBulkService } from './workers-bulk.service';
import { WorkersService } from './workers.service';

@Module({
  imports: [LaborBrandsModule],
  controllers: [WorkersHttpController, WorkerDirectoryHttpController, DispatchEventsMessageController],
  providers: [WorkersService, EmploymentStatusService, WorkersBulkService, WorkerDirectoryService, PhoneHashBackfill],
})
export class WorkersModule {}
