import { type JobDocument } from '../../indexing/job.document';
import { type WorkerDocument } from '../../indexing/worker.document';
import { bonus, contribution, intersects, type Json, type RankingFactor } from './factor';

/** The job recruits from the worker's home region, and the worker is willing to migrate. */
export const recruitsFromHome = (job: JobDocument, worker: WorkerDocument) => worker.willingToMigrate && intersects(job.crossSourceCodes, worker.homeCodes);

/** Jobs recruiting from the worker's home region. */
export const recruitingFrom = (worker: WorkerDocument): Json => ({ terms: { crossSourceCodes: worker.homeCodes } });

/** Willing workers from the job's source regions. */
export const willingFromSources = (job: JobDocument): Json[] => [{ term: { willingToMigrate: true } }, { terms: { homeCodes: job.crossSourceCodes } }];

/** The job recruits from the worker's home region (worker willing to migrate). */
export const crossRegion: RankingFactor<'crossRegion'> = {
  name: 'crossRegion',
  defaultWeight: 1,
  value: (job, worker) => (recruitsFromHome(job, worker) ? { value: 1, detail: '跨区域岗位定向招收本地劳动力' } : undefined),
  jobFunctions: (worker, _now, weight) => (worker.willingToMigrate ? [{ filter: recruitingFrom(worker), weight }] : []),
  workerFunctions: (job, _now, weight) => (job.crossSourceCodes.length ? [{ filter: { bool: { filter: willingFromSources(job) } }, weight }] : []),
  bound: ({ crossRegion: weight }) => ({
    split: 'home',
    classes: (worker) => (worker.willingToMigrate ? [bonus(contribution(weight, 1), recruitingFrom(worker))] : []),
  }),
};
