import { type HistoryEntry, monthBounds, monthlyStatus, monthsEndingWith } from './monthly-status';

const entry = (date: string, status: HistoryEntry['status'], source = 'station'): HistoryEntry => ({
  date, status, source, regionCode: '513401', registeredAt: status === 'unemployed' ? 'residence' : null, employer: null,
});

describe('monthlyStatus', () => {
  it('knows month lengths, leap years included', () => {
    expect(monthBounds('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(monthBounds('2028-02').last).toBe('2028-02-29');
    expect(monthBounds('2026-12').last).toBe('2026-12-31');
  });

  it('a worker employed all month is neither unemployed nor unstable', () => {
    const result = monthlyStatus([entry('2026-03-10', 'employed')], '2026-11');
    expect(result).toMatchObject({ statusAtMonthStart: 'employed', changes: [], statusAtMonthEnd: 'employed', flagged: false });
  });

  it('flags unemployment at the start of the month or during it', () => {
    expect(monthlyStatus([entry('2026-10-01', 'unemployed')], '2026-11')).toMatchObject({ unemployed: true, unstable: false, flagged: true });
    const during = monthlyStatus([entry('2026-01-01', 'employed'), entry('2026-11-20', 'unemployed')], '2026-11');
    expect(during).toMatchObject({ statusAtMonthStart: 'employed', statusAtMonthEnd: 'unemployed', unemployed: true, unstable: false });
    expect(during.changes).toHaveLength(1);
  });

  it('flags more than one change in the month as unstable, ignoring entries after it', () => {
    const history = [entry('2026-01-01', 'seeking'), entry('2026-11-02', 'employed'), entry('2026-11-25', 'employed'), entry('2026-12-03', 'unemployed')];
    const result = monthlyStatus(history, '2026-11');
    expect(result).toMatchObject({ statusAtMonthStart: 'seeking', statusAtMonthEnd: 'employed', unemployed: false, unstable: true, flagged: true });
    expect(result.changes.map((c) => c.date)).toEqual(['2026-11-02', '2026-11-25']);
  });

  it('uses the default (assumed) entry only before the first recorded one', () => {
    // registered on 11-20 without a status, then "employed since 11-05" recorded: the default is dropped
    const history = [entry('2026-11-05', 'employed'), entry('2026-11-20', 'seeking', 'default')];
    expect(monthlyStatus(history, '2026-11')).toMatchObject({ changes: [expect.objectContaining({ status: 'employed' })], statusAtMonthEnd: 'employed', unstable: false });
    // registered in March without a status, first recorded entry in November
    const later = [entry('2026-03-01', 'seeking', 'default'), entry('2026-11-05', 'employed')];
    expect(monthlyStatus(later, '2026-06')).toMatchObject({ statusAtMonthStart: 'seeking', changes: [] });
  });

  it('has no status for a month before anything was recorded', () => {
    expect(monthlyStatus([entry('2026-11-05', 'employed')], '2026-10')).toMatchObject({ statusAtMonthStart: null, statusAtMonthEnd: null, flagged: false });
  });
});

describe('monthsEndingWith', () => {
  it('counts back across a year boundary, oldest first', () => {
    expect(monthsEndingWith('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsEndingWith('2026-12', 1)).toEqual(['2026-12']);
  });
});
