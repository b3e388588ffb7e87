import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

export class Jobs1764300000001 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "${SCHEMA}".jobs (
        id uuid PRIMARY KEY,
        agency_id text NOT NULL,
        external_id text,
        request_hash text,
        material_hash text NOT NULL,
        title text NOT NULL,
        description text,
        kind text NOT NULL,
        occupation_code text,
        skills jsonb NOT NULL DEFAULT '[]',
        headcount integer NOT NULL CHECK (headcount >= 1),
        filled integer NOT NULL DEFAULT 0 CHECK (filled >= 0),
        wage_min numeric(12, 2) NOT NULL,
        wage_max numeric(12, 2) NOT NULL,
        wage_unit text NOT NULL,
        region_code char(6) NOT NULL,
        lat double precision NOT NULL,
        lon double precision NOT NULL,
        address text,
        source_region_codes text[],
        age_min integer,
        age_max integer,
        older_worker_friendly boolean NOT NULL DEFAULT false,
        start_at timestamptz,
        end_at timestamptz,
        instant boolean NOT NULL DEFAULT false,
        benefits jsonb,
        relocation_quota_pct integer,
        labor_brand text,
        status text NOT NULL CHECK (status IN ('open', 'filled', 'closed', 'expired')),
        version integer NOT NULL,
        material_version integer NOT NULL,
        posted_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT jobs_agency_external_id UNIQUE (agency_id, external_id)
      )`);
    await runner.query(`CREATE INDEX jobs_agency_listing ON "${SCHEMA}".jobs (agency_id, posted_at DESC, id)`);
    await runner.query(`CREATE INDEX jobs_listing ON "${SCHEMA}".jobs (posted_at DESC, id)`);
    await runner.query(`CREATE INDEX jobs_open_by_end ON "${SCHEMA}".jobs (end_at) WHERE status = 'open' AND end_at IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${SCHEMA}".jobs`);
  }
}
