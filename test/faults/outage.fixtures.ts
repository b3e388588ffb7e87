import { createEnvelope, deadLetterTopic, PlacementStarted, type PlacementStartedData, TOPICS } from '@laowu/contracts';
import { chinaDate, findRegion, makeResidentId } from '@laowu/domain';
import { createKafka, EventPublisher } from '@laowu/messaging';
import { randomUUID } from 'node:crypto';
import { type Client } from 'pg';
import { ABOUT as WORKERS, AppModule as WorkersModule } from '../../apps/worker-profiles/src/app.module';
import { WorkerProfilesConfig } from '../../apps/worker-profiles/src/worker-profiles.config';
import { testInfra } from '../support/infra';
import { positionGroupsAtEnds, TopicRecorder } from '../support/kafka';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '@laowu/testkit';
import { expectCall } from '../support/faults';

/**
 * Helpers of the database-outage, pool-exhaustion and dead-letter-replay fault tests (issue 14):
 * worker-profiles as the consumer under test (PlacementStarted on laowu.dispatch.v1 makes a worker
 * employed: one history row per placement, recorded by `dispatch:placement:<placement id>`),
 * placements published the way dispatch's relay publishes them, and the effects counted in PostgreSQL.
 */

export const DISPATCH_DLQ = deadLetterTopic(TOPICS.dispatch);

/** worker-profiles with a consumer group of its own positioned at the end of laowu.dispatch.v1. */
export async function startWorkerProfiles(group: string, env: Record<string, string> = {}): Promise<TestApp<WorkerProfilesConfig>> {
  await positionGroupsAtEnds([group], [TOPICS.dispatch]);
  return startTestApp(
    { configClass: WorkerProfilesConfig, about: WORKERS, module: WorkersModule.forRoot },
    { env: { KAFKA_GROUP_ID: group, RATE_LIMIT_PER_MINUTE: '100000', ...env } },
  );
}

/** One worker registered through the API by the station, resident in `county`. */
export async function registerWorker(workersUrl: string, stationId: string, county: string): Promise<string> {
  const centre = findRegion(county)!;
  const station = tokenFor({ sub: stationId, role: 'station', region: county });
  const worker = await expectCall<{ id: string }>([201], 'POST', `${workersUrl}/v1/workers`, station, {
    idNumber: makeResidentId({ regionCode: county, birthDate: '1990-05-12', gender: 'male', sequence: 2 * Math.floor(Math.random() * 500) + 1 }),
    name: '次仁',
    phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    homeRegionCode: county,
    residenceRegionCode: county,
    location: { lat: centre.lat, lon: centre.lon },
    stationId,
    priorityGroups: [],
    preferences: { kinds: ['fulltime'], willingToMigrate: false, maxCommuteKm: 30, minWage: { amount: 150, unit: 'day' } },
  });
  return worker.id;
}

/**
 * `count` copies of a registered worker (new ids and ID-number hashes, employed, resident in its
 * county), inserted directly: enough rows for a CSV export to outlast every socket buffer.
 */
export async function cloneWorkers(db: Client, templateId: string, stationId: string, count: number): Promise<void> {
  await db.query(
    `INSERT INTO worker_profiles.workers (id, version, station_id, id_number_enc, id_number_hash, id_number_masked, name_enc, name_masked,
       phone_enc, phone_masked, pii_key_id, birth_date, gender, home_region_code, residence_region_code, lat, lon, skills, certificates,
       priority_groups, preferences, willing_to_migrate, employment_status, status_effective_date, status_region_code)
     SELECT gen_random_uuid(), 1, $2, id_number_enc, decode(md5(random()::text || g::text), 'hex') || decode(md5(g::text), 'hex'), id_number_masked,
       name_enc, name_masked, phone_enc, phone_masked, pii_key_id, birth_date, gender, home_region_code, residence_region_code, lat, lon, skills,
       certificates, priority_groups, preferences, willing_to_migrate, 'employed', status_effective_date, status_region_code
     FROM worker_profiles.workers, generate_series(1, $3::int) g WHERE id = $1`,
    [templateId, stationId, count],
  );
}

