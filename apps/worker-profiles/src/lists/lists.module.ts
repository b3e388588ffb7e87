import { Module } from '@nestjs/common';
import { ListsHttpController } from './lists.http.controller';
import { ListsService } from './lists.service';

@Module({ controllers: [ListsHttpController], providers: [ListsService] })
export class ListsModule {}
