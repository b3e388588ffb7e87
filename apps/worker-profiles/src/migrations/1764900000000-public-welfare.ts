import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * Issue 16, public-welfare posts (乡村公益性岗位, 十六): which workers hold (or held) such a post and
 * when, from dispatch's placements; the flexible income (灵活就业收入) stations record per month;
 * and the monitoring line (防止返贫监测范围) bureaus set per region. A worker whose flexible income
 * over 12 months passes the line of the residence region must leave the post.
 */
export class PublicWelfare1764900000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "${SCHEMA}".public_welfare_posts (
        placement_id uuid PRIMARY KEY,
        worker_id uuid NOT NULL REFERENCES "${SCHEMA}".workers (id),
        start_date date NOT NULL,
        planned_end_date date,
        end_date date
      )`);
    await runner.query(`CREATE INDEX public_welfare_posts_worker ON "${SCHEMA}".public_welfare_posts (worker_id, start_date)`);
    await runner.query(`
      CREATE TABLE "${SCHEMA}".worker_income (
        worker_id uuid NOT NULL REFERENCES "${SCHEMA}".workers (id),
        month text COLLATE "C" NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        flexible_income numeric(10, 2) NOT NULL CHECK (flexible_income >= 0),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (worker_id, month)
      )`);
    await runner.query(`
      CREATE TABLE "${SCHEMA}".monitoring_lines (
        region_code text COLLATE "C" PRIMARY KEY,
        annual_income numeric(10, 2) NOT NULL CHECK (annual_income > 0),
        set_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${SCHEMA}".monitoring_lines`);
    await runner.query(`DROP TABLE "${SCHEMA}".worker_income`);
    await runner.query(`DROP TABLE "${SCHEMA}".public_welfare_posts`);
  }
}
