import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * Issue 14: a station that cannot read a worker may still register the worker's unemployment
 * where it works or is insured (九). Such entries name the basis that let the station in, and each
 * one leaves an audit row (ids and codes only, no personal data). The audit is a log kept on its
 * own: no foreign key ties it to the history it describes.
 */
export class StatusRecordAudit1764610000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "${SCHEMA}".employment_status_history ADD COLUMN basis text
         CHECK (basis IN ('workplace_on_record', 'insurance_declared'))`,
    );
    await runner.query(`
      CREATE TABLE "${SCHEMA}".status_record_audit (
        id bigserial PRIMARY KEY,
        entry_seq bigint NOT NULL,
        worker_id uuid NOT NULL,
        station_id text NOT NULL,
        station_region_code text COLLATE "C" NOT NULL,
        basis text NOT NULL,
        region_code text COLLATE "C" NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX status_record_audit_station ON "${SCHEMA}".status_record_audit (station_id, recorded_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${SCHEMA}".status_record_audit`);
    await runner.query(`ALTER TABLE "${SCHEMA}".employment_status_history DROP COLUMN basis`);
  }
}
