import { chinaDate } from '@laowu/domain';

/** `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm[:ss[.sss]][Z|±HH:mm]`: the only period bounds accepted. */
const BOUND_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const CHINA_OFFSET = '+08:00';
const DAY_MS = 86_400_000;
const EARLIEST_YEAR = 1970;
/** Bounds stay before the last day of year 9999 (so that their China dates have four-digit years). */
const LATEST_INSTANT = Date.UTC(9999, 11, 31);

/**
 * A period bound as an instant. A date alone is midnight in China, a date-time without an offset
 * is China time (UTC+8): a bureau's "2026-01-01" is its own new year, whatever the server's zone.
 * Undefined for anything else, an impossible calendar day (2026-02-30), a year before 1970 or an
 * instant from 9999-12-31 00:00 UTC on.
 */
export function parsePeriodBound(value: string): Date | undefined {
  const parts = BOUND_PATTERN.exec(value);
  if (!parts) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', zone] = parts;
  if (Number(year) < EARLIEST_YEAR || !isCalendarDay(Number(year), Number(month), Number(day))) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  const iso = value.length === 10 ? `${value}T00:00:00${CHINA_OFFSET}` : zone ? value : `${value}${CHINA_OFFSET}`;
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) || instant.getTime() >= LATEST_INSTANT ? undefined : instant;
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The period of the outcome figures: instants for batch times, China dates for placements' start dates. */
export interface OutcomePeriod {
  from: Date;
  to: Date;
  /** China date of `from`: placements starting on it or later count. */
  fromDate: string;
  /** China date of `to`: placements starting before it count. */
  toDate: string;
}

/**
 * From the query's bounds (already validated): default from the beginning (1970) to the end of
 * today in China, so that today's departures, arrivals and placements count.
 */
export function outcomePeriod(from: string | undefined, to: string | undefined, now: Date): OutcomePeriod {
  const start = from ? parsePeriodBound(from)! : new Date(0);
  const end = to ? parsePeriodBound(to)! : new Date(`${chinaDate(new Date(now.getTime() + DAY_MS))}T00:00:00${CHINA_OFFSET}`);
  return { from: start, to: end, fromDate: chinaDate(start), toDate: chinaDate(end) };
}

/** An instant as China time with its offset, e.g. `2026-01-01T00:00:00+08:00` (for the CSV). */
export function chinaDateTime(instant: Date): string {
  return `${new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}${CHINA_OFFSET}`;
}
