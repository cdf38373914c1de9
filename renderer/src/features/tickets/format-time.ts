import {
  formatInstant,
  isoDateToDayNumber,
  parseInstant,
  startOfDay,
  type Instant,
} from '@core/time/shanghai-time';

/** Beijing time to the minute, e.g. "2026-02-14 09:30", whatever the PC's zone. */
export function formatMinute(instant: Instant): string {
  return formatInstant(instant).slice(0, 16).replace('T', ' ');
}

/** A compact form for lists: "02-14 09:30" this year, "2025-12-31 09:30" otherwise. */
export function formatShort(instant: Instant, now: Instant): string {
  const full = formatMinute(instant);
  return full.slice(0, 4) === formatMinute(now).slice(0, 4) ? full.slice(5) : full;
}

/**
 * Reads what an engineer typed or a picker produced, "2026-02-14 09:30" (Beijing time), into an
 * instant; the reason when it is not a time, naming the field as `what` (时间, 培训开始时间) when empty.
 */
export function parseMinute(
  text: string,
  what = '时间',
): { ok: true; instant: Instant } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: `请填写${what}（如 2026-02-14 09:30）` };
  try {
    return { ok: true, instant: parseInstant(trimmed) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** 00:00 Beijing time of a "YYYY-MM-DD" day. */
export function startOfIsoDay(day: string): Instant {
  return startOfDay(isoDateToDayNumber(day));
}

/** 00:00 Beijing time of the day after a "YYYY-MM-DD" day: the exclusive end of a date range. */
export function endOfIsoDay(day: string): Instant {
  return startOfDay(isoDateToDayNumber(day) + 1);
}
