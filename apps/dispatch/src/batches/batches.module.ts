import { Module } from '@nestjs/common';
import { BatchesHttpController } from './batches.http.controller';
import { BatchesService } from './batches.service';

@Module({ controllers: [BatchesHttpController], providers: [BatchesService] })
export class BatchesModule {}
