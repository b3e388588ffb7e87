import { type JobKind, type RetentionCheckMonths } from '@laowu/contracts';
import { chinaDate } from '@laowu/domain';

/** A worker's placement that is still active, as the rules below need it. */
export interface ActivePlacement {
  id: string;
  jobId: string | null;
  jobKind: JobKind | null;
  concurrent: boolean;
}

/** The placement about to start. */
export interface NewPlacement {
  jobId: string | null;
  jobKind: JobKind | null;
  concurrent: boolean;
}

/**
 * Why a new placement may not start beside the worker's active ones:
 * - `same_job`: already placed in that job (never counted twice);
 * - `concurrent_not_allowed`: `concurrent` asked for where the policy does not allow it;
 * - `already_placed`: an active placement that is not concurrent, and the new one is not either.
 */
export type PlacementClash =
  | { kind: 'same_job'; placementId: string }
  | { kind: 'concurrent_not_allowed' }
  | { kind: 'already_placed'; placementId: string };

/**
 * A part-time public-welfare post (乡村公益性岗位) allows other flexible work (十六): a placement
 * may be held concurrently when it is itself in a public-welfare post, or when the worker has
 * active placements and every one of them is in a public-welfare post. Without any active
 * placement, a concurrent flag on an ordinary job is refused: there is nothing to hold it beside.
 */
export function mayBeConcurrent(active: readonly ActivePlacement[], candidate: NewPlacement): boolean {
  if (candidate.jobKind === 'public_welfare') return true;
  return active.length > 0 && active.every((p) => p.jobKind === 'public_welfare');
}

export function placementClash(active: readonly ActivePlacement[], candidate: NewPlacement): PlacementClash | null {
  const sameJob = candidate.jobId ? active.find((p) => p.jobId === candidate.jobId) : undefined;
  if (sameJob) return { kind: 'same_job', placementId: sameJob.id };
  if (candidate.concurrent) return mayBeConcurrent(active, candidate) ? null : { kind: 'concurrent_not_allowed' };
  const exclusive = active.find((p) => !p.concurrent);
  return exclusive ? { kind: 'already_placed', placementId: exclusive.id } : null;
}

/**
 * `date` (YYYY-MM-DD) plus whole calendar months; a day the target month lacks becomes its last
 * day (01-31 + 1 month → 02-28 or 02-29).
 */
export function addCalendarMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const firstOfTarget = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(day, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}

/** A retention check (稳岗回访) falls due this many calendar months after the start. */
export function checkDueDate(startDate: string, afterMonths: RetentionCheckMonths): string {
  return addCalendarMonths(startDate, afterMonths);
}

/** A public-welfare post's placement ends with the job (十六): the China date of the job's end. */
export function plannedEndDate(jobKind: JobKind | null, jobEndAt: Date | null): string | null {
  return jobKind === 'public_welfare' && jobEndAt ? chinaDate(new Date(jobEndAt)) : null;
}
