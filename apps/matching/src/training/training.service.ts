import { Principal } from '@laowu/auth';
import { DomainError } from '@laowu/platform';
import { SEARCH_CLIENT, SearchClient } from '@laowu/search';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SearchIndices } from '../indexing/search-indices';
import { WorkerDocument } from '../indexing/worker.document';
import { assertMayReadWorker } from '../matches/worker.access';
import { ERRORS } from '../matching.errors';
import { DeclinedPairsService } from '../push/declined-pairs.service';
import { RankingService } from '../ranking/ranking.service';
import { LiveRankingWeights } from '../ranking-weights/live-ranking-weights';
import { TrainingCourse } from '../reference/training-course.entity';
import { missingSkills, suggestCourses, type Suggestion, TOP_JOBS, topJobsIgnoringSkills } from './training-suggestions';

const CHINA_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in China (UTC+8), 'YYYY-MM-DD': a course ending today is still open today. */
export const chinaToday = (now: Date) => CHINA_DATE.format(now);

/**
 * Courses for a worker (十): the worker's best jobs from the ranking their matches use (without the
 * jobs declined for them), the skills those jobs ask for and the worker lacks, and the open courses
 * teaching them near the worker (training-suggestions.ts).
 */
@Injectable()
export class TrainingService {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    private readonly indices: SearchIndices,
    private readonly ranking: RankingService,
    private readonly weights: LiveRankingWeights,
    private readonly declined: DeclinedPairsService,
    private readonly dataSource: DataSource,
  ) {}

  async suggestionsFor(principal: Principal, workerId: string, limit: number, now = new Date()): Promise<Suggestion[]> {
    await this.indices.ensured();
    const found = await this.client.get<WorkerDocument>(this.indices.workers.alias, workerId);
    if (!found) throw DomainError.notFound(ERRORS.WORKER_NOT_FOUND, 'worker');
    const worker = found.source;
    assertMayReadWorker(principal, worker);
    const declined = await this.declined.jobsDeclinedBy([workerId]);
    const ranked = await this.ranking.jobsForWorker(worker, 2 * TOP_JOBS, this.weights.forWorker(worker).weights, now, declined.get(workerId));
    const topJobs = topJobsIgnoringSkills(ranked).map((r) => r.job);
    const skills = [...new Set(topJobs.flatMap((job) => missingSkills(job, worker)))];
    if (!skills.length) return [];
    const courses = await this.dataSource
      .getRepository(TrainingCourse)
      .createQueryBuilder('c')
      .where(`c.status = 'open'`)
      .andWhere('c.skill_code IN (:...skills)', { skills })
      .andWhere('c.end_date >= :today', { today: chinaToday(now) })
      .getMany();
    return suggestCourses(worker, topJobs, courses, limit);
  }
}
