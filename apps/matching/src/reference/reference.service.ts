import { type LaborBrandChangedData, type TrainingCourseChangedData } from '@laowu/contracts';
import { latestPerId } from '@laowu/messaging';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LaborBrandNames } from '../indexing/labor-brand-names';
import { SCHEMA } from '../schema';
import { LaborBrandRow } from './labor-brand.entity';

/**
 * Keeps matching's copy of the reference registries: bureau-added labour brands (the latest
 * `updatedAt` wins: the event carries no version) and training courses (the highest version wins).
 * Every write is an upsert that never goes back, so a redelivered or stale event changes nothing.
 * Both are rare (a bureau adds a brand or a course by hand): one statement per record.
 */
@Injectable()
export class ReferenceService implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly brandNames: LaborBrandNames,
  ) {}

  /** Brands added before this start are searchable by name from the first request. */
  async onApplicationBootstrap(): Promise<void> {
    for (const row of await this.dataSource.getRepository(LaborBrandRow).find()) this.brandNames.add(row.code, [row.name, ...row.keywords]);
  }

  async saveLaborBrands(brands: LaborBrandChangedData[]): Promise<void> {
    const latest = latestPerId(
      brands.map((brand) => ({ brand, version: Date.parse(brand.updatedAt) })),
      ({ brand }) => brand.code,
    ).map(({ brand }) => brand);
    if (!latest.length) return;
    const applied = await this.dataSource.transaction(async (manager) => {
      const kept: LaborBrandChangedData[] = [];
      for (const b of latest) {
        const rows: unknown[] = await manager.query(
          `INSERT INTO "${SCHEMA}".labor_brands AS t (code, name, region_code, trade, keywords, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code, trade = EXCLUDED.trade,
             keywords = EXCLUDED.keywords, updated_at = EXCLUDED.updated_at
           WHERE t.updated_at <= EXCLUDED.updated_at
           RETURNING code`,
          [b.code, b.name, b.regionCode, b.trade, b.keywords, b.updatedAt],
        );
        if (rows.length) kept.push(b);
      }
      return kept;
    });
    // After the commit: a name is searchable only once its row is stored (a restart loads the same).
    for (const b of applied) this.brandNames.add(b.code, [b.name, ...b.keywords]);
  }

  async saveTrainingCourses(courses: TrainingCourseChangedData[]): Promise<void> {
    const latest = latestPerId(courses, (c) => c.courseId);
    if (!latest.length) return;
    await this.dataSource.transaction(async (manager) => {
      for (const c of latest) {
        await manager.query(
          `INSERT INTO "${SCHEMA}".training_courses AS t
             (course_id, version, status, title, skill_code, region_code, start_date, end_date, seats, subsidized, posted_by, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           ON CONFLICT (course_id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status, title = EXCLUDED.title,
             skill_code = EXCLUDED.skill_code, region_code = EXCLUDED.region_code, start_date = EXCLUDED.start_date,
             end_date = EXCLUDED.end_date, seats = EXCLUDED.seats, subsidized = EXCLUDED.subsidized, posted_by = EXCLUDED.posted_by,
             updated_at = EXCLUDED.updated_at
           WHERE t.version < EXCLUDED.version`,
          [c.courseId, c.version, c.status, c.title, c.skillCode, c.regionCode, c.startDate, c.endDate, c.seats, c.subsidized, c.postedBy, c.updatedAt],
        );
      }
    });
  }
}
