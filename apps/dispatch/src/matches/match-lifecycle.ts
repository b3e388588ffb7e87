import { type MatchStatus } from '@laowu/contracts';

export type MatchAction = 'offer' | 'accept' | 'decline' | 'expire';

/** new → offered → accepted | declined | expired (accept and decline also straight from new). */
const ALLOWED: Record<MatchAction, readonly MatchStatus[]> = {
  offer: ['new'],
  accept: ['new', 'offered'],
  decline: ['new', 'offered'],
  expire: ['new', 'offered'],
};

export const STATUS_AFTER: Record<MatchAction, MatchStatus> = {
  offer: 'offered',
  accept: 'accepted',
  decline: 'declined',
  expire: 'expired',
};

export function canApply(action: MatchAction, current: MatchStatus): boolean {
  return ALLOWED[action].includes(current);
}

/** Seats a job still has: headcount minus arrivals and accepted matches not yet arrived. */
export function headcountLeft(job: { headcount: number; filled: number }, arrivedHere: number, acceptedNotArrived: number): number {
  // `filled` comes back from job-collection after our WorkerArrived events; until it catches up,
  // our own arrival count is the better figure, hence the larger of the two.
  return job.headcount - Math.max(job.filled, arrivedHere) - acceptedNotArrived;
}
