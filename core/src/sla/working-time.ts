import type { WorkingCalendar } from '../calendar/working-calendar';
import {
  DAY_MS,
  type DayNumber,
  type Instant,
  MINUTE_MS,
  dayNumberOf,
  startOfDay,
} from '../time/shanghai-time';
import type { Schedule } from './schedule';

/** A span during which the clock does not run (waiting on the requester). `end` is exclusive. */
export interface Pause {
  readonly start: Instant;
  readonly end: Instant;
}

export interface ClockContext {
  readonly schedule: Schedule;
  readonly calendar: WorkingCalendar;
  readonly pauses?: readonly Pause[];
}

/** A clock that never reaches its end (a schedule with no open day in ten years) is a data error. */
const MAX_DAYS_SCANNED = 3660;

/**
 * The instant at which `durationMs` of running time has elapsed since `from`.
 *
 * Rules (docs/working-time.md):
 * - A clock started outside its hours starts at the next opening.
 * - A deadline that lands exactly at a closing time stays there (30 min from 17:00 on 09:00–17:30 is
 *   17:30 the same day), and one landing exactly where a pause starts stays there too.
 * - Time inside a pause does not count, whether or not the schedule is open.
 * Days are walked one by one (at most a few dozen for any contract clock), never minutes.
 */
export function addWorkingTime(from: Instant, durationMs: number, context: ClockContext): Instant {
  assertInstant(from, 'from');
  if (!Number.isFinite(durationMs) || durationMs < 0) {
    throw new RangeError(`时长必须是非负数，收到 ${durationMs}`);
  }
  const pauses = normalizePauses(context.pauses ?? [], from);
  if (context.schedule.kind === '24x7' && pauses.length === 0) return from + durationMs;

  let remaining = durationMs;
  let pauseIndex = 0;
  const firstDay = dayNumberOf(from);
  for (let day = firstDay; day < firstDay + MAX_DAYS_SCANNED; day += 1) {
    const window = openWindow(day, context);
    if (window === undefined) continue;
    let cursor = Math.max(window.start, from);
    const windowEnd = window.end;
    if (cursor > windowEnd) continue;
    while (pauseIndex < pauses.length && (pauses[pauseIndex] as Pause).end <= cursor) pauseIndex += 1;
    for (let index = pauseIndex; cursor <= windowEnd;) {
      const pause = pauses[index];
      if (pause !== undefined && pause.start <= cursor) {
        cursor = pause.end;
        index += 1;
        continue;
      }
      const runEnd = pause === undefined ? windowEnd : Math.min(windowEnd, pause.start);
      const length = runEnd - cursor;
      if (remaining <= length) return cursor + remaining;
      remaining -= length;
      if (pause === undefined || pause.start >= windowEnd) break;
      cursor = pause.end;
      index += 1;
    }
  }
  throw new RangeError(`时钟在 ${MAX_DAYS_SCANNED} 天内无法到期：请检查服务时间与日历`);
}

/** Running time, in milliseconds, between two instants: the inverse of addWorkingTime. */
export function measureWorkingTime(from: Instant, to: Instant, context: ClockContext): number {
  assertInstant(from, 'from');
  assertInstant(to, 'to');
  if (to <= from) return 0;
  const pauses = normalizePauses(context.pauses ?? [], from);
  if (context.schedule.kind === '24x7' && pauses.length === 0) return to - from;

  let total = 0;
  for (let day = dayNumberOf(from); day <= dayNumberOf(to); day += 1) {
    const window = openWindow(day, context);
    if (window === undefined) continue;
    const start = Math.max(window.start, from);
    const end = Math.min(window.end, to);
    if (end <= start) continue;
    total += end - start - pausedWithin(pauses, start, end);
  }
  return total;
}

/**
 * Working-day periods follow the Civil Code (Art. 201–203): the day of receipt is not counted and the
 * period ends at 24:00 of its last working day. A pause extends the period by the working time it covered.
 */
export function addWorkdays(
  from: Instant,
  workdays: number,
  calendar: WorkingCalendar,
  pauses: readonly Pause[] = [],
): Instant {
  assertInstant(from, 'from');
  if (!Number.isInteger(workdays) || workdays <= 0) {
    throw new RangeError(`工作日数必须是正整数，收到 ${workdays}`);
  }
  const periodStart = startOfDay(dayNumberOf(from) + 1);
  return addWorkingTime(periodStart, workdays * DAY_MS, {
    schedule: WHOLE_WORKDAY,
    calendar,
    pauses,
  });
}

export function addWorkingMinutes(from: Instant, minutes: number, context: ClockContext): Instant {
  return addWorkingTime(from, minutes * MINUTE_MS, context);
}

const WHOLE_WORKDAY: Schedule = { kind: 'workday', openMinute: 0, closeMinute: 24 * 60 };

function openWindow(day: DayNumber, context: ClockContext): { start: Instant; end: Instant } | undefined {
  const { schedule } = context;
  const dayStart = startOfDay(day);
  if (schedule.kind === '24x7') return { start: dayStart, end: dayStart + DAY_MS };
  if (schedule.kind === 'workday' && !context.calendar.isWorkday(day)) return undefined;
  return {
    start: dayStart + schedule.openMinute * MINUTE_MS,
    end: dayStart + schedule.closeMinute * MINUTE_MS,
  };
}

/** Sorted, merged, without empty spans or spans wholly before `from`. */
function normalizePauses(pauses: readonly Pause[], from: Instant): Pause[] {
  const relevant = pauses
    .map((pause, index) => {
      assertInstant(pause.start, `pauses[${index}].start`);
      assertInstant(pause.end, `pauses[${index}].end`);
      if (pause.end < pause.start) {
        throw new RangeError(`暂停区间 ${index + 1} 的结束时间早于开始时间`);
      }
      return pause;
    })
    .filter((pause) => pause.end > from && pause.end > pause.start)
    .sort((a, b) => a.start - b.start);
  const merged: Pause[] = [];
  for (const pause of relevant) {
    const last = merged[merged.length - 1];
    if (last !== undefined && pause.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, pause.end) };
    } else {
      merged.push(pause);
    }
  }
  return merged;
}

function pausedWithin(pauses: readonly Pause[], start: Instant, end: Instant): number {
  let paused = 0;
  for (const pause of pauses) {
    if (pause.start >= end) break;
    const overlap = Math.min(pause.end, end) - Math.max(pause.start, start);
    if (overlap > 0) paused += overlap;
  }
  return paused;
}

function assertInstant(value: number, name: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} 不是有效的时间`);
}
