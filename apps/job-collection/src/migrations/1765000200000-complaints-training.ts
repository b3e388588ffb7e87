import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * Issue 17: the workers view (which station registered each worker, from laowu.workers.v1),
 * complaints (维权, 十一) with their status history, and training courses (职业技能培训, 十).
 */
export class ComplaintsTraining1765000200000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "${SCHEMA}".worker_view (
        worker_id uuid PRIMARY KEY,
        station_id text NOT NULL,
        version integer NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE "${SCHEMA}".complaints (
        id uuid PRIMARY KEY,
        station_id text NOT NULL,
        worker_id uuid NOT NULL,
        placement_id uuid,
        employer_name text NOT NULL,
        employer_credit_code char(18),
        employer_region_code char(6),
        routed_region_code char(6) NOT NULL,
        kind text NOT NULL CHECK (kind IN ('wage_arrears', 'contract', 'injury', 'other')),
        amount numeric(12, 2),
        description text NOT NULL,
        status text NOT NULL CHECK (status IN ('received', 'accepted', 'resolved', 'rejected')),
        history jsonb NOT NULL DEFAULT '[]',
        filed_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX complaints_station ON "${SCHEMA}".complaints (station_id, filed_at DESC)`);
    await runner.query(`CREATE INDEX complaints_routed_region ON "${SCHEMA}".complaints (routed_region_code bpchar_pattern_ops, filed_at DESC)`);
    await runner.query(`
      CREATE TABLE "${SCHEMA}".training_courses (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        skill_code text NOT NULL,
        region_code char(6) NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL CHECK (end_date >= start_date),
        seats integer NOT NULL CHECK (seats >= 1),
        subsidized boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'closed')),
        poster_role text NOT NULL,
        poster_id text NOT NULL,
        version integer NOT NULL,
        posted_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX training_courses_region ON "${SCHEMA}".training_courses (region_code bpchar_pattern_ops, start_date)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['training_courses', 'complaints', 'worker_view']) await runner.query(`DROP TABLE "${SCHEMA}".${table}`);
  }
}
