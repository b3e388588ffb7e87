import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

const S = `"${SCHEMA}"`;

/**
 * v1.1 push engine: every match records why it was pushed (trigger) and in which lane; stations
 * choose what they are pushed (push_settings, no row = everything). Matches stored before v1.1
 * came from instant hiring only, hence their defaults; the defaults are dropped afterwards so
 * that an insert which forgets the columns fails instead of mislabelling a match.
 */
export class PushEngine1764600000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${S}.matches
      ADD COLUMN trigger text NOT NULL DEFAULT 'instant_job' CHECK (trigger IN ('instant_job', 'cross_region_job', 'worker_available')),
      ADD COLUMN lane text NOT NULL DEFAULT 'instant' CHECK (lane IN ('instant', 'standard'))`);
    await runner.query(`ALTER TABLE ${S}.matches ALTER COLUMN trigger DROP DEFAULT, ALTER COLUMN lane DROP DEFAULT`);
    // maxPerJob counts what a station already holds for one job and material version.
    await runner.query(`CREATE INDEX matches_station_job_version ON ${S}.matches (station_id, job_id, job_material_version)`);
    // A replay with Last-Event-ID: 0 sends old deliveries in the same shape as new ones.
    await runner.query(`UPDATE ${S}.deliveries SET payload = payload || '{"trigger": "instant_job", "lane": "instant"}'::jsonb
      WHERE NOT payload ? 'trigger'`);
    await runner.query(`CREATE TABLE ${S}.push_settings (
      station_id text PRIMARY KEY REFERENCES ${S}.stations (id),
      instant boolean NOT NULL,
      cross_region boolean NOT NULL,
      worker_available boolean NOT NULL,
      min_score double precision NOT NULL CHECK (min_score >= 0 AND min_score <= 1000),
      max_per_job int NOT NULL CHECK (max_per_job BETWEEN 1 AND 500),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${S}.push_settings`);
    await runner.query(`UPDATE ${S}.deliveries SET payload = payload - 'trigger' - 'lane'`);
    await runner.query(`DROP INDEX ${S}.matches_station_job_version`);
    await runner.query(`ALTER TABLE ${S}.matches DROP COLUMN trigger, DROP COLUMN lane`);
  }
}
