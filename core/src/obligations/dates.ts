import {
  DAY_MS,
  type Instant,
  dayNumberOf,
  dayNumberToIsoDate,
  isoDateToDayNumber,
  startOfDay,
} from '../time/shanghai-time';

/** The Shanghai day of an instant, `YYYY-MM-DD`. */
export function dateOf(instant: Instant): string {
  return dayNumberToIsoDate(dayNumberOf(instant));
}

/** The first instant after a Shanghai day: what is due "on" a day is due by then. */
export function endOfDate(date: string): Instant {
  return startOfDay(isoDateToDayNumber(date) + 1);
}

export function startOfDate(date: string): Instant {
  return startOfDay(isoDateToDayNumber(date));
}

/** The last day of the month `YYYY-MM`. */
export function lastDayOfMonth(month: string): string {
  return dayNumberToIsoDate(isoDateToDayNumber(`${addMonths(month, 1)}-01`) - 1);
}

/** `YYYY-MM` plus `count` months. */
export function addMonths(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The day before the same day `months` later (2026-01-01 + 6 months → 2026-06-30), clamped to the
 * month's end: the last day of a span of whole months that starts on `from`.
 */
export function endOfMonthsFrom(from: string, months: number): string {
  const month = addMonths(from.slice(0, 7), months);
  const last = lastDayOfMonth(month);
  const day = Math.min(Number(from.slice(8, 10)), Number(last.slice(8, 10)));
  return dayNumberToIsoDate(isoDateToDayNumber(`${month}-${String(day).padStart(2, '0')}`) - 1);
}

/** Whole days from `now` until `dueAt`, rounded up (due later today is 0 days away). */
export function daysUntil(now: Instant, dueAt: Instant): number {
  return Math.ceil((dueAt - now) / DAY_MS);
}
