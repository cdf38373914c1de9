import type { WorkingCalendar } from '@core/calendar';
import type { Subsystem } from '@core/profile';
import { dayNumberToIsoDate, isoDateToDayNumber } from '@core/time/shanghai-time';
import {
  onSiteWorkdays,
  ordinaryOnSiteDay,
  stationedHeadcount,
  type DateRange,
  type OnSiteDay,
  type OnSiteWorkdays,
  type StationedHeadcount,
} from '@core/records/kinds';

/** The engineer's record of a day for a subsystem, if there is one. */
export function dayRecorded(
  days: readonly OnSiteDay[],
  engineer: string,
  subsystemId: number,
  date: string,
): OnSiteDay | undefined {
  return days.find(
    (day) =>
      !day.deleted && day.engineer === engineer && day.subsystemId === subsystemId && day.date === date,
  );
}

/** The engineer's latest day for the subsystem before `date`: whose summary an ordinary day carries on. */
export function previousDay(
  days: readonly OnSiteDay[],
  engineer: string,
  subsystemId: number,
  date: string,
): OnSiteDay | undefined {
  let latest: OnSiteDay | undefined;
  for (const day of days) {
    if (day.deleted || day.engineer !== engineer || day.subsystemId !== subsystemId || day.date >= date)
      continue;
    if (latest === undefined || day.date > latest.date) latest = day;
  }
  return latest;
}

export type TodayOnSite =
  | { readonly kind: 'recorded'; readonly day: OnSiteDay }
  | { readonly kind: 'ready'; readonly day: OnSiteDay }
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * What the one keystroke does: nothing when today is already recorded for the subsystem (the existing
 * day is shown to edit instead), else an ordinary day on site (8 h) with the previous day's summary.
 */
export function todayOnSite(
  days: readonly OnSiteDay[],
  context: {
    readonly engineer: string;
    readonly subsystemId: number;
    readonly today: string;
    readonly at: number;
  },
): TodayOnSite {
  const recorded = dayRecorded(days, context.engineer, context.subsystemId, context.today);
  if (recorded !== undefined) return { kind: 'recorded', day: recorded };
  const result = ordinaryOnSiteDay(
    {
      subsystemId: context.subsystemId,
      engineer: context.engineer,
      date: context.today,
      actor: context.engineer,
      at: context.at,
    },
    previousDay(days, context.engineer, context.subsystemId, context.today),
  );
  return result.ok ? { kind: 'ready', day: result.day } : { kind: 'refused', reason: result.reason };
}

/** The engineer's days of a month (`YYYY-MM`), latest first. */
export function monthDays(days: readonly OnSiteDay[], engineer: string, month: string): OnSiteDay[] {
  return days
    .filter((day) => !day.deleted && day.engineer === engineer && day.date.startsWith(month))
    .sort((a, b) => b.date.localeCompare(a.date) || a.subsystemId - b.subsystemId);
}

/** The month before or after `YYYY-MM`. */
export function shiftMonth(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The days of a month `YYYY-MM`, as a range. */
export function monthRange(month: string): DateRange {
  const next = isoDateToDayNumber(`${shiftMonth(month, 1)}-01`);
  return { from: `${month}-01`, to: dayNumberToIsoDate(next - 1) };
}

/**
 * The subsystem the one keystroke records for: the one of the engineer's latest day when they may still
 * write it, else the first they may write that has stationed engineers, else the first they may write.
 */
export function defaultSubsystem(
  writable: readonly number[],
  subsystems: readonly Subsystem[],
  ownDays: readonly OnSiteDay[],
): number | undefined {
  const latest = [...ownDays].sort((a, b) => b.date.localeCompare(a.date))[0];
  if (latest !== undefined && writable.includes(latest.subsystemId)) return latest.subsystemId;
  const stationed = subsystems.find(
    (subsystem) => writable.includes(subsystem.id) && subsystem.stationedEngineers > 0,
  );
  return stationed?.id ?? writable[0];
}

export interface SubsystemPresence {
  readonly subsystemId: number;
  readonly name: string;
  readonly stationedEngineers: number;
  readonly workdays: OnSiteWorkdays;
  readonly headcount: StationedHeadcount;
}

/**
 * Per subsystem the user reads that the contract stations engineers at or sets a days-on-site target
 * for: the working days on site in the contract year against the target, and the days of `month`
 * short of the stationed headcount.
 */
export function subsystemPresence(
  subsystems: readonly Subsystem[],
  readable: (subsystemId: number) => boolean,
  days: readonly OnSiteDay[],
  calendar: WorkingCalendar,
  ranges: { readonly year: DateRange; readonly month: DateRange },
  today: string,
): SubsystemPresence[] {
  return subsystems
    .filter(
      (subsystem) =>
        readable(subsystem.id) &&
        (subsystem.stationedEngineers > 0 ||
          subsystem.targets.some((target) => target.metric === 'onsite-workdays-per-year')),
    )
    .map((subsystem) => ({
      subsystemId: subsystem.id,
      name: subsystem.shortName,
      stationedEngineers: subsystem.stationedEngineers,
      workdays: onSiteWorkdays(subsystem, days, calendar, ranges.year, today),
      headcount: stationedHeadcount(subsystem, days, calendar, ranges.month, today),
    }));
}
