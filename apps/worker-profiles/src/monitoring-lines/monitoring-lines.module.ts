import { Module } from '@nestjs/common';
import { MonitoringLinesHttpController } from './monitoring-lines.http.controller';
import { MonitoringLinesService } from './monitoring-lines.service';

@Module({ controllers: [MonitoringLinesHttpController], providers: [MonitoringLinesService], exports: [MonitoringLinesService] })
export class MonitoringLinesModule {}
