import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * Issue 18, learning from outcomes: the matches stations decided and the pairs that arrived, one
 * row each, so that a redelivered event changes nothing (the primary keys) and the rates are
 * counted from the rows, never incremented. The job's agency, kind and city are copied from the
 * jobs index when the decision is recorded (the events do not carry them).
 */
/** The factors this release adds, at their default weights as released (a migration never follows later defaults). */
const NEW_FACTOR_DEFAULTS = { agencyOutcomes: 1, jobOutcomes: 0.5, acceptedHistory: 1 };

export class DispatchOutcomes1765200000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "${SCHEMA}".match_outcomes (
      match_id uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('accepted', 'declined')),
      job_id uuid NOT NULL,
      worker_id uuid NOT NULL,
      agency_id text,
      job_kind text,
      city_code text,
      changed_at timestamptz NOT NULL,
      PRIMARY KEY (match_id, status)
    )`);
    // A worker's accepted history, read per matches-for-worker.
    await runner.query(`CREATE INDEX match_outcomes_accepted_by_worker ON "${SCHEMA}".match_outcomes (worker_id) WHERE status = 'accepted'`);
    await runner.query(`CREATE TABLE "${SCHEMA}".worker_arrivals (
      job_id uuid NOT NULL,
      worker_id uuid NOT NULL,
      job_kind text,
      city_code text,
      arrived_at timestamptz NOT NULL,
      PRIMARY KEY (job_id, worker_id)
    )`);
    await runner.query(`CREATE INDEX worker_arrivals_worker ON "${SCHEMA}".worker_arrivals (worker_id)`);
    await this.turnOnNewFactors(runner);
  }

  /**
   * A weights set stored before this release reads its new factors as 0 (storedRankingWeights: a
   * version names one ranking for good). So that learning from outcomes is on after the release,
   * as it is for a deployment that never stored weights, every scope whose current set lacks them
   * gets a new version with them at their defaults, recorded as the release's change.
   */
  private async turnOnNewFactors(runner: QueryRunner): Promise<void> {
    await runner.query(`INSERT INTO "${SCHEMA}".ranking_weight_versions (scope, weights, changed_by_sub, changed_by_role, reason)
      SELECT scope, weights || $1::jsonb, 'release', 'system', $2 FROM (
        SELECT DISTINCT ON (scope) scope, weights FROM "${SCHEMA}".ranking_weight_versions ORDER BY scope, version DESC
      ) current
      WHERE weights IS NOT NULL AND NOT weights ?| $3::text[]
      ORDER BY scope`, [JSON.stringify(NEW_FACTOR_DEFAULTS), 'issue 18: the outcome factors (agencyOutcomes, jobOutcomes, acceptedHistory) at their defaults', Object.keys(NEW_FACTOR_DEFAULTS)]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${SCHEMA}".worker_arrivals`);
    await runner.query(`DROP TABLE "${SCHEMA}".match_outcomes`);
  }
}
