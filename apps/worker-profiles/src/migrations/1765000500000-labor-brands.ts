import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * Issue 17: a worker's 劳务品牌 (四), stored as the registry code, and the brands bureaus added
 * (from LaborBrandChanged; the seeded ones live in @laowu/domain). Certificates keep living in the
 * `certificates` jsonb, now with `issuedOn` and `validUntil` per item.
 */
export class LaborBrands1765000500000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "${SCHEMA}".workers ADD COLUMN labor_brand text`);
    await runner.query(`
      CREATE TABLE "${SCHEMA}".labor_brands (
        code text PRIMARY KEY,
        name text NOT NULL,
        region_code text NOT NULL,
        trade text NOT NULL,
        keywords text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX labor_brands_name ON "${SCHEMA}".labor_brands (name)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${SCHEMA}".labor_brands`);
    await runner.query(`ALTER TABLE "${SCHEMA}".workers DROP COLUMN labor_brand`);
  }
}
