import { Module } from '@nestjs/common';
import { FollowUpLedgerService } from './follow-up-ledger.service';
import { FollowUpsHttpController } from './follow-ups.http.controller';
import { FollowUpsService } from './follow-ups.service';

@Module({ controllers: [FollowUpsHttpController], providers: [FollowUpsService, FollowUpLedgerService] })
export class FollowUpsModule {}
