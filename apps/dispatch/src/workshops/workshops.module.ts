import { Module } from '@nestjs/common';
import { WorkshopsHttpController } from './workshops.http.controller';
import { WorkshopsService } from './workshops.service';

/** 就业帮扶车间 (十四): employers flagged by bureaus, with the poverty-alleviated people they employ. */
@Module({ controllers: [WorkshopsHttpController], providers: [WorkshopsService] })
export class WorkshopsModule {}
