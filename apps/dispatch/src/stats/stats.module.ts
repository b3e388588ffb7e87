import { Module } from '@nestjs/common';
import { StatsHttpController } from './stats.http.controller';
import { StatsService } from './stats.service';

@Module({ controllers: [StatsHttpController], providers: [StatsService] })
export class StatsModule {}
