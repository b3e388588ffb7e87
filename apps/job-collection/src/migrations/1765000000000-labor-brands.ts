import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * 劳务品牌 added by bureaus (the seeded ones live in @laowu/domain), and the job columns of issue 17:
 * required certificates, the brand's name beside its code, and the placements started in the job
 * (per-brand figures).
 */
export class LaborBrands1765000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "${SCHEMA}".labor_brands (
        code text PRIMARY KEY,
        name text NOT NULL,
        region_code char(6) NOT NULL,
        trade text NOT NULL,
        keywords text[] NOT NULL DEFAULT '{}',
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT labor_brands_name UNIQUE (name)
      )`);
    await runner.query(`ALTER TABLE "${SCHEMA}".jobs ADD COLUMN required_certificates text[] NOT NULL DEFAULT '{}'`);
    await runner.query(`ALTER TABLE "${SCHEMA}".jobs ADD COLUMN labor_brand_name text`);
    await runner.query(`ALTER TABLE "${SCHEMA}".jobs ADD COLUMN placements_started integer NOT NULL DEFAULT 0 CHECK (placements_started >= 0)`);
    await runner.query(`CREATE INDEX jobs_by_labor_brand ON "${SCHEMA}".jobs (labor_brand, region_code) WHERE labor_brand IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "${SCHEMA}".jobs_by_labor_brand`);
    await runner.query(`ALTER TABLE "${SCHEMA}".jobs DROP COLUMN placements_started, DROP COLUMN labor_brand_name, DROP COLUMN required_certificates`);
    await runner.query(`DROP TABLE "${SCHEMA}".labor_brands`);
  }
}
