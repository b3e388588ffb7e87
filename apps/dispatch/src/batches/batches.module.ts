import { Module } from '@nestjs/common';
import { AcceptedMatchesHttpController } from './accepted-matches.http.controller';
import { AcceptedMatchesService } from './accepted-matches.service';
import { BatchesHttpController } from './batches.http.controller';
import { BatchesService } from './batches.service';

@Module({ controllers: [BatchesHttpController, AcceptedMatchesHttpController], providers: [BatchesService, AcceptedMatchesService] })
export class BatchesModule {}
