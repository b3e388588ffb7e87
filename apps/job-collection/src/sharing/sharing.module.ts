import { Module } from '@nestjs/common';
import { SharingAgreementsService } from './sharing-agreements.service';
import { SharingHttpController } from './sharing.http.controller';
import { SharingPostsService } from './sharing-posts.service';

@Module({
  controllers: [SharingHttpController],
  providers: [SharingPostsService, SharingAgreementsService],
})
export class SharingModule {}
