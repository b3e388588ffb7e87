import { dropOutboxLanesSql, outboxLanesSql } from '@laowu/messaging';
import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

export class OutboxLanes1764500000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    for (const sql of outboxLanesSql(SCHEMA)) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const sql of dropOutboxLanesSql(SCHEMA)) await runner.query(sql);
  }
}