export async function workerIdsOfStation(db: Client, stationId: string, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM worker_profiles.workers WHERE station_id = $1 ORDER BY id LIMIT $2`, [stationId, limit]);
  return rows.map((r) => r.id);
}

/**
 * Removes a run's workers and every row that refers to them (status history, follow-ups, income …:
 * each table with a foreign key to workers, found in the catalogue so that a new one is not missed),
 * in one transaction. The copies cloneWorkers makes cannot be decrypted (their ciphertexts are bound
 * to the template's id), so rows left behind would burden every later start's key passes.
 */
export async function removeStationWorkers(db: Client, stationId: string): Promise<void> {
  const { rows: referring } = await db.query<{ tbl: string; col: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS tbl, quote_ident(a.attname) AS col
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
      WHERE k.contype = 'f' AND k.confrelid = 'worker_profiles.workers'::regclass`,
  );
  const workers = `SELECT id FROM worker_profiles.workers WHERE station_id = $1`;
  await db.query('BEGIN');
  try {
    for (const { tbl, col } of referring) await db.query(`DELETE FROM ${tbl} WHERE ${col} IN (${workers})`, [stationId]);
    await db.query(`DELETE FROM worker_profiles.workers WHERE station_id = $1`, [stationId]);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

export interface PublishedPlacement {
  eventId: string;
  placementId: string;
  workerId: string;
}

/** A PlacementStarted envelope as dispatch writes it (one placement per event, so each event's effect is told apart). */
export function placementEvent(workerId: string, county: string, run: string) {
  const data: PlacementStartedData = {
    placementId: randomUUID(),
    workerId,
    jobId: randomUUID(),
    agencyId: `agency-faults-${run}`,
    source: 'direct',
    employerName: `faults employer ${run}`,
    regionCode: county,
    jobKind: 'fulltime',
    concurrent: false,
    startDate: chinaDate(new Date(Date.now() - 3_600_000)),
    priorityGroups: [],
  };
  return createEnvelope(PlacementStarted, data, { producer: 'dispatch' });
}

/** Publishes placements to laowu.dispatch.v1 keyed as dispatch keys them (by worker). */
export class PlacementPublisher {
  private readonly publisher = new EventPublisher(createKafka({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'faults-placements' }));

  async publish(events: ReturnType<typeof placementEvent>[]): Promise<PublishedPlacement[]> {
    await this.publisher.send(TOPICS.dispatch, events.map((e) => ({ key: e.key, value: JSON.stringify(e) })));
    return events.map((e) => ({ eventId: e.id, placementId: e.data.placementId, workerId: e.data.workerId }));
  }

  close(): Promise<void> {
    return this.publisher.close();
  }
}

/** placement id → history rows its start made (a start applied twice shows 2, one lost 0 or absent). */
export async function appliedPlacements(db: Client, placements: PublishedPlacement[]): Promise<Map<string, number>> {
  const { rows } = await db.query<{ recorded_by: string; n: number }>(
    `SELECT recorded_by, count(*)::int AS n FROM worker_profiles.employment_status_history WHERE recorded_by = ANY($1) GROUP BY 1`,
    [placements.map((p) => placementRecorder(p.placementId))],
  );
  return new Map(rows.map((r) => [r.recorded_by.replace(placementRecorder(''), ''), r.n]));
}

/** How worker-profiles records who made an entry for a placement. */
export const placementRecorder = (placementId: string) => `dispatch:placement:${placementId}`;

/** Placements whose effect is missing, and placements applied more than once. */
export async function placementOutcome(db: Client, placements: PublishedPlacement[]): Promise<{ applied: number; missing: string[]; doubled: string[] }> {
  const applied = await appliedPlacements(db, placements);
  return {
    applied: [...applied.values()].filter((n) => n === 1).length,
    missing: placements.filter((p) => !applied.has(p.placementId)).map((p) => p.eventId),
    doubled: placements.filter((p) => (applied.get(p.placementId) ?? 0) > 1).map((p) => p.eventId),
  };
}

/** The event id of a recorded message; none for a value that is not JSON (other suites dead-letter such values on the same topics). */
export function eventIdOf(message: { value: string }): string | undefined {
  try {
    return (JSON.parse(message.value) as { id?: string }).id;
  } catch {
    return undefined;
  }
}

/** Dead letters of the given events among what the recorder of laowu.dispatch.v1.dlq saw. */
export function deadLettersOf(recorder: TopicRecorder, placements: PublishedPlacement[]): string[] {
  const ids = new Set(placements.map((p) => p.eventId));
  return recorder.messages.map(eventIdOf).filter((id): id is string => !!id && ids.has(id));
}

export { TopicRecorder };
