import { Module } from '@nestjs/common';
import { WorkersViewModule } from '../workers-view/workers-view.module';
import { ComplaintRouting } from './complaint-routing';
import { ComplaintsHttpController } from './complaints.http.controller';
import { ComplaintsService } from './complaints.service';

@Module({ imports: [WorkersViewModule], controllers: [ComplaintsHttpController], providers: [ComplaintsService, ComplaintRouting] })
export class ComplaintsModule {}
