import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * Issue 17: what matching keeps of laowu.reference.v1 (bureau-added labour brands, training
 * courses) and of laowu.sharing.v1 (共享用工 offers and requests), each row at its latest state.
 */
export class SharingAndReference1765000400000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "${SCHEMA}".labor_brands (
      code text PRIMARY KEY,
      name text NOT NULL,
      region_code text NOT NULL,
      trade text NOT NULL,
      keywords text[] NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    await runner.query(`CREATE TABLE "${SCHEMA}".training_courses (
      course_id uuid PRIMARY KEY,
      version int NOT NULL,
      status text NOT NULL,
      title text NOT NULL,
      skill_code text NOT NULL,
      region_code text NOT NULL,
      start_date date NOT NULL,
      end_date date NOT NULL,
      seats int NOT NULL,
      subsidized boolean NOT NULL,
      posted_by text NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    // Suggestions look courses up by skill among the open ones not yet over.
    await runner.query(`CREATE INDEX training_courses_open_skill ON "${SCHEMA}".training_courses (skill_code, end_date) WHERE status = 'open'`);
    await runner.query(`CREATE TABLE "${SCHEMA}".sharing_posts (
      post_id uuid PRIMARY KEY,
      side text NOT NULL,
      version int NOT NULL,
      status text NOT NULL,
      agency_id text NOT NULL,
      employer_id uuid NOT NULL,
      employer_name text NOT NULL,
      headcount int NOT NULL,
      open_headcount int NOT NULL,
      skills jsonb NOT NULL,
      from_date date NOT NULL,
      to_date date NOT NULL,
      region_code text NOT NULL,
      wage jsonb,
      updated_at timestamptz NOT NULL
    )`);
    // A request's offers: open offers with staff left whose period has not ended before the request's starts.
    await runner.query(`CREATE INDEX sharing_posts_open_offers ON "${SCHEMA}".sharing_posts (to_date) WHERE side = 'offer' AND status = 'open' AND open_headcount > 0`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${SCHEMA}".sharing_posts`);
    await runner.query(`DROP TABLE "${SCHEMA}".training_courses`);
    await runner.query(`DROP TABLE "${SCHEMA}".labor_brands`);
  }
}
