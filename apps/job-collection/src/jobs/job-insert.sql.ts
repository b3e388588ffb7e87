import { type EntityManager } from 'typeorm';
import { SCHEMA } from '../schema';
import { type JobEntity } from './job.entity';

/** Column → how to read it from the entity; one list so the SQL and the values never drift. */
const COLUMNS: [string, (job: JobEntity) => unknown][] = [
  ['id', (j) => j.id],
  ['agency_id', (j) => j.agencyId],
  ['external_id', (j) => j.externalId],
  ['request_hash', (j) => j.requestHash],
  ['material_hash', (j) => j.materialHash],
  ['title', (j) => j.title],
  ['description', (j) => j.description],
  ['kind', (j) => j.kind],
  ['occupation_code', (j) => j.occupationCode],
  ['skills', (j) => JSON.stringify(j.skills)],
  ['headcount', (j) => j.headcount],
  ['filled', (j) => j.filled],
  ['wage_min', (j) => j.wageMin],
  ['wage_max', (j) => j.wageMax],
  ['wage_unit', (j) => j.wageUnit],
  ['region_code', (j) => j.regionCode],
  ['lat', (j) => j.lat],
  ['lon', (j) => j.lon],
  ['address', (j) => j.address],
  ['source_region_codes', (j) => j.sourceRegionCodes],
  ['age_min', (j) => j.ageMin],
  ['age_max', (j) => j.ageMax],
  ['older_worker_friendly', (j) => j.olderWorkerFriendly],
  ['start_at', (j) => j.startAt],
  ['end_at', (j) => j.endAt],
  ['instant', (j) => j.instant],
  ['benefits', (j) => (j.benefits === null ? null : JSON.stringify(j.benefits))],
  ['relocation_quota_pct', (j) => j.relocationQuotaPct],
  ['labor_brand', (j) => j.laborBrand],
  ['labor_brand_name', (j) => j.laborBrandName],
  ['required_certificates', (j) => j.requiredCertificates],
  ['placements_started', (j) => j.placementsStarted],
  ['employer_id', (j) => j.employerId],
  ['status', (j) => j.status],
  ['version', (j) => j.version],
  ['material_version', (j) => j.materialVersion],
  ['posted_at', (j) => j.postedAt],
  ['updated_at', (j) => j.updatedAt],
];

const COLUMN_LIST = COLUMNS.map(([name]) => `"${name}"`).join(', ');

/**
 * Inserts new jobs in one statement; a job whose (agency, externalId) already exists is skipped
 * (ON CONFLICT DO NOTHING waits for a concurrent insert of the same key to commit or roll back).
 * Returns the ids actually inserted. Hand-written rather than TypeORM's insert builder, which
 * costs more per row than the database does.
 */
export async function insertJobsIgnoringRepeats(manager: EntityManager, jobs: JobEntity[]): Promise<Set<string>> {
  if (!jobs.length) return new Set();
  const values: unknown[] = [];
  const rows = jobs.map((job) => {
    const placeholders = COLUMNS.map(([, read]) => {
      values.push(read(job));
      return `$${values.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO "${SCHEMA}".jobs (${COLUMN_LIST}) VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING RETURNING id`,
    values,
  );
  return new Set(inserted.map((row) => row.id));
}
