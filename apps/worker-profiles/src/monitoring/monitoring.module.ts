import { Module } from '@nestjs/common';
import { MonitoringHttpController } from './monitoring.http.controller';
import { MonitoringService } from './monitoring.service';

@Module({ controllers: [MonitoringHttpController], providers: [MonitoringService] })
export class MonitoringModule {}
