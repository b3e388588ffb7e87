import { Module } from '@nestjs/common';
import { LaborBrandsService } from './labor-brands.service';
import { ReferenceEventsMessageController } from './reference-events.message.controller';

@Module({ controllers: [ReferenceEventsMessageController], providers: [LaborBrandsService], exports: [LaborBrandsService] })
export class LaborBrandsModule {}
