/**
 * Wage normalisation to CNY per day, so jobs paid by the hour, day or month can be ranked and
 * filtered against a worker's minimum wage on one scale.
 *
 * Why these factors:
 * - hour × 8: the standard working day is 8 hours (《国务院关于职工工作时间的规定》, 劳动法 第三十六条).
 * - month ÷ 21.75: the statutory number of paid days per month (月计薪天数), set by 人社部
 *   《关于职工全年月平均工作时间和工资折算问题的通知》(劳社部发〔2008〕3号):
 *   (365 − 104 rest days) ÷ 12 = 21.75. It is the figure used to convert monthly pay to a daily rate.
 * - piece: piece-rate pay (计件) has no fixed daily equivalent, so it is `undefined` ("unknown per
 *   day") rather than a guess; callers rank such jobs without a wage factor.
 * Results are rounded to the fen (0.01 CNY).
 */
export type WageUnit = 'hour' | 'day' | 'month' | 'piece';

/** Standard working hours per day (标准工作日). */
export const HOURS_PER_DAY = 8;

/** Statutory paid days per month (法定月计薪天数). */
export const PAID_DAYS_PER_MONTH = 21.75;

function roundToFen(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** CNY per day for an amount in `unit`; undefined for piece rates and for negative/non-finite amounts. */
export function wagePerDay(amount: number, unit: WageUnit): number | undefined {
  if (!Number.isFinite(amount) || amount < 0) return undefined;
  switch (unit) {
    case 'hour':
      return roundToFen(amount * HOURS_PER_DAY);
    case 'day':
      return roundToFen(amount);
    case 'month':
      return roundToFen(amount / PAID_DAYS_PER_MONTH);
    case 'piece':
      return undefined;
    default:
      return undefined;
  }
}

export interface WageRange {
  readonly min: number;
  readonly max: number;
  readonly unit: WageUnit;
}

/** A wage range in CNY per day; undefined when the unit has no daily equivalent or min > max. */
export function wageRangePerDay(wage: WageRange): { min: number; max: number } | undefined {
  const min = wagePerDay(wage.min, wage.unit);
  const max = wagePerDay(wage.max, wage.unit);
  if (min === undefined || max === undefined || min > max) return undefined;
  return { min, max };
}
