import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

const S = `"${SCHEMA}"`;

/**
 * Webhook secret rotation (the previous secret keeps signing until it expires or the rotation is
 * finished) and a circuit breaker per station, shared by every dispatch instance: while
 * `open_until` lies ahead, none of the station's deliveries is claimed.
 */
export class WebhookSafety1764700000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${S}.stations
      ADD COLUMN webhook_previous_secret_encrypted text,
      ADD COLUMN webhook_previous_secret_expires_at timestamptz,
      ADD CONSTRAINT stations_previous_secret_expires CHECK ((webhook_previous_secret_encrypted IS NULL) = (webhook_previous_secret_expires_at IS NULL))`);
    await runner.query(`CREATE TABLE ${S}.webhook_circuits (
      station_id text PRIMARY KEY,
      consecutive_failures int NOT NULL CHECK (consecutive_failures > 0),
      open_until timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${S}.webhook_circuits`);
    await runner.query(`ALTER TABLE ${S}.stations DROP CONSTRAINT stations_previous_secret_expires,
      DROP COLUMN webhook_previous_secret_expires_at, DROP COLUMN webhook_previous_secret_encrypted`);
  }
}
