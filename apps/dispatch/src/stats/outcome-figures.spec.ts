import { OUTCOME_CSV_COLUMNS, outcomeCsvRows, toOutcomes } from './outcome-figures';

const zero = { poverty_alleviated: 0, monitoring_target: 0, relocated: 0 };

describe('outcome figures', () => {
  const rows = [
    { agency_id: 'b', grp: '*total*', dispatched: 2, arrived: 1 },
    { agency_id: 'b', grp: 'relocated', dispatched: 1, arrived: 0 },
    { agency_id: 'b', grp: '*total*', placed: 3, checked3m: 2, retained3m: 1 },
    { agency_id: 'b', grp: 'poverty_alleviated', placed: 2, checked3m: 1, retained3m: 1 },
    { agency_id: null, grp: '*total*', placed: 4, checked3m: 1, retained3m: 1 },
    { agency_id: null, grp: 'poverty_alleviated', placed: 1, checked3m: 1, retained3m: 0 },
    { agency_id: 'a', grp: '*total*', placed: 1, checked3m: 0, retained3m: 0 },
    { agency_id: 'c', grp: '*total*', dispatched: 0, arrived: 0 },
  ];

  it('merges batch and placement rows per agency, keeps agencies with something, and sums every row into the totals', () => {
    const { agencies, totals } = toOutcomes(rows);
    expect(agencies.map((a) => a.agencyId)).toEqual(['a', 'b']);
    expect(agencies[1]).toEqual({
      agencyId: 'b',
      dispatched: { total: 2, byPriorityGroup: { ...zero, relocated: 1 } },
      arrived: { total: 1, byPriorityGroup: zero },
      placed: { total: 3, byPriorityGroup: { ...zero, poverty_alleviated: 2 } },
      checked3m: { total: 2, byPriorityGroup: { ...zero, poverty_alleviated: 1 } },
      retained3m: { total: 1, byPriorityGroup: { ...zero, poverty_alleviated: 1 } },
    });
    expect(totals.placed).toEqual({ total: 8, byPriorityGroup: { ...zero, poverty_alleviated: 3 } });
    expect(totals.retained3m).toEqual({ total: 2, byPriorityGroup: { ...zero, poverty_alleviated: 1 } });
    expect(totals.dispatched.total).toBe(2);
  });

  it('lays the CSV out as agency × (total, each group), then the totals as agency *', () => {
    const { agencies, totals } = toOutcomes(rows);
    const lines = outcomeCsvRows(agencies, totals, 'F', 'T').map((r) => OUTCOME_CSV_COLUMNS.map((c) => c.value(r)));
    expect(OUTCOME_CSV_COLUMNS.map((c) => c.header)).toEqual(['agency_id', 'priority_group', 'dispatched', 'arrived', 'placed', 'checked_3m', 'retained_3m', 'from', 'to']);
    expect(lines).toHaveLength(12);
    expect(lines[4]).toEqual(['b', '*', 2, 1, 3, 2, 1, 'F', 'T']);
    expect(lines[5]).toEqual(['b', 'poverty_alleviated', 0, 0, 2, 1, 1, 'F', 'T']);
    expect(lines[7]).toEqual(['b', 'relocated', 1, 0, 0, 0, 0, 'F', 'T']);
    expect(lines[8]).toEqual(['*', '*', 2, 1, 8, 3, 2, 'F', 'T']);
  });
});
