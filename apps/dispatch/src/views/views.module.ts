import { Module } from '@nestjs/common';
import { ViewsEventsMessageController } from './views-events.message.controller';
import { ViewsService } from './views.service';

@Module({ controllers: [ViewsEventsMessageController], providers: [ViewsService] })
export class ViewsModule {}
