import { Module } from '@nestjs/common';
import { ReferenceHttpController } from './reference.http.controller';

@Module({ controllers: [ReferenceHttpController] })
export class ReferenceModule {}
