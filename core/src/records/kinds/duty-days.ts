import type { WorkingCalendar } from '../../calendar/working-calendar';
import { isoDateToDayNumber, weekdayOf } from '../../time/shanghai-time';
import { type DateRange, daysOfRange } from './common';
import type { SensitivePeriod } from './duty';

export type DutyDayReason = 'weekend' | 'holiday' | 'sensitive';

export const DUTY_DAY_REASON_LABELS: Readonly<Record<DutyDayReason, string>> = {
  weekend: '周末',
  holiday: '法定节假日',
  sensitive: '重要时期',
};

export interface DutyDay {
  readonly date: string;
  readonly reasons: readonly DutyDayReason[];
  /** The holiday's name (春节) and the sensitive periods' names, in that order. */
  readonly names: readonly string[];
  /** The subsystems that must keep duty this day, or 'all' for the whole contract. */
  readonly subsystems: 'all' | readonly number[];
  /** The day lies in a year whose holiday notice is not yet published: its 调休 days are unknown. */
  readonly provisional: boolean;
}

/**
 * The duty days of a range: every rest day of the working calendar (weekends and statutory holidays;
 * a 调休 Saturday is a working day, so not a duty day) for the whole contract, plus the days of the
 * undeleted sensitive periods, for the subsystems each names. A rest day that falls inside a holiday
 * the notice names (春节's Sunday) is a holiday, any other rest day a weekend.
 */
export function dutyDays(
  calendar: WorkingCalendar,
  range: DateRange,
  sensitivePeriods: readonly SensitivePeriod[],
): DutyDay[] {
  const periods = sensitivePeriods.filter((period) => !period.deleted);
  const found: DutyDay[] = [];
  for (const date of daysOfRange(range)) {
    const day = isoDateToDayNumber(date);
    const reasons: DutyDayReason[] = [];
    const names: string[] = [];
    let subsystems: 'all' | Set<number> = new Set();
    if (!calendar.isWorkday(day)) {
      const holiday = calendar.dayName(day);
      const weekend = weekdayOf(day) === 0 || weekdayOf(day) === 6;
      reasons.push(holiday !== undefined || !weekend ? 'holiday' : 'weekend');
      if (holiday !== undefined) names.push(holiday);
      subsystems = 'all';
    }
    const active = periods.filter((period) => period.from <= date && date <= period.to);
    if (active.length > 0) {
      reasons.push('sensitive');
      for (const period of active) {
        names.push(period.name);
        if (period.subsystemIds === null) subsystems = 'all';
        else if (subsystems !== 'all') for (const id of period.subsystemIds) subsystems.add(id);
      }
    }
    if (reasons.length === 0) continue;
    found.push({
      date,
      reasons,
      names,
      subsystems: subsystems === 'all' ? 'all' : [...subsystems].sort((a, b) => a - b),
      provisional: calendar.isProvisional(day),
    });
  }
  return found;
}

/** Whether a duty day needs duty for a scope: a subsystem, or (null) the contract as a whole. */
export function dutyDayCovers(day: DutyDay, subsystemId: number | null): boolean {
  if (day.subsystems === 'all') return true;
  return subsystemId !== null && day.subsystems.includes(subsystemId);
}
