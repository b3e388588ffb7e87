import { type SharingPostChangedData } from '@laowu/contracts';
import { latestPerId } from '@laowu/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SCHEMA } from '../schema';
import { SharingPost } from './sharing-post.entity';

/** Matching's copy of the 共享用工 posts: each at its highest version, so stale and redelivered events change nothing. */
@Injectable()
export class SharingPostsService {
  constructor(private readonly dataSource: DataSource) {}

  async save(posts: SharingPostChangedData[]): Promise<void> {
    const latest = latestPerId(posts, (p) => p.postId);
    if (!latest.length) return;
    await this.dataSource.transaction(async (manager) => {
      for (const p of latest) {
        await manager.query(
          `INSERT INTO "${SCHEMA}".sharing_posts AS t
             (post_id, side, version, status, agency_id, employer_id, employer_name, headcount, open_headcount, skills, from_date, to_date,
              region_code, wage, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
           ON CONFLICT (post_id) DO UPDATE SET side = EXCLUDED.side, version = EXCLUDED.version, status = EXCLUDED.status,
             agency_id = EXCLUDED.agency_id, employer_id = EXCLUDED.employer_id, employer_name = EXCLUDED.employer_name,
             headcount = EXCLUDED.headcount, open_headcount = EXCLUDED.open_headcount, skills = EXCLUDED.skills,
             from_date = EXCLUDED.from_date, to_date = EXCLUDED.to_date, region_code = EXCLUDED.region_code, wage = EXCLUDED.wage,
             updated_at = EXCLUDED.updated_at
           WHERE t.version < EXCLUDED.version`,
          [
            p.postId,
            p.side,
            p.version,
            p.status,
            p.agencyId,
            p.employerId,
            p.employerName,
            p.headcount,
            p.openHeadcount,
            JSON.stringify(p.skills.map((s) => ({ code: s.code, ...(s.level !== undefined ? { level: s.level } : {}) }))),
            p.from,
            p.to,
            p.regionCode,
            p.wage ? JSON.stringify({ min: p.wage.min, max: p.wage.max, unit: p.wage.unit }) : null,
            p.updatedAt,
          ],
        );
      }
    });
  }

  /** A request as matching last saw it; undefined when it has not (or it is an offer). */
  async request(postId: string): Promise<SharingPost | undefined> {
    return (await this.dataSource.getRepository(SharingPost).findOneBy({ postId, side: 'request' })) ?? undefined;
  }

  /** Open offers with staff left whose period shares a day with `from`–`to`, other than `employerId`'s own. */
  async openOffersOverlapping(from: string, to: string, employerId: string): Promise<SharingPost[]> {
    return this.dataSource
      .getRepository(SharingPost)
      .createQueryBuilder('p')
      .where(`p.side = 'offer' AND p.status = 'open' AND p.open_headcount > 0`)
      .andWhere('p.to_date >= :from AND p.from_date <= :to', { from, to })
      .andWhere('p.employer_id <> :employerId', { employerId })
      .getMany();
  }
}
