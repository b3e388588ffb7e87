import { attentionFlags, type FollowUpSummary } from './attention-flags';
import { type HistoryEntry, monthlyStatus } from './monthly-status';

const entry = (date: string, status: HistoryEntry['status']): HistoryEntry => ({
  date, status, source: 'station', regionCode: '513401', registeredAt: status === 'unemployed' ? 'residence' : null, employer: null,
});
const followUp = (at: string, outcome: FollowUpSummary['outcome']): FollowUpSummary => ({ at, kind: 'call', outcome, nextDueAt: null });
const employedAllMonth = monthlyStatus([entry('2026-01-01', 'employed')], '2026-11');

describe('attentionFlags (monthly monitoring × follow-up ledger)', () => {
  it('shows the newest follow-up as the last one and raises nothing for a worker employed and reached', () => {
    const lastTwo = [followUp('2026-11-20T02:00:00.000Z', 'employed'), followUp('2026-10-20T02:00:00.000Z', 'unreachable')];
    expect(attentionFlags(lastTwo, employedAllMonth)).toEqual({ lastFollowUp: lastTwo[0], unreachableTwice: false, becameUnemployed: false, needsAttention: false });
  });

  it('flags two unreachable follow-ups in a row, not one', () => {
    const twice = [followUp('2026-11-20T02:00:00.000Z', 'unreachable'), followUp('2026-10-20T02:00:00.000Z', 'unreachable')];
    expect(attentionFlags(twice, employedAllMonth)).toMatchObject({ unreachableTwice: true, needsAttention: true });
    expect(attentionFlags(twice.slice(0, 1), employedAllMonth)).toMatchObject({ unreachableTwice: false, needsAttention: false });
  });

  it('has no last follow-up when there is none', () => {
    expect(attentionFlags([], employedAllMonth)).toMatchObject({ lastFollowUp: null, unreachableTwice: false });
  });

  it('flags employed → unemployed: employed at the month’s start, or employed during it, and unemployed at its end', () => {
    const fromStart = monthlyStatus([entry('2026-01-01', 'employed'), entry('2026-11-10', 'unemployed')], '2026-11');
    expect(attentionFlags([], fromStart)).toMatchObject({ becameUnemployed: true, needsAttention: true });
    const during = monthlyStatus([entry('2026-01-01', 'seeking'), entry('2026-11-03', 'employed'), entry('2026-11-25', 'unemployed')], '2026-11');
    expect(attentionFlags([], during)).toMatchObject({ becameUnemployed: true });
  });

  it('does not flag unemployed all month, nor unemployed → employed, nor a change after the month', () => {
    const unemployedAllMonth = monthlyStatus([entry('2026-09-01', 'unemployed')], '2026-11');
    expect(attentionFlags([], unemployedAllMonth)).toMatchObject({ becameUnemployed: false, needsAttention: true }); // still flagged: unemployed
    const backToWork = monthlyStatus([entry('2026-01-01', 'employed'), entry('2026-11-05', 'unemployed'), entry('2026-11-20', 'employed')], '2026-11');
    expect(attentionFlags([], backToWork).becameUnemployed).toBe(false);
    const nextMonth = monthlyStatus([entry('2026-01-01', 'employed'), entry('2026-12-02', 'unemployed')], '2026-11');
    expect(attentionFlags([], nextMonth)).toMatchObject({ becameUnemployed: false, needsAttention: false });
  });
});
