import { Module } from '@nestjs/common';
import { TrainingHttpController } from './training.http.controller';
import { TrainingService } from './training.service';

@Module({ controllers: [TrainingHttpController], providers: [TrainingService] })
export class TrainingModule {}
