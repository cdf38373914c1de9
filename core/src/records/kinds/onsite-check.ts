import type { WorkingCalendar } from '../../calendar/working-calendar';
import type { Subsystem } from '../../profile/subsystem';
import { isoDateToDayNumber } from '../../time/shanghai-time';
import { type DateRange, daysOfRange } from './common';
import type { OnSiteDay } from './onsite';

export interface OnSiteWorkdays {
  /** The profile's minimum (`onsite-workdays-per-year`), or null if the subsystem has none. */
  readonly required: number | null;
  /** Working days of the range with at least one engineer of the subsystem on site. */
  readonly done: number;
  /** Working days of the range after `today`: how many can still be added. */
  readonly workdaysLeft: number;
  readonly met: boolean;
  /** Why it is not met or cannot be met any more; empty when met or when nothing is required. */
  readonly reason: string;
}

function onSiteDates(subsystemId: number, days: readonly OnSiteDay[]): Set<string> {
  return new Set(
    days
      .filter((day) => !day.deleted && day.subsystemId === subsystemId && day.presence === 'on_site')
      .map((day) => day.date),
  );
}

/**
 * A subsystem's days on site against its "≥ N working days on site a year" target (subsystem 8: 60):
 * a day counts once however many engineers were there, and only if the working calendar makes it a
 * working day (a 调休 Saturday counts; a day of duty on a holiday does not).
 */
export function onSiteWorkdays(
  subsystem: Subsystem,
  days: readonly OnSiteDay[],
  calendar: WorkingCalendar,
  contractYear: DateRange,
  today: string,
): OnSiteWorkdays {
  const target = subsystem.targets.find((candidate) => candidate.metric === 'onsite-workdays-per-year');
  const dates = onSiteDates(subsystem.id, days);
  let done = 0;
  let workdaysLeft = 0;
  for (const date of daysOfRange(contractYear)) {
    if (!calendar.isWorkday(isoDateToDayNumber(date))) continue;
    if (date > today) workdaysLeft += 1;
    else if (dates.has(date)) done += 1;
  }
  if (target === undefined) return { required: null, done, workdaysLeft, met: true, reason: '' };
  const required = target.value;
  if (done >= required) return { required, done, workdaysLeft, met: true, reason: '' };
  const short = required - done;
  const reason =
    short > workdaysLeft
      ? `现场服务已有 ${done} 个工作日，合同要求不少于 ${required} 个；本合同年度只剩 ${workdaysLeft} 个工作日，已无法达到`
      : `现场服务已有 ${done} 个工作日，合同要求不少于 ${required} 个，还差 ${short} 个`;
  return { required, done, workdaysLeft, met: false, reason };
}

export interface HeadcountShortDay {
  readonly date: string;
  readonly present: number;
  readonly required: number;
}

export interface StationedHeadcount {
  readonly required: number;
  readonly shortDays: readonly HeadcountShortDay[];
  /** One sentence per short day, e.g. 2026-03-02 驻场 1 人，合同要求 2 人. */
  readonly reasons: readonly string[];
}

/**
 * Each working day of the range before today (today is not over) on which fewer distinct engineers were on site for the
 * subsystem than its stationed headcount (`stationedEngineers`). Remote work and leave do not count as
 * presence; a subsystem with no stationed engineers is never short.
 */
export function stationedHeadcount(
  subsystem: Subsystem,
  days: readonly OnSiteDay[],
  calendar: WorkingCalendar,
  range: DateRange,
  today: string,
): StationedHeadcount {
  const required = subsystem.stationedEngineers;
  const present = new Map<string, Set<string>>();
  for (const day of days) {
    if (day.deleted || day.subsystemId !== subsystem.id || day.presence !== 'on_site') continue;
    const people = present.get(day.date) ?? new Set<string>();
    people.add(day.engineer);
    present.set(day.date, people);
  }
  const shortDays: HeadcountShortDay[] = [];
  if (required > 0) {
    for (const date of daysOfRange(range)) {
      if (date >= today || !calendar.isWorkday(isoDateToDayNumber(date))) continue;
      const count = present.get(date)?.size ?? 0;
      if (count < required) shortDays.push({ date, present: count, required });
    }
  }
  return {
    required,
    shortDays,
    reasons: shortDays.map((day) => `${day.date} 驻场 ${day.present} 人，合同要求 ${day.required} 人`),
  };
}
