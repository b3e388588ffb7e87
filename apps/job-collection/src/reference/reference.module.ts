import { Module } from '@nestjs/common';
import { LaborBrandsModule } from '../labor-brands/labor-brands.module';
import { ReferenceHttpController } from './reference.http.controller';

@Module({ imports: [LaborBrandsModule], controllers: [ReferenceHttpController] })
export class ReferenceModule {}
