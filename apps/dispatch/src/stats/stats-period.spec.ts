import { chinaDateTime, outcomePeriod, parsePeriodBound } from './stats-period';

describe('outcome period bounds', () => {
  it('reads a date alone as midnight in China and a date-time without offset as China time', () => {
    expect(parsePeriodBound('2026-01-01')?.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(parsePeriodBound('2026-01-01T08:30')?.toISOString()).toBe('2026-01-01T00:30:00.000Z');
    expect(parsePeriodBound('2026-01-01T08:30:15.5Z')?.toISOString()).toBe('2026-01-01T08:30:15.500Z');
    expect(parsePeriodBound('2026-01-01T00:00:00-05:00')?.toISOString()).toBe('2026-01-01T05:00:00.000Z');
  });

  it('refuses impossible days, other ISO forms and years before 1970', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-W01', '2026-001', '1969-12-31', '0000-01-01', '2026-01-01T24:00', '2026-01-01T10:00+25:00', '9999-12-31T23:59:59-12:00', '9999-12-31T08:00Z', 'soon', '']) {
      expect({ bad, parsed: parsePeriodBound(bad) }).toEqual({ bad, parsed: undefined });
    }
    expect(parsePeriodBound('2028-02-29')).toBeDefined();
    expect(parsePeriodBound('9999-12-31')).toBeDefined();
  });

  it('defaults to the beginning up to the end of today in China, and gives the China dates placements are counted by', () => {
    // 2026-12-05 20:00 UTC is already 12-06 04:00 in China
    const period = outcomePeriod(undefined, undefined, new Date('2026-12-05T20:00:00Z'));
    expect(period).toEqual({ from: new Date(0), to: new Date('2026-12-06T16:00:00Z'), fromDate: '1970-01-01', toDate: '2026-12-07' });
    const year = outcomePeriod('2026-01-01', '2027-01-01', new Date());
    expect([year.fromDate, year.toDate]).toEqual(['2026-01-01', '2027-01-01']);
  });

  it('writes an instant as China time', () => {
    expect(chinaDateTime(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01T00:00:00+08:00');
  });
});
