import { Module } from '@nestjs/common';
import { WorkerEventsMessageController } from './worker-events.message.controller';
import { WorkersViewService } from './workers-view.service';

@Module({ controllers: [WorkerEventsMessageController], providers: [WorkersViewService], exports: [WorkersViewService] })
export class WorkersViewModule {}
