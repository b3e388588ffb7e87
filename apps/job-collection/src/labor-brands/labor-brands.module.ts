import { Module } from '@nestjs/common';
import { LaborBrandsService } from './labor-brands.service';

@Module({ providers: [LaborBrandsService], exports: [LaborBrandsService] })
export class LaborBrandsModule {}
