import { distanceKm, findCertificate, findRegion, findSkill, provinceCodeOf } from '@laowu/domain';
import { type JobDocument } from '../indexing/job.document';
import { type WorkerDocument } from '../indexing/worker.document';
import { round } from '../ranking/factors/factor';
import { type PairScore } from '../ranking/pair-score';

/**
 * Training suggestions (职业技能培训, 十): the courses that would open the worker's best jobs.
 * A course "opens" one of the worker's top jobs when its skill is one the job asks for and the
 * worker lacks (or has below the job's minimum level). Courses are suggested best first by:
 * how many of the top jobs they open, then in the worker's province before elsewhere, then
 * nearer, then subsidized before not, then starting sooner (course id last, for a stable order).
 */

/** How many of the worker's best-ranked jobs a suggestion looks at. */
export const TOP_JOBS = 50;
/** Courses farther than this from the worker and outside their province are not suggested. */
export const NEAR_KM = 200;
/** Jobs listed per course (`opensJobs`); `opensJobCount` counts them all. */
export const OPENS_JOBS_SHOWN = 5;

type TopJob = Pick<JobDocument, 'jobId' | 'title' | 'skills'>;
type Learner = Pick<WorkerDocument, 'skillKeys' | 'location' | 'residenceRegionCode'>;

export interface CourseLike {
  courseId: string;
  title: string;
  skillCode: string;
  regionCode: string;
  startDate: string;
  endDate: string;
  seats: number;
  subsidized: boolean;
}

export interface Suggestion {
  course: CourseLike;
  skill: { code: string; name?: string };
  distanceKm?: number;
  sameProvince: boolean;
  opensJobs: { jobId: string; title: string }[];
  opensJobCount: number;
}

/**
 * The worker's top `n` jobs with the skills factor's effect taken out: the ranking (the same as
 * the worker's matches) puts jobs whose skills the worker has ahead, which is just what training
 * would change, so the jobs are ordered by their score without the skills contribution.
 * `ranked` should reach further than `n` (the caller asks for 2 × n) so that jobs the skills
 * factor pushed down can come back.
 */
export function topJobsIgnoringSkills<T extends PairScore & { job: TopJob }>(ranked: T[], n = TOP_JOBS): T[] {
  const withoutSkills = (r: PairScore) => r.score - (r.reasons.find((reason) => reason.factor === 'skills')?.contribution ?? 0);
  return [...ranked].sort((a, b) => withoutSkills(b) - withoutSkills(a) || a.job.jobId.localeCompare(b.job.jobId)).slice(0, n);
}

/** The skills a job asks for that the worker lacks, or has below the job's minimum level. */
export function missingSkills(job: Pick<JobDocument, 'skills'>, worker: Pick<WorkerDocument, 'skillKeys'>): string[] {
  return [...new Set(job.skills.filter((s) => !worker.skillKeys.includes(`${s.code}@${s.minLevel}`)).map((s) => s.code))];
}

/** Each missing skill with the top jobs (best first) it would open. */
export function jobsOpenedBySkill(topJobs: TopJob[], worker: Pick<WorkerDocument, 'skillKeys'>): Map<string, TopJob[]> {
  const opened = new Map<string, TopJob[]>();
  for (const job of topJobs) for (const code of missingSkills(job, worker)) opened.set(code, [...(opened.get(code) ?? []), job]);
  return opened;
}

/** The open courses near the worker that would open any of their top jobs, best first. */
export function suggestCourses(worker: Learner, topJobs: TopJob[], courses: CourseLike[], limit: number): Suggestion[] {
  const opened = jobsOpenedBySkill(topJobs, worker);
  const province = provinceCodeOf(worker.residenceRegionCode);
  const suggestions = courses.flatMap((course): Suggestion[] => {
    const jobs = opened.get(course.skillCode);
    if (!jobs?.length) return [];
    const centre = findRegion(course.regionCode);
    const km = centre ? round(distanceKm(worker.location, centre), 1) : undefined;
    const sameProvince = province !== undefined && provinceCodeOf(course.regionCode) === province;
    if (!sameProvince && (km === undefined || km > NEAR_KM)) return [];
    return [
      {
        course,
        skill: { code: course.skillCode, ...nameOf(course.skillCode) },
        ...(km !== undefined ? { distanceKm: km } : {}),
        sameProvince,
        opensJobs: jobs.slice(0, OPENS_JOBS_SHOWN).map((j) => ({ jobId: j.jobId, title: j.title })),
        opensJobCount: jobs.length,
      },
    ];
  });
  return suggestions.sort(bestFirst).slice(0, limit);
}

function bestFirst(a: Suggestion, b: Suggestion): number {
  return (
    b.opensJobCount - a.opensJobCount ||
    Number(b.sameProvince) - Number(a.sameProvince) ||
    (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
    Number(b.course.subsidized) - Number(a.course.subsidized) ||
    a.course.startDate.localeCompare(b.course.startDate) ||
    a.course.courseId.localeCompare(b.course.courseId)
  );
}

function nameOf(code: string): { name?: string } {
  const name = findSkill(code)?.name ?? findCertificate(code)?.name;
  return name ? { name } : {};
}
