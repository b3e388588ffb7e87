import { dropProcessedEventsRetentionSql, processedEventsRetentionSql } from '@laowu/messaging';
import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

/** The indexes the retention purges read: processed_events by age, and deliveries done with by age. */
export class Retention1764750000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    for (const sql of processedEventsRetentionSql(SCHEMA)) await runner.query(sql);
    await runner.query(`CREATE INDEX deliveries_done_created_at ON "${SCHEMA}".deliveries (created_at) WHERE webhook_status <> 'pending'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "${SCHEMA}".deliveries_done_created_at`);
    for (const sql of dropProcessedEventsRetentionSql(SCHEMA)) await runner.query(sql);
  }
}
