import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * Issue 18: the ranking weights version a pushed match was ranked with (MatchesFound's
 * weightsVersion), kept with the match and put in its delivery. NULL: pushed before matching
 * recorded it (or a legacy MatchFound).
 */
export class MatchWeightsVersion1765100000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "${SCHEMA}".matches ADD COLUMN weights_version bigint`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "${SCHEMA}".matches DROP COLUMN weights_version`);
  }
}
