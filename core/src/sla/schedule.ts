import { MINUTES_PER_DAY } from '../time/shanghai-time';

/**
 * When an SLA clock runs.
 * - `24x7`: always.
 * - `workday:HH:MM-HH:MM`: on working days of the State Council calendar (调休 included), those hours.
 * - `daily:HH:MM-HH:MM`: every calendar day, those hours (a 7×8 hotline).
 * Windows do not cross midnight; `24:00` is allowed as a closing time.
 */
export type Schedule =
  | { readonly kind: '24x7' }
  | { readonly kind: 'workday' | 'daily'; readonly openMinute: number; readonly closeMinute: number };

export type ScheduleParseResult =
  { readonly ok: true; readonly schedule: Schedule } | { readonly ok: false; readonly reason: string };

const WINDOW = /^(workday|daily):(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

export const SCHEDULE_SYNTAX = '24x7、workday:HH:MM-HH:MM 或 daily:HH:MM-HH:MM';

export function parseSchedule(text: string): ScheduleParseResult {
  if (text === '24x7') return { ok: true, schedule: { kind: '24x7' } };
  const match = WINDOW.exec(text);
  if (!match) return { ok: false, reason: `无法识别的服务时间 "${text}"，应为 ${SCHEDULE_SYNTAX}` };
  const [, kind, oh, om, ch, cm] = match as unknown as [
    string,
    'workday' | 'daily',
    string,
    string,
    string,
    string,
  ];
  const openMinute = clockMinute(oh, om);
  const closeMinute = clockMinute(ch, cm);
  if (openMinute === undefined || closeMinute === undefined) {
    return { ok: false, reason: `服务时间 "${text}" 中的钟点无效（00:00–24:00）` };
  }
  if (openMinute >= closeMinute) {
    return { ok: false, reason: `服务时间 "${text}" 的开始时间须早于结束时间（不支持跨午夜的时段）` };
  }
  return { ok: true, schedule: { kind, openMinute, closeMinute } };
}

export function scheduleFromText(text: string): Schedule {
  const result = parseSchedule(text);
  if (!result.ok) throw new RangeError(result.reason);
  return result.schedule;
}

function clockMinute(hours: string, minutes: string): number | undefined {
  const h = Number(hours);
  const m = Number(minutes);
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return undefined;
  return h * 60 + m;
}

export function formatSchedule(schedule: Schedule): string {
  if (schedule.kind === '24x7') return '24x7';
  return `${schedule.kind}:${clock(schedule.openMinute)}-${clock(schedule.closeMinute)}`;
}

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Minutes the clock can run on one open day; a whole day for 24x7. */
export function openMinutesPerDay(schedule: Schedule): number {
  return schedule.kind === '24x7' ? MINUTES_PER_DAY : schedule.closeMinute - schedule.openMinute;
}

/** A short Chinese description for the UI, e.g. "工作日 09:00–17:30". */
export function describeSchedule(schedule: Schedule): string {
  switch (schedule.kind) {
    case '24x7':
      return '7×24 小时';
    case 'workday':
      return `工作日${hoursOfDay(schedule)}`;
    case 'daily':
      return `每天${hoursOfDay(schedule)}`;
  }
}

/** "全天" for a whole day (a reader takes "00:00–24:00" for a typo), else " 09:00–17:30". */
function hoursOfDay(schedule: { readonly openMinute: number; readonly closeMinute: number }): string {
  if (schedule.openMinute === 0 && schedule.closeMinute === MINUTES_PER_DAY) return '全天';
  return ` ${clock(schedule.openMinute)}–${clock(schedule.closeMinute)}`;
}
