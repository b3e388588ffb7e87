import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

const S = `"${SCHEMA}"`;

/**
 * Placements (a worker at work, from a match, a batch arrival or a direct hire), their retention
 * checks, employers flagged as 就业帮扶车间, and the job's end in dispatch's job view (a
 * public-welfare post's placement ends with it).
 *
 * At most one active placement per worker that is not `concurrent`, and never two active ones for
 * the same job and worker: the database refuses a double count even when two requests race.
 */
export class Placements1764900000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${S}.job_view ADD COLUMN end_at timestamptz`);
    await runner.query(`CREATE TABLE ${S}.placements (
      id uuid PRIMARY KEY,
      worker_id uuid NOT NULL,
      job_id uuid,
      match_id uuid,
      batch_id uuid,
      source text NOT NULL CHECK (source IN ('match', 'batch', 'direct')),
      agency_id text,
      station_id text,
      employer_name text NOT NULL,
      employer_credit_code text,
      region_code char(6) NOT NULL,
      worker_region_code char(6) NOT NULL,
      job_kind text,
      priority_groups text[] NOT NULL,
      concurrent boolean NOT NULL DEFAULT false,
      wage jsonb,
      start_date date NOT NULL,
      planned_end_date date,
      end_date date,
      end_reason text CHECK (end_reason IN ('contract_end', 'quit', 'dismissed', 'other')),
      active boolean NOT NULL DEFAULT true,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      ended_at timestamptz,
      CHECK (active = (end_date IS NULL))
    )`);
    await runner.query(`CREATE UNIQUE INDEX placements_one_active_per_worker ON ${S}.placements (worker_id) WHERE active AND NOT concurrent`);
    await runner.query(`CREATE UNIQUE INDEX placements_one_active_per_job_worker ON ${S}.placements (job_id, worker_id) WHERE active AND job_id IS NOT NULL`);
    await runner.query(`CREATE UNIQUE INDEX placements_batch_worker ON ${S}.placements (batch_id, worker_id) WHERE batch_id IS NOT NULL`);
    await runner.query(`CREATE INDEX placements_worker ON ${S}.placements (worker_id, start_date DESC)`);
    await runner.query(`CREATE INDEX placements_job ON ${S}.placements (job_id) WHERE job_id IS NOT NULL`);
    await runner.query(`CREATE INDEX placements_agency ON ${S}.placements (agency_id, start_date) WHERE agency_id IS NOT NULL`);
    await runner.query(`CREATE INDEX placements_station ON ${S}.placements (station_id, start_date) WHERE station_id IS NOT NULL`);
    await runner.query(`CREATE INDEX placements_credit_code ON ${S}.placements (employer_credit_code) WHERE employer_credit_code IS NOT NULL`);
    await runner.query(`CREATE INDEX placements_planned_end ON ${S}.placements (planned_end_date) WHERE active AND planned_end_date IS NOT NULL`);
    await runner.query(`CREATE TABLE ${S}.placement_checks (
      placement_id uuid NOT NULL REFERENCES ${S}.placements (id),
      after_months smallint NOT NULL CHECK (after_months IN (1, 3, 6)),
      still_employed boolean NOT NULL,
      note text,
      checked_by text NOT NULL,
      checked_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (placement_id, after_months)
    )`);
    await runner.query(`CREATE TABLE ${S}.workshops (
      credit_code text PRIMARY KEY,
      name text NOT NULL,
      region_code char(6) NOT NULL,
      flagged_by text NOT NULL,
      flagged_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${S}.workshops`);
    await runner.query(`DROP TABLE ${S}.placement_checks`);
    await runner.query(`DROP TABLE ${S}.placements`);
    await runner.query(`ALTER TABLE ${S}.job_view DROP COLUMN end_at`);
  }
}
