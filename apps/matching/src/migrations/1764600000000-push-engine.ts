import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * v1.1 push engine: job announcements per trigger (instant and cross-region), the last state of
 * each worker seen (to tell "became unemployed or seeking"), and the pairs stations declined.
 */
export class PushEngine1764600000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "${SCHEMA}".instant_announcements RENAME TO job_announcements`);
    await runner.query(`ALTER TABLE "${SCHEMA}".job_announcements ADD COLUMN trigger text NOT NULL DEFAULT 'instant_job'`);
    await runner.query(`ALTER TABLE "${SCHEMA}".job_announcements ALTER COLUMN trigger DROP DEFAULT`);
    await runner.query(`ALTER TABLE "${SCHEMA}".job_announcements DROP CONSTRAINT instant_announcements_pkey`);
    await runner.query(`ALTER TABLE "${SCHEMA}".job_announcements ADD PRIMARY KEY (job_id, trigger)`);
    await runner.query(`CREATE TABLE "${SCHEMA}".worker_push_states (
      worker_id uuid PRIMARY KEY,
      version int NOT NULL,
      employment_status text NOT NULL,
      announced_at timestamptz
    )`);
    await runner.query(`CREATE TABLE "${SCHEMA}".declined_pairs (
      worker_id uuid NOT NULL,
      job_id uuid NOT NULL,
      declined_at timestamptz NOT NULL,
      PRIMARY KEY (worker_id, job_id)
    )`);
    await runner.query(`CREATE INDEX declined_pairs_job ON "${SCHEMA}".declined_pairs (job_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${SCHEMA}".declined_pairs`);
    await runner.query(`DROP TABLE "${SCHEMA}".worker_push_states`);
    await runner.query(`DELETE FROM "${SCHEMA}".job_announcements WHERE trigger <> 'instant_job'`);
    await runner.query(`ALTER TABLE "${SCHEMA}".job_announcements DROP CONSTRAINT job_announcements_pkey`);
    await runner.query(`ALTER TABLE "${SCHEMA}".job_announcements DROP COLUMN trigger`);
    await runner.query(`ALTER TABLE "${SCHEMA}".job_announcements RENAME TO instant_announcements`);
    await runner.query(`ALTER TABLE "${SCHEMA}".instant_announcements ADD CONSTRAINT instant_announcements_pkey PRIMARY KEY (job_id)`);
  }
}
