import type { EmploymentStatus } from '@laowu/contracts';

export interface HistoryEntry {
  status: EmploymentStatus;
  /** YYYY-MM-DD */
  date: string;
  regionCode: string;
  registeredAt: string | null;
  employer: string | null;
  source: string;
}

export interface MonthlyStatus {
  /** In force on the first day of the month (null: nothing recorded before it). */
  statusAtMonthStart: EmploymentStatus | null;
  /** Entries effective within the month, in order. */
  changes: { date: string; status: EmploymentStatus; regionCode: string; registeredAt: string | null; employer: string | null }[];
  statusAtMonthEnd: EmploymentStatus | null;
  /** 未就业: unemployed at any time during the month. */
  unemployed: boolean;
  /** 就业不稳: more than one change within the month. */
  unstable: boolean;
  flagged: boolean;
}

/** 'YYYY-MM' → first and last day. */
export function monthBounds(month: string): { first: string; last: string } {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(last).padStart(2, '0')}` };
}

/** The `count` months ending with `last` (YYYY-MM), oldest first. */
export function monthsEndingWith(last: string, count: number): string[] {
  const [year, month] = last.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - count + i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/**
 * A worker's status during one month (monitoring of 脱贫人口, policy 十三), from the history up to
 * the month's end ordered by date then entry. A `default` entry (the assumed "seeking" of a worker
 * registered without a status) counts only before the first recorded entry, so a recorded,
 * back-dated status always wins over the assumption — the same rule as the current status.
 */
export function monthlyStatus(history: HistoryEntry[], month: string): MonthlyStatus {
  const { first, last } = monthBounds(month);
  const timeline = effectiveTimeline(history).filter((e) => e.date <= last);
  const before = timeline.filter((e) => e.date < first);
  const statusAtMonthStart = before.length ? before[before.length - 1].status : null;
  const changes = timeline
    .filter((e) => e.date >= first)
    .map(({ date, status, regionCode, registeredAt, employer }) => ({ date, status, regionCode, registeredAt, employer }));
  const statusAtMonthEnd = timeline.length ? timeline[timeline.length - 1].status : null;
  const unemployed = statusAtMonthStart === 'unemployed' || changes.some((c) => c.status === 'unemployed');
  const unstable = changes.length > 1;
  return { statusAtMonthStart, changes, statusAtMonthEnd, unemployed, unstable, flagged: unemployed || unstable };
}

function effectiveTimeline(history: HistoryEntry[]): HistoryEntry[] {
  const recorded = history.filter((e) => e.source !== 'default');
  if (!recorded.length) return history;
  const firstRecorded = recorded.reduce((min, e) => (e.date < min ? e.date : min), recorded[0].date);
  return history.filter((e) => e.source !== 'default' || e.date < firstRecorded);
}
