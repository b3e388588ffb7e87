import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * Issue 16: the follow-up ledger (帮扶台账, 十三). One row per call or visit a station made to a
 * worker, with its outcome and the date the next one is due. The note is free text a station
 * types: stored only as AES-256-GCM ciphertext (`note_enc`, naming its key, bound to the row's id),
 * after phone and ID-like numbers in it were masked. Rows are only ever added.
 */
export class FollowUps1764910000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "${SCHEMA}".follow_ups (
        id uuid PRIMARY KEY,
        worker_id uuid NOT NULL REFERENCES "${SCHEMA}".workers (id),
        kind text NOT NULL CHECK (kind IN ('call', 'visit')),
        at timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('employed', 'unemployed', 'unstable', 'unreachable')),
        note_enc text,
        next_due_at timestamptz,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT follow_ups_next_due_after_at CHECK (next_due_at IS NULL OR next_due_at > at)
      )`);
    await runner.query(`CREATE INDEX follow_ups_worker_at ON "${SCHEMA}".follow_ups (worker_id, at DESC, recorded_at DESC)`);
    await runner.query(`CREATE INDEX follow_ups_at ON "${SCHEMA}".follow_ups (at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${SCHEMA}".follow_ups`);
  }
}
