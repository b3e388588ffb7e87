import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * Issue 18: the ranking weights as versioned data. Append-only: every change (a global set, a
 * province's override, an override's removal) is a row; the latest row of a scope is in effect.
 * `version` is the database's own identity, one sequence for every scope, so a version number
 * names one set of weights for good (results record it); a failed insert leaves a gap in the
 * numbers, never a reuse. `weights` is NULL for a removed override.
 */
export class RankingWeights1765100000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "${SCHEMA}".ranking_weight_versions (
      version bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      scope text NOT NULL CHECK (scope = 'global' OR scope ~ '^[0-9]{2}0000$'),
      weights jsonb CHECK (weights IS NOT NULL OR scope <> 'global'),
      changed_by_sub text NOT NULL,
      changed_by_role text NOT NULL,
      reason text NOT NULL CHECK (length(btrim(reason)) > 0),
      changed_at timestamptz NOT NULL DEFAULT now()
    )`);
    // The current row of each scope, and a scope's history newest first.
    await runner.query(`CREATE INDEX ranking_weight_versions_scope ON "${SCHEMA}".ranking_weight_versions (scope, version DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${SCHEMA}".ranking_weight_versions`);
  }
}
