import { type FieldProblem } from '@laowu/platform';

/** A post's period is at most a year: `to` no later than the same day a year after `from`. */
export function oneYearAfter(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const next = new Date(Date.UTC(year + 1, month - 1, day));
  return next.toISOString().slice(0, 10);
}

/** Why a post's period is refused: `to` before `from`, longer than a year, or already over. */
export function postPeriodProblems(from: string, to: string, today: string): FieldProblem[] {
  if (to < from) return [{ field: 'to', problem: `to ${to} is before from ${from}` }];
  if (to > oneYearAfter(from)) return [{ field: 'to', problem: `the period may last at most a year (to no later than ${oneYearAfter(from)})` }];
  if (to < today) return [{ field: 'to', problem: `the period is over (to ${to} is before today ${today})` }];
  return [];
}

export interface AgreementDates {
  /** The day the staff start at the borrower: today or the later of both posts' starts. */
  startDate: string;
  /** The last day both periods share. */
  overlapEnd: string;
}

/**
 * The dates of an agreement between an offer and a request: start = max(today, both froms); the
 * periods must overlap from that day on, and the return date must lie within [start, the earlier to].
 */
export function agreementDates(
  offer: { from: string; to: string },
  request: { from: string; to: string },
  returnDate: string,
  today: string,
): { dates: AgreementDates; problem?: undefined } | { dates?: undefined; problem: FieldProblem } {
  const startDate = [today, offer.from, request.from].sort()[2];
  const overlapEnd = offer.to < request.to ? offer.to : request.to;
  if (overlapEnd < startDate) {
    return { problem: { field: 'requestId', problem: `the offer's period and the request's do not overlap from ${startDate} on` } };
  }
  if (returnDate < startDate || returnDate > overlapEnd) {
    return { problem: { field: 'returnDate', problem: `returnDate must lie within the shared period ${startDate} – ${overlapEnd}` } };
  }
  return { dates: { startDate, overlapEnd } };
}
