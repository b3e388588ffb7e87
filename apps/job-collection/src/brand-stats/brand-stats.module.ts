import { Module } from '@nestjs/common';
import { LaborBrandsModule } from '../labor-brands/labor-brands.module';
import { BrandStatsHttpController } from './brand-stats.http.controller';
import { BrandStatsService } from './brand-stats.service';

@Module({ imports: [LaborBrandsModule], controllers: [BrandStatsHttpController], providers: [BrandStatsService] })
export class BrandStatsModule {}
