import { dayNumberOf, type Instant } from '../time/shanghai-time';
import type { WorkingCalendar } from './working-calendar';

/** Why a deadline is 暂定: the years without a notice its count went through. */
export interface ProvisionalNote {
  readonly years: readonly number[];
  /** The sentence shown beside the deadline (ticket, list tooltip, CLI stderr, documents). */
  readonly text: string;
}

/**
 * Whether a clock counted from `start` to `deadline` went through days whose status is provisional, and
 * so may move when that year's notice is added. A deadline at 24:00 (a working-day period, written as
 * the next day's 00:00) did not look at that next day, hence the millisecond before it.
 */
export function provisionalNote(
  calendar: WorkingCalendar,
  start: Instant,
  deadline: Instant,
): ProvisionalNote | null {
  const last = Math.max(start, deadline - 1);
  const years = calendar.provisionalYearsBetween(dayNumberOf(start), dayNumberOf(last));
  if (years.length === 0) return null;
  const named = years.map((year) => `${year} 年`).join('、');
  return {
    years,
    text: `暂定：${named}的节假日安排（国务院通知）尚未发布，时限按法定节假日推算，调休上班日未计入；通知发布后自动重新计算`,
  };
}
