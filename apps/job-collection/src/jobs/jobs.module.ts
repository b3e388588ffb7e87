import { Module } from '@nestjs/common';
import { EmployersModule } from '../employers/employers.module';
import { BulkJobsService } from './bulk-jobs.service';
import { DispatchEventsMessageController } from './dispatch-events.message.controller';
import { JobExpirySweeper } from './job-expiry.sweeper';
import { JobFillService } from './job-fill.service';
import { JobsHttpController } from './jobs.http.controller';
import { JobsService } from './jobs.service';

@Module({
  imports: [EmployersModule],
  controllers: [JobsHttpController, DispatchEventsMessageController],
  providers: [JobsService, BulkJobsService, JobFillService, JobExpirySweeper],
  exports: [JobsService, JobExpirySweeper],
})
export class JobsModule {}
