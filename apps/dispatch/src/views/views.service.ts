import { EmployerRegisteredData, JobChangedData, WorkerChangedData } from '@laowu/contracts';
import { latestPerId } from '@laowu/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * Local views of jobs and workers from their compacted topics. Idempotent by version: a replay or
 * a stale duplicate is a no-op (`WHERE view.version < EXCLUDED.version`). Each batch is one
 * transaction, so a crash halfway applies none of it and the redelivered batch applies it all.
 */
@Injectable()
export class ViewsService {
  constructor(private readonly dataSource: DataSource) {}

  async applyJobs(events: JobChangedData[]): Promise<void> {
    const jobs = latestPerId(events, (j) => j.jobId);
    if (!jobs.length) return;
    await this.dataSource.transaction(async (manager) => {
      const applied: { job_id: string; status: string }[] = await manager.query(
        `INSERT INTO "${SCHEMA}".job_view (job_id, version, agency_id, status, headcount, filled, title, kind, region_code, updated_at, end_at)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::timestamptz[])
         ON CONFLICT (job_id) DO UPDATE SET version = EXCLUDED.version, agency_id = EXCLUDED.agency_id, status = EXCLUDED.status,
           headcount = EXCLUDED.headcount, filled = EXCLUDED.filled, title = EXCLUDED.title, kind = EXCLUDED.kind,
           region_code = EXCLUDED.region_code, updated_at = EXCLUDED.updated_at, end_at = EXCLUDED.end_at
         WHERE job_view.version < EXCLUDED.version
         RETURNING job_id, status`,
        [
          jobs.map((j) => j.jobId), jobs.map((j) => j.version), jobs.map((j) => j.agencyId), jobs.map((j) => j.status),
          jobs.map((j) => j.headcount), jobs.map((j) => j.filled), jobs.map((j) => j.title), jobs.map((j) => j.kind),
          jobs.map((j) => j.location.regionCode), jobs.map((j) => j.updatedAt), jobs.map((j) => j.endAt ?? null),
        ],
      );
      const gone = applied.filter((row) => row.status !== 'open').map((row) => row.job_id);
      if (gone.length) {
        // A job that closed, expired or filled can no longer be taken: its open offers lapse.
        await manager.query(
          `UPDATE "${SCHEMA}".matches SET status = 'expired', status_changed_at = now()
           WHERE job_id = ANY($1::uuid[]) AND status IN ('new', 'offered')`,
          [gone],
        );
      }
    });
  }

  /** Registered employers (用工单位), newest version wins; one statement, so a crash applies none of the batch. */
  async applyEmployers(events: EmployerRegisteredData[]): Promise<void> {
    const employers = latestPerId(events, (e) => e.employerId);
    if (!employers.length) return;
    await this.dataSource.query(
      `INSERT INTO "${SCHEMA}".employer_view (employer_id, version, agency_id, name, credit_code, region_code, workshop, updated_at)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::timestamptz[])
       ON CONFLICT (employer_id) DO UPDATE SET version = EXCLUDED.version, agency_id = EXCLUDED.agency_id, name = EXCLUDED.name,
         credit_code = EXCLUDED.credit_code, region_code = EXCLUDED.region_code, workshop = EXCLUDED.workshop, updated_at = EXCLUDED.updated_at
       WHERE employer_view.version < EXCLUDED.version`,
      [
        employers.map((e) => e.employerId), employers.map((e) => e.version), employers.map((e) => e.agencyId), employers.map((e) => e.name),
        employers.map((e) => e.creditCode), employers.map((e) => e.regionCode), employers.map((e) => e.workshop), employers.map((e) => e.updatedAt),
      ],
    );
  }

  async applyWorkers(events: WorkerChangedData[]): Promise<void> {
    const workers = latestPerId(events, (w) => w.workerId);
    if (!workers.length) return;
    await this.dataSource.query(
      `INSERT INTO "${SCHEMA}".worker_view (worker_id, version, station_id, priority_groups, willing_to_migrate, home_region_code, residence_region_code, updated_at)
       SELECT w.worker_id, w.version, w.station_id, ARRAY(SELECT jsonb_array_elements_text(w.priority_groups)), w.willing, w.home, w.residence, w.updated_at
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::jsonb[], $5::boolean[], $6::text[], $7::text[], $8::timestamptz[])
         AS w(worker_id, version, station_id, priority_groups, willing, home, residence, updated_at)
       ON CONFLICT (worker_id) DO UPDATE SET version = EXCLUDED.version, station_id = EXCLUDED.station_id,
         priority_groups = EXCLUDED.priority_groups, willing_to_migrate = EXCLUDED.willing_to_migrate,
         home_region_code = EXCLUDED.home_region_code, residence_region_code = EXCLUDED.residence_region_code, updated_at = EXCLUDED.updated_at
       WHERE worker_view.version < EXCLUDED.version`,
      [
        workers.map((w) => w.workerId), workers.map((w) => w.version), workers.map((w) => w.stationId),
        workers.map((w) => JSON.stringify(w.priorityGroups)), workers.map((w) => w.preferences.willingToMigrate),
        workers.map((w) => w.homeRegionCode), workers.map((w) => w.residenceRegionCode), workers.map((w) => w.updatedAt),
      ],
    );
  }
}
