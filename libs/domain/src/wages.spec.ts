import { HOURS_PER_DAY, PAID_DAYS_PER_MONTH, wagePerDay, wageRangePerDay } from './wages';

describe('wagePerDay', () => {
  it('multiplies hourly pay by an 8-hour day', () => {
    expect(HOURS_PER_DAY).toBe(8);
    expect(wagePerDay(25, 'hour')).toBe(200);
    expect(wagePerDay(22.5, 'hour')).toBe(180);
  });

  it('keeps daily pay', () => {
    expect(wagePerDay(240, 'day')).toBe(240);
  });

  it('divides monthly pay by 21.75 paid days, rounded to the fen', () => {
    expect(PAID_DAYS_PER_MONTH).toBe(21.75);
    expect(wagePerDay(4350, 'month')).toBe(200);
    expect(wagePerDay(6000, 'month')).toBe(275.86);
  });

  it('has no daily equivalent for piece rates', () => {
    expect(wagePerDay(1.5, 'piece')).toBeUndefined();
  });

  it('rejects negative and non-finite amounts', () => {
    expect(wagePerDay(-1, 'day')).toBeUndefined();
    expect(wagePerDay(Number.NaN, 'day')).toBeUndefined();
    expect(wagePerDay(Number.POSITIVE_INFINITY, 'hour')).toBeUndefined();
    expect(wagePerDay(0, 'month')).toBe(0);
  });
});

describe('wageRangePerDay', () => {
  it('normalises both ends', () => {
    expect(wageRangePerDay({ min: 180, max: 240, unit: 'day' })).toEqual({ min: 180, max: 240 });
    expect(wageRangePerDay({ min: 20, max: 30, unit: 'hour' })).toEqual({ min: 160, max: 240 });
    expect(wageRangePerDay({ min: 4350, max: 6525, unit: 'month' })).toEqual({ min: 200, max: 300 });
  });

  it('is undefined for piece rates and inverted ranges', () => {
    expect(wageRangePerDay({ min: 1, max: 2, unit: 'piece' })).toBeUndefined();
    expect(wageRangePerDay({ min: 300, max: 200, unit: 'day' })).toBeUndefined();
  });
});
