import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * Workers and their employment-status history. Personal data (ID number, name, phone) is held
 * only as AES-256-GCM ciphertext (`*_enc`, each naming its key) plus the masked form responses
 * and lists show; the ID number is found again through its keyed hash (`id_number_hash`).
 * Region codes use the "C" collation so one btree index answers both prefix (LIKE '51%') and
 * ordered scans.
 */
export class Workers1764400000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "${SCHEMA}".workers (
        id uuid PRIMARY KEY,
        version integer NOT NULL,
        station_id text NOT NULL,
        id_number_enc text NOT NULL,
        id_number_hash bytea NOT NULL,
        id_number_masked text NOT NULL,
        name_enc text NOT NULL,
        name_masked text NOT NULL,
        phone_enc text NOT NULL,
        phone_masked text NOT NULL,
        pii_key_id text NOT NULL,
        birth_date date NOT NULL,
        gender text NOT NULL CHECK (gender IN ('male', 'female')),
        home_region_code text COLLATE "C" NOT NULL,
        residence_region_code text COLLATE "C" NOT NULL,
        lat double precision NOT NULL,
        lon double precision NOT NULL,
        skills jsonb NOT NULL DEFAULT '[]',
        certificates jsonb NOT NULL DEFAULT '[]',
        priority_groups text[] NOT NULL DEFAULT '{}',
        preferences jsonb NOT NULL,
        willing_to_migrate boolean NOT NULL,
        employment_status text NOT NULL,
        status_effective_date date NOT NULL,
        status_region_code text COLLATE "C" NOT NULL,
        status_registered_at text,
        employer text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT workers_id_number_hash_unique UNIQUE (id_number_hash)
      )`);
    await runner.query(`CREATE INDEX workers_station ON "${SCHEMA}".workers (station_id)`);
    await runner.query(`CREATE INDEX workers_residence_status ON "${SCHEMA}".workers (residence_region_code, employment_status)`);
    await runner.query(`CREATE INDEX workers_status_region ON "${SCHEMA}".workers (status_region_code) WHERE employment_status = 'unemployed'`);
    await runner.query(`CREATE INDEX workers_willing ON "${SCHEMA}".workers (residence_region_code) WHERE willing_to_migrate`);
    await runner.query(
      `CREATE INDEX workers_priority_home ON "${SCHEMA}".workers (home_region_code) WHERE priority_groups && ARRAY['poverty_alleviated', 'monitoring_target']`,
    );
    await runner.query(`
      CREATE TABLE "${SCHEMA}".employment_status_history (
        seq bigserial PRIMARY KEY,
        worker_id uuid NOT NULL REFERENCES "${SCHEMA}".workers (id),
        status text NOT NULL CHECK (status IN ('employed', 'unemployed', 'seeking', 'not_in_labor_force')),
        effective_date date NOT NULL,
        region_code text COLLATE "C" NOT NULL,
        registered_at text CHECK (registered_at IN ('residence', 'employment', 'insured')),
        employer text,
        source text NOT NULL CHECK (source IN ('default', 'registration', 'station', 'dispatch')),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX employment_status_history_worker ON "${SCHEMA}".employment_status_history (worker_id, effective_date, seq)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${SCHEMA}".employment_status_history`);
    await runner.query(`DROP TABLE "${SCHEMA}".workers`);
  }
}
