import { dropProcessedEventsRetentionSql, processedEventsRetentionSql } from '@laowu/messaging';
import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

/** The index the inbox retention purge reads (processed_events by age). */
export class InboxRetention1764750000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    for (const sql of processedEventsRetentionSql(SCHEMA)) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const sql of dropProcessedEventsRetentionSql(SCHEMA)) await runner.query(sql);
  }
}
