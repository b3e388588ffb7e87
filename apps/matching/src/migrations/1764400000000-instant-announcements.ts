import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

export class InstantAnnouncements1764400000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "${SCHEMA}".instant_announcements (
      job_id uuid PRIMARY KEY,
      material_version int NOT NULL,
      match_count int NOT NULL,
      announced_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${SCHEMA}".instant_announcements`);
  }
}
