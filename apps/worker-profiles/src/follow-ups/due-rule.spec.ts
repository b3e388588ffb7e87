import { chinaIso, chinaMonthOf, chinaMonthWindow } from './china-time';
import { dueFor } from './due-rule';

const t = (iso: string) => new Date(iso);

describe('China calendar months', () => {
  it('places an instant in the month it is in Beijing, not in UTC', () => {
    expect(chinaMonthOf(t('2026-11-30T15:59:59Z'))).toBe('2026-11');
    expect(chinaMonthOf(t('2026-11-30T16:00:00Z'))).toBe('2026-12');
  });

  it('gives a month as [first instant, next month’s first instant), across a year end', () => {
    expect(chinaMonthWindow('2026-12')).toEqual({ month: '2026-12', start: t('2026-11-30T16:00:00Z'), end: t('2026-12-31T16:00:00Z') });
    expect(chinaMonthWindow('2028-02').end).toEqual(t('2028-02-29T16:00:00Z'));
    expect(chinaMonthWindow('9999-12').end.getTime()).toBe(Date.UTC(10000, 0, 1) - 8 * 3_600_000);
    expect(chinaMonthWindow('0050-01').start.toISOString()).toBe('0049-12-31T16:00:00.000Z');
  });

  it('writes an instant in China time with its offset', () => {
    expect(chinaIso(t('2026-11-30T16:30:05.123Z'))).toBe('2026-12-01T00:30:05+08:00');
  });
});

describe('dueFor (帮扶台账: who needs a follow-up)', () => {
  const before = t('2026-11-20T10:00:00+08:00');
  const monthEnd = t('2026-12-01T00:00:00+08:00');

  it('a worker never followed up is due by the month’s end', () => {
    expect(dueFor(null, before)).toEqual({ reason: 'none_this_month', dueAt: monthEnd });
  });

  it('a follow-up only last month leaves the worker due this month', () => {
    expect(dueFor({ at: t('2026-10-31T23:59:00+08:00'), nextDueAt: null }, before)).toEqual({ reason: 'none_this_month', dueAt: monthEnd });
    // the China month begins at 00:00 +08:00, i.e. 16:00 UTC the day before
    expect(dueFor({ at: t('2026-10-31T16:00:00Z'), nextDueAt: null }, before)).toBeNull();
  });

  it('an earlier next date set last month brings the due date forward, still none this month', () => {
    const nextDueAt = t('2026-11-25T09:00:00+08:00');
    expect(dueFor({ at: t('2026-10-10T10:00:00+08:00'), nextDueAt }, before)).toEqual({ reason: 'none_this_month', dueAt: nextDueAt });
    // a next date after the month's end does not postpone the monthly follow-up
    expect(dueFor({ at: t('2026-10-10T10:00:00+08:00'), nextDueAt: t('2027-01-10T00:00:00+08:00') }, before)).toEqual({ reason: 'none_this_month', dueAt: monthEnd });
  });

  it('a follow-up this month whose next date has not come is not due', () => {
    expect(dueFor({ at: t('2026-11-02T10:00:00+08:00'), nextDueAt: null }, before)).toBeNull();
    expect(dueFor({ at: t('2026-11-02T10:00:00+08:00'), nextDueAt: before }, before)).toBeNull();
  });

  it('a next date before `before` is past due, whenever the last follow-up was', () => {
    const nextDueAt = t('2026-11-15T09:00:00+08:00');
    expect(dueFor({ at: t('2026-11-02T10:00:00+08:00'), nextDueAt }, before)).toEqual({ reason: 'past_due', dueAt: nextDueAt });
    const lastMonth = t('2026-10-28T09:00:00+08:00');
    expect(dueFor({ at: t('2026-10-20T10:00:00+08:00'), nextDueAt: lastMonth }, before)).toEqual({ reason: 'past_due', dueAt: lastMonth });
  });
});
