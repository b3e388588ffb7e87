import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * Issue 17: the employer registry (统一社会信用代码 unique), the ledger of placements at employers
 * (就业帮扶车间 counts, from dispatch's placement events), jobs' employer, and 共享用工 posts and
 * agreements.
 */
export class EmployersAndSharing1765000100000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "${SCHEMA}".employers (
        id uuid PRIMARY KEY,
        agency_id text NOT NULL,
        name text NOT NULL,
        credit_code char(18) NOT NULL,
        region_code char(6) NOT NULL,
        workshop boolean NOT NULL DEFAULT false,
        version integer NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT employers_credit_code UNIQUE (credit_code)
      )`);
    await runner.query(`CREATE INDEX employers_agency ON "${SCHEMA}".employers (agency_id, registered_at DESC, id)`);
    await runner.query(`CREATE INDEX employers_region ON "${SCHEMA}".employers (region_code)`);

    await runner.query(`
      CREATE TABLE "${SCHEMA}".employer_placements (
        placement_id uuid PRIMARY KEY,
        started_event_id uuid NOT NULL,
        employer_id uuid,
        employer_credit_code char(18),
        worker_id uuid NOT NULL,
        poverty_alleviated boolean NOT NULL,
        start_date date NOT NULL,
        end_date date,
        CHECK (employer_id IS NOT NULL OR employer_credit_code IS NOT NULL)
      )`);
    await runner.query(`CREATE INDEX employer_placements_by_id ON "${SCHEMA}".employer_placements (employer_id) WHERE employer_id IS NOT NULL`);
    await runner.query(
      `CREATE INDEX employer_placements_by_code ON "${SCHEMA}".employer_placements (employer_credit_code) WHERE employer_credit_code IS NOT NULL`,
    );

    await runner.query(`ALTER TABLE "${SCHEMA}".jobs ADD COLUMN employer_id uuid REFERENCES "${SCHEMA}".employers (id)`);

    await runner.query(`
      CREATE TABLE "${SCHEMA}".sharing_posts (
        id uuid PRIMARY KEY,
        side text NOT NULL CHECK (side IN ('offer', 'request')),
        agency_id text NOT NULL,
        employer_id uuid NOT NULL REFERENCES "${SCHEMA}".employers (id),
        headcount integer NOT NULL CHECK (headcount >= 1),
        open_headcount integer NOT NULL CHECK (open_headcount >= 0 AND open_headcount <= headcount),
        skills jsonb NOT NULL,
        from_date date NOT NULL,
        to_date date NOT NULL CHECK (to_date >= from_date),
        region_code char(6) NOT NULL,
        wage jsonb,
        status text NOT NULL CHECK (status IN ('open', 'closed')),
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX sharing_posts_agency ON "${SCHEMA}".sharing_posts (agency_id, side, created_at DESC, id)`);

    await runner.query(`
      CREATE TABLE "${SCHEMA}".sharing_agreements (
        id uuid PRIMARY KEY,
        offer_id uuid NOT NULL REFERENCES "${SCHEMA}".sharing_posts (id),
        request_id uuid NOT NULL REFERENCES "${SCHEMA}".sharing_posts (id),
        agency_id text NOT NULL,
        headcount integer NOT NULL CHECK (headcount >= 1),
        worker_ids uuid[] NOT NULL,
        start_date date NOT NULL,
        return_date date NOT NULL CHECK (return_date >= start_date),
        agreed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX sharing_agreements_offer ON "${SCHEMA}".sharing_agreements (offer_id)`);
    await runner.query(`CREATE INDEX sharing_agreements_request ON "${SCHEMA}".sharing_agreements (request_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${SCHEMA}".sharing_agreements`);
    await runner.query(`DROP TABLE "${SCHEMA}".sharing_posts`);
    await runner.query(`ALTER TABLE "${SCHEMA}".jobs DROP COLUMN employer_id`);
    await runner.query(`DROP TABLE "${SCHEMA}".employer_placements`);
    await runner.query(`DROP TABLE "${SCHEMA}".employers`);
  }
}
