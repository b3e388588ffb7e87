import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * Issue 19, the station console: exact lookup by phone needs a blind index of the phone number
 * (`phone_hash`, HMAC-SHA256 like `id_number_hash`, not unique: one phone may serve several
 * workers), and the workers list (newest first) an index per registering station and one by
 * creation. A migration cannot decrypt `phone_enc`, so existing rows keep a null `phone_hash`
 * until the app's start-up backfill (workers/phone-hash.backfill.ts) fills them in.
 */
export class PhoneIndex1765100000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "${SCHEMA}".workers ADD COLUMN phone_hash bytea`);
    await runner.query(`CREATE INDEX workers_phone_hash ON "${SCHEMA}".workers (phone_hash)`);
    await runner.query(`CREATE INDEX workers_station_created ON "${SCHEMA}".workers (station_id, created_at DESC, id DESC)`);
    await runner.query(`CREATE INDEX workers_created ON "${SCHEMA}".workers (created_at DESC, id DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "${SCHEMA}".workers_created`);
    await runner.query(`DROP INDEX "${SCHEMA}".workers_station_created`);
    await runner.query(`ALTER TABLE "${SCHEMA}".workers DROP COLUMN phone_hash`);
  }
}
