import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * A station's latest matches without a status filter (GET /v1/stations/{id}/matches) could not use
 * (station_id, status, received_at): PostgreSQL read and sorted every match of the station, 66 ms
 * and 13,000 buffers per call for a station with 29,000 matches (bench/load.ts profile). This one
 * reads the newest `limit` rows in order.
 */
export class StationMatchesRecent1764800000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX matches_station_received ON "${SCHEMA}".matches (station_id, received_at DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "${SCHEMA}".matches_station_received`);
  }
}
