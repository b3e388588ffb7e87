import { dropOutboxTablesSql, outboxTablesSql } from '@laowu/messaging';
import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

export class Outbox1764300000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    for (const sql of outboxTablesSql(SCHEMA)) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const sql of dropOutboxTablesSql(SCHEMA)) await runner.query(sql);
  }
}
