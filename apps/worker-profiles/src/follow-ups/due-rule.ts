import { chinaMonthOf, chinaMonthWindow } from './china-time';

export type DueReason = 'none_this_month' | 'past_due';

export interface LastFollowUpTimes {
  at: Date;
  nextDueAt: Date | null;
}

export interface Due {
  reason: DueReason;
  /** When the follow-up is or was due. */
  dueAt: Date;
}

/**
 * Whether a priority-group worker is due a follow-up (帮扶台账, 十三: 按月掌握就业失业状态) as of
 * `before`, given the last follow-up made up to it (null: none ever):
 * - `past_due`: that follow-up set a next date, and it lies before `before` — due then;
 * - `none_this_month`: no follow-up yet in the China calendar month of `before` — due by the
 *   month's end, or by the last follow-up's next date when that comes earlier;
 * - otherwise not due (null).
 * FollowUpLedgerService's SQL filters by the same rule; the due date is always
 * min(last.nextDueAt ?? monthEnd, monthEnd), which is also the order of the list.
 */
export function dueFor(last: LastFollowUpTimes | null, before: Date): Due | null {
  const { start, end } = chinaMonthWindow(chinaMonthOf(before));
  const dueAt = last?.nextDueAt && last.nextDueAt < end ? last.nextDueAt : end;
  if (last?.nextDueAt && last.nextDueAt < before) return { reason: 'past_due', dueAt };
  if (!last || last.at < start) return { reason: 'none_this_month', dueAt };
  return null;
}
