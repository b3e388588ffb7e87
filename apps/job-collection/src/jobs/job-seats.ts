import { type PlacementEndedData } from '@laowu/contracts';
import { type JobEntity } from './job.entity';

type Seats = Pick<JobEntity, 'filled' | 'headcount' | 'status'>;

/** A placement started in the job: filled + 1, and an open job that reaches its headcount becomes `filled`. */
export function takeSeat(job: Seats): void {
  job.filled += 1;
  if (job.status === 'open' && job.filled >= job.headcount) job.status = 'filled';
}

/**
 * A placement in the job ended early: filled − 1 (never below 0), and a `filled` job below its
 * headcount is `open` again; a closed or expired job keeps its status. False when nothing changed
 * (filled was already 0).
 */
export function freeSeat(job: Seats): boolean {
  if (job.filled === 0) return false;
  job.filled -= 1;
  if (job.status === 'filled' && job.filled < job.headcount) job.status = 'open';
  return true;
}

/**
 * Whether an ended placement gives its seat back: it held a seat in a job and ended before its
 * term (quit, dismissed, other). A `contract_end` leaves `filled` as it is: the job was filled for
 * its whole term.
 */
export function freesSeat(ended: PlacementEndedData): ended is PlacementEndedData & { jobId: string } {
  return ended.jobId !== undefined && ended.reason !== 'contract_end';
}
