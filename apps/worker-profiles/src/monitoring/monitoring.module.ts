import { Module } from '@nestjs/common';
import { MonitoringLinesModule } from '../monitoring-lines/monitoring-lines.module';
import { MonitoringHttpController } from './monitoring.http.controller';
import { MonitoringService } from './monitoring.service';

@Module({ imports: [MonitoringLinesModule], controllers: [MonitoringHttpController], providers: [MonitoringService] })
export class MonitoringModule {}
