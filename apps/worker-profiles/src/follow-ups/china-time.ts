import { chinaDate } from '@laowu/domain';

const CHINA_OFFSET = '+08:00';
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** A China calendar month as instants: from its first moment (inclusive) to the next month's (exclusive). */
export interface MonthWindow {
  month: string;
  start: Date;
  end: Date;
}

/** The China calendar month (YYYY-MM) an instant falls in: 2026-11-30T17:00Z is already 2026-12. */
export function chinaMonthOf(instant: Date): string {
  return chinaDate(instant).slice(0, 7);
}

/** 'YYYY-MM' → its first instant and the next month's, China Standard Time (no daylight saving). */
export function chinaMonthWindow(month: string): MonthWindow {
  const [year, m] = month.split('-').map(Number);
  return { month, start: new Date(utcMonthStart(year, m - 1) - CHINA_OFFSET_MS), end: new Date(utcMonthStart(year, m) - CHINA_OFFSET_MS) };
}

/** 00:00 UTC on the 1st; month 12 rolls into the next year (9999-12 included, which no date string can write), years below 100 stay themselves. */
function utcMonthStart(year: number, monthIndex: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, 1);
  return date.getTime();
}

/** An instant as China local time with its offset, to the second: '2026-11-03T10:00:00+08:00'. */
export function chinaIso(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19) + CHINA_OFFSET;
}
