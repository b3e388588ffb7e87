import { type DataSource } from 'typeorm';
import { SCHEMA } from '../schema';

const S = `"${SCHEMA}"`;

/**
 * The per-station circuit breaker, in Postgres so that every dispatch instance honours it: the
 * claim skips stations whose `open_until` lies ahead. A failure counts; reaching `threshold`
 * consecutive failures (again, after a cooldown) opens the circuit for `cooldownMs`; a success
 * closes it.
 */
export class WebhookCircuit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly threshold: number,
    private readonly cooldownMs: number,
  ) {}

  /** SQL condition: the station of delivery alias `d` is not held by an open circuit. */
  static closedFor(alias: string): string {
    return `NOT EXISTS (SELECT 1 FROM ${S}.webhook_circuits wc WHERE wc.station_id = ${alias}.station_id AND wc.open_until > now())`;
  }

  async failed(stationId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${S}.webhook_circuits AS c (station_id, consecutive_failures, open_until)
       VALUES ($1, 1, CASE WHEN $2::int <= 1 THEN now() + $3::int * interval '1 millisecond' END)
       ON CONFLICT (station_id) DO UPDATE SET
         consecutive_failures = c.consecutive_failures + 1,
         open_until = CASE WHEN c.consecutive_failures + 1 >= $2::int THEN now() + $3::int * interval '1 millisecond' ELSE c.open_until END,
         updated_at = now()`,
      [stationId, this.threshold, this.cooldownMs],
    );
  }

  async succeeded(stationId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM ${S}.webhook_circuits WHERE station_id = $1`, [stationId]);
  }
}
