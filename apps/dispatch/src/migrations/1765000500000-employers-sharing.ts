import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

const S = `"${SCHEMA}"`;

/**
 * Issue 17: registered employers (a view of `laowu.reference.v1` EmployerRegistered, newest
 * version wins), placements and batches naming one (`employer_id`), and 共享用工 placements
 * (`source` sharing, from a SharingAgreed: `agreement_id`, at most one per agreement and worker).
 */
export class EmployersSharing1765000500000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${S}.employer_view (
      employer_id uuid PRIMARY KEY,
      version int NOT NULL,
      agency_id text NOT NULL,
      name text NOT NULL,
      credit_code text NOT NULL,
      region_code char(6) NOT NULL,
      workshop boolean NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    await runner.query(`CREATE INDEX employer_view_credit_code ON ${S}.employer_view (credit_code)`);
    await runner.query(`ALTER TABLE ${S}.placements ADD COLUMN employer_id uuid, ADD COLUMN agreement_id uuid`);
    await runner.query(`ALTER TABLE ${S}.placements DROP CONSTRAINT placements_source_check`);
    await runner.query(`ALTER TABLE ${S}.placements ADD CONSTRAINT placements_source_check CHECK (source IN ('match', 'batch', 'direct', 'sharing'))`);
    await runner.query(`ALTER TABLE ${S}.placements ADD CONSTRAINT placements_sharing_agreement CHECK ((source = 'sharing') = (agreement_id IS NOT NULL))`);
    await runner.query(`CREATE UNIQUE INDEX placements_agreement_worker ON ${S}.placements (agreement_id, worker_id) WHERE agreement_id IS NOT NULL`);
    await runner.query(`CREATE INDEX placements_employer ON ${S}.placements (employer_id) WHERE employer_id IS NOT NULL`);
    await runner.query(`ALTER TABLE ${S}.batches ADD COLUMN employer_id uuid`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${S}.batches DROP COLUMN employer_id`);
    await runner.query(`DROP INDEX ${S}.placements_employer`);
    await runner.query(`DROP INDEX ${S}.placements_agreement_worker`);
    await runner.query(`ALTER TABLE ${S}.placements DROP CONSTRAINT placements_sharing_agreement`);
    await runner.query(`ALTER TABLE ${S}.placements DROP CONSTRAINT placements_source_check`);
    await runner.query(`DELETE FROM ${S}.placement_checks WHERE placement_id IN (SELECT id FROM ${S}.placements WHERE source = 'sharing')`);
    await runner.query(`DELETE FROM ${S}.placements WHERE source = 'sharing'`);
    await runner.query(`ALTER TABLE ${S}.placements ADD CONSTRAINT placements_source_check CHECK (source IN ('match', 'batch', 'direct'))`);
    await runner.query(`ALTER TABLE ${S}.placements DROP COLUMN agreement_id, DROP COLUMN employer_id`);
    await runner.query(`DROP TABLE ${S}.employer_view`);
  }
}
