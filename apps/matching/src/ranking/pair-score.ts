import { distanceKm, eastWestPartnersOf } from '@laowu/domain';
import { JobDocument } from '../indexing/job.document';
import { WorkerDocument } from '../indexing/worker.document';
import { Factor, RANKING } from './ranking.weights';

export interface Reason {
  factor: Factor;
  contribution: number;
  detail: string;
}

export interface PairScore {
  score: number;
  reasons: Reason[];
}

const DAY_MS = 86_400_000;
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const gauss = (distance: number, scale: number) => 0.5 ** ((distance / scale) ** 2);
const intersects = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/** What one factor adds to the score, as a reason shows it (rounded to 4 digits). */
export function contribution(factor: Factor, value: number): number {
  return round(RANKING.weights[factor] * value);
}

/** The skill value and a note: share of the job's requirements the worker meets. */
function skillValue(job: JobDocument, worker: WorkerDocument): [number, string] {
  const required = [...new Set(job.skillReqs)];
  if (!required.length) return [RANKING.neutral, '无技能要求'];
  const met = required.filter((key) => worker.skillKeys.includes(key));
  return [met.length / required.length, `技能符合 ${met.length}/${required.length}`];
}

export function commuteScaleKm(worker: Pick<WorkerDocument, 'maxCommuteKm'>): number {
  return Math.max(worker.maxCommuteKm, RANKING.minCommuteScaleKm);
}

export function ageValue(age: number, min: number | undefined, max: number | undefined): number {
  let outside = 0;
  if (min !== undefined && age < min) outside = min - age;
  if (max !== undefined && age > max) outside = age - max;
  return 0.5 ** (outside / RANKING.ageHalfLifeYears);
}

export function wageValue(jobMaxPerDay: number | undefined, workerMinPerDay: number | undefined): number {
  if (jobMaxPerDay === undefined || workerMinPerDay === undefined) return RANKING.neutral;
  if (workerMinPerDay <= 0) return 1;
  const ratio = jobMaxPerDay / workerMinPerDay;
  return Math.min(1, Math.max(0, (ratio - RANKING.wageRatioFloor) / RANKING.wageRatioSpan));
}

export function freshnessValue(job: Pick<JobDocument, 'postedAt'>, now: Date): number {
  return gauss(Math.abs(now.getTime() - Date.parse(job.postedAt)) / DAY_MS, RANKING.freshnessScaleDays);
}

export function startSoonValue(job: Pick<JobDocument, 'kind' | 'startAt'>, now: Date): number {
  if (job.kind !== 'gig' || !job.startAt) return 0;
  return gauss(Math.abs(Date.parse(job.startAt) - now.getTime()) / DAY_MS, RANKING.startSoonScaleDays);
}

export function isPriorityWorker(worker: Pick<WorkerDocument, 'priorityGroups'>): boolean {
  return worker.priorityGroups.some((g) => (RANKING.priorityGroups as readonly string[]).includes(g));
}

function ageDetail(job: JobDocument, worker: WorkerDocument): string {
  if (job.ageMin === undefined && job.ageMax === undefined) return '无年龄要求';
  const range = `${job.ageMin ?? ''}–${job.ageMax ?? ''} 岁`;
  const value = ageValue(worker.ageYears, job.ageMin, job.ageMax);
  return value === 1 ? `年龄 ${worker.ageYears} 岁在偏好范围 ${range} 内` : `年龄 ${worker.ageYears} 岁超出偏好范围 ${range}（不排除，仅降低排名）`;
}

/**
 * The score of one job–worker pair with its reasons: the same formulas and weights as the search
 * engine's function_score (ranking queries), so the reasons add up to the score a station sees.
 */
export function scorePair(job: JobDocument, worker: WorkerDocument, now: Date): PairScore {
  const reasons: Reason[] = [];
  const add = (factor: Factor, value: number, detail: string) => {
    const added = contribution(factor, value);
    if (added > 0) reasons.push({ factor, contribution: added, detail });
  };

  const [skills, skillNote] = skillValue(job, worker);
  add('skills', skills, skillNote);
  const km = distanceKm(worker.location, job.location);
  add('distance', gauss(km, commuteScaleKm(worker)), `距离 ${km.toFixed(km < 10 ? 1 : 0)} km（通勤上限 ${worker.maxCommuteKm} km）`);

  const targetsHome = worker.willingToMigrate && intersects(job.crossSourceCodes, worker.homeCodes);
  if (targetsHome) {
    add('crossRegion', 1, '跨区域岗位定向招收本地劳动力');
    if (job.provinceCode && eastWestPartnersOf(worker.homeRegionCode).includes(job.provinceCode)) add('eastWest', 1, '东西部协作结对省份');
  }
  if (intersects(worker.targetRegionCodes, job.regionCodes)) add('targetRegion', 1, '岗位在意向务工地区');

  add('age', ageValue(worker.ageYears, job.ageMin, job.ageMax), ageDetail(job, worker));
  if (job.olderWorkerFriendly && worker.ageYears >= RANKING.olderWorkerAge) add('olderFriendly', 1, '适合大龄劳动者的岗位');
  if (isPriorityWorker(worker)) {
    add('priority', 1, '脱贫人口/监测对象优先');
    if (RANKING.assistanceKinds.includes(job.kind)) add('assistance', 1, '以工代赈/帮扶车间/公益性岗位优先安置');
  }
  if (worker.priorityGroups.includes('relocated') && job.relocationQuotaPct > 0) {
    add('relocation', 1, `搬迁群众优先（岗位预留 ${job.relocationQuotaPct}%）`);
  }
  add('wage', wageValue(job.wagePerDayMax, worker.minWagePerDay), wageDetail(job, worker));
  add('freshness', freshnessValue(job, now), `发布于 ${chinaTime(job.postedAt).slice(0, 10)}`);
  add('startSoon', startSoonValue(job, now), `零工 ${job.startAt ? chinaTime(job.startAt) : '—'} 开工`);

  return { score: round(reasons.reduce((sum, r) => sum + r.contribution, 0)), reasons };
}

function wageDetail(job: JobDocument, worker: WorkerDocument): string {
  if (job.wagePerDayMax === undefined) return '计件工资，无法折算日薪';
  const pay = `日薪约 ${Math.round(job.wagePerDayMin ?? job.wagePerDayMax)}–${Math.round(job.wagePerDayMax)} 元`;
  return worker.minWagePerDay === undefined ? pay : `${pay}（期望不低于 ${Math.round(worker.minWagePerDay)} 元）`;
}

const CHINA_TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** "2026-12-01 09:00" in China time (UTC+8), as a station worker reads a date. */
function chinaTime(iso: string): string {
  return CHINA_TIME.format(new Date(iso));
}
