import type { MonthlyStatus } from './monthly-status';

/** A follow-up (帮扶台账) as monthly monitoring shows it; instants as ISO-8601 UTC. */
export interface FollowUpSummary {
  at: string;
  kind: 'call' | 'visit';
  outcome: 'employed' | 'unemployed' | 'unstable' | 'unreachable';
  nextDueAt: string | null;
}

export interface AttentionFlags {
  /** The last follow-up up to the month's end (null: none). */
  lastFollowUp: FollowUpSummary | null;
  /** 连续两次失联: the last two follow-ups up to the month's end were both unreachable. */
  unreachableTwice: boolean;
  /** 由就业转失业: employed at the start of the month or during it, unemployed at its end. */
  becameUnemployed: boolean;
  /** Any flag of the month: unemployed, unstable, unreachableTwice, becameUnemployed. */
  needsAttention: boolean;
}

/**
 * The flags the follow-up ledger adds to a worker's month (十三: 及时发现苗头性、倾向性问题), from
 * the worker's last two follow-ups up to the month's end (newest first) and the month's status.
 */
export function attentionFlags(lastTwo: FollowUpSummary[], status: MonthlyStatus): AttentionFlags {
  const unreachableTwice = lastTwo.length === 2 && lastTwo.every((f) => f.outcome === 'unreachable');
  const wasEmployed = status.statusAtMonthStart === 'employed' || status.changes.some((c) => c.status === 'employed');
  const becameUnemployed = wasEmployed && status.statusAtMonthEnd === 'unemployed';
  return {
    lastFollowUp: lastTwo[0] ?? null,
    unreachableTwice,
    becameUnemployed,
    needsAttention: status.flagged || unreachableTwice || becameUnemployed,
  };
}
