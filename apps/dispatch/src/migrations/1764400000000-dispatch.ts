import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

const S = `"${SCHEMA}"`;

/**
 * Dispatch's own tables: stations, local views of jobs and workers (from their topics), the match
 * inbox, per-station deliveries (SSE ids, webhook retries), batches and their manifests.
 */
export class Dispatch1764400000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${S}.stations (
      id text PRIMARY KEY,
      name text NOT NULL,
      region_code char(6) NOT NULL,
      lat double precision NOT NULL,
      lon double precision NOT NULL,
      webhook_url text,
      webhook_secret_encrypted text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE ${S}.job_view (
      job_id uuid PRIMARY KEY,
      version int NOT NULL,
      agency_id text NOT NULL,
      status text NOT NULL,
      headcount int NOT NULL,
      filled int NOT NULL,
      title text NOT NULL,
      kind text NOT NULL,
      region_code char(6) NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE ${S}.worker_view (
      worker_id uuid PRIMARY KEY,
      version int NOT NULL,
      station_id text NOT NULL,
      priority_groups text[] NOT NULL,
      willing_to_migrate boolean NOT NULL,
      home_region_code char(6) NOT NULL,
      residence_region_code char(6) NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE ${S}.matches (
      id uuid PRIMARY KEY,
      job_id uuid NOT NULL,
      job_material_version int NOT NULL,
      worker_id uuid NOT NULL,
      station_id text NOT NULL,
      score double precision NOT NULL,
      reasons jsonb NOT NULL,
      job jsonb NOT NULL,
      status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'offered', 'accepted', 'declined', 'expired')),
      created_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      status_changed_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (job_id, worker_id, job_material_version)
    )`);
    await runner.query(`CREATE INDEX matches_station_status ON ${S}.matches (station_id, status, received_at)`);
    await runner.query(`CREATE INDEX matches_job_status ON ${S}.matches (job_id, status)`);
    await runner.query(`CREATE INDEX matches_worker_status ON ${S}.matches (worker_id, status)`);
    // One delivery per station and match; the bigserial id is the SSE event id (ordered per station
    // because one station's matches arrive on one partition and are stored in order).
    await runner.query(`CREATE TABLE ${S}.deliveries (
      id bigserial PRIMARY KEY,
      station_id text NOT NULL,
      match_id uuid NOT NULL REFERENCES ${S}.matches (id),
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      webhook_status text NOT NULL CHECK (webhook_status IN ('none', 'pending', 'delivered', 'dead')),
      attempts int NOT NULL DEFAULT 0,
      due_at timestamptz,
      last_error text,
      delivered_at timestamptz,
      UNIQUE (station_id, match_id)
    )`);
    await runner.query(`CREATE INDEX deliveries_station_id ON ${S}.deliveries (station_id, id)`);
    await runner.query(`CREATE INDEX deliveries_webhook_due ON ${S}.deliveries (due_at) WHERE webhook_status = 'pending'`);
    await runner.query(`CREATE TABLE ${S}.batches (
      id uuid PRIMARY KEY,
      state text NOT NULL CHECK (state IN ('planned', 'boarding', 'departed', 'arrived', 'closed', 'cancelled')),
      coordinator_id text NOT NULL,
      origin_region_code char(6) NOT NULL,
      origin_station_id text,
      job_ids uuid[] NOT NULL,
      destination_region_code char(6) NOT NULL,
      destination_address text NOT NULL,
      employer text,
      depart_at timestamptz NOT NULL,
      transport_mode text NOT NULL,
      capacity int NOT NULL CHECK (capacity > 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      departed_at timestamptz,
      arrived_at timestamptz,
      closed_at timestamptz,
      cancelled_at timestamptz
    )`);
    await runner.query(`CREATE TABLE ${S}.batch_workers (
      batch_id uuid NOT NULL REFERENCES ${S}.batches (id),
      worker_id uuid NOT NULL,
      job_id uuid NOT NULL,
      agency_id text NOT NULL,
      match_id uuid,
      basis text NOT NULL CHECK (basis IN ('accepted_match', 'willing_to_migrate')),
      station_id text,
      priority_groups text[] NOT NULL,
      status text NOT NULL CHECK (status IN ('seated', 'boarded', 'arrived', 'no_show')),
      active boolean NOT NULL DEFAULT true,
      seated_at timestamptz NOT NULL DEFAULT now(),
      boarded_at timestamptz,
      arrived_at timestamptz,
      PRIMARY KEY (batch_id, worker_id)
    )`);
    // A worker on at most one active batch, enforced by the database itself.
    await runner.query(`CREATE UNIQUE INDEX batch_workers_one_active_batch ON ${S}.batch_workers (worker_id) WHERE active`);
    await runner.query(`CREATE INDEX batch_workers_arrived ON ${S}.batch_workers (agency_id, arrived_at) WHERE arrived_at IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['batch_workers', 'batches', 'deliveries', 'matches', 'worker_view', 'job_view', 'stations']) {
      await runner.query(`DROP TABLE ${S}.${table}`);
    }
  }
}
