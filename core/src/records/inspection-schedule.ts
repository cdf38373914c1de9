import type { WorkingCalendar } from '../calendar/working-calendar';
import {
  type DayNumber,
  type Instant,
  MINUTE_MS,
  dayNumberToIsoDate,
  isoDateToDayNumber,
  startOfDay,
} from '../time/shanghai-time';
import type { InspectionRun } from './inspection-run';
import type { InspectionSchedule } from './inspection-template';

/**
 * One occasion on which a run is owed. `opensAt` ≤ `dueAt` ≤ `closesAt`:
 * before `opensAt` the slot is upcoming; until `dueAt` it is due; until `closesAt` overdue (still
 * possible, but late); after that missed. A daily slot closes at the end of its day, a monthly one at
 * the end of its month.
 */
export interface InspectionSlot {
  /** `YYYY-MM-DD` (daily) or `YYYY-MM` (monthly); a run's `scheduledFor`. */
  readonly key: string;
  readonly opensAt: Instant;
  readonly dueAt: Instant;
  readonly closesAt: Instant;
}

export type SlotState = 'upcoming' | 'due' | 'overdue' | 'missed' | 'done';

export const SLOT_STATE_LABELS: Readonly<Record<SlotState, string>> = {
  upcoming: '未开始',
  due: '待巡检',
  overdue: '已逾期',
  missed: '已漏检',
  done: '已完成',
};

export interface SlotStatus {
  readonly state: SlotState;
  /** The finished run that fulfilled the slot (the first to finish). */
  readonly run?: InspectionRun;
  /** Done, but finished after `dueAt` (e.g. the 08:30 check finished at 09:10). */
  readonly late: boolean;
}

/** A range of more than ten years is a caller's mistake, not a calendar view. */
const MAX_RANGE_DAYS = 3660;

/**
 * The slots of a schedule whose period overlaps the days `fromDay`…`toDay` (inclusive, Shanghai days):
 * every (working) day for a daily schedule, every month touching the range for a monthly one. A
 * working-day schedule needs the calendar and fails, naming the year, where the calendar has no data.
 */
export function dueSlots(
  schedule: InspectionSchedule,
  fromDay: DayNumber,
  toDay: DayNumber,
  calendar?: WorkingCalendar,
): InspectionSlot[] {
  if (!Number.isInteger(fromDay) || !Number.isInteger(toDay)) throw new RangeError('起止日期应为整数天');
  if (toDay < fromDay) throw new RangeError('结束日期不能早于开始日期');
  if (toDay - fromDay > MAX_RANGE_DAYS) throw new RangeError(`日期范围不能超过 ${MAX_RANGE_DAYS} 天`);
  return schedule.kind === 'daily'
    ? dailySlots(schedule, fromDay, toDay, calendar)
    : monthlySlots(schedule, fromDay, toDay);
}

/**
 * Where a slot stands at `now`, given the runs of the template the schedule belongs to. Only a
 * finished, undeleted run whose `scheduledFor` is the slot's key fulfils it; a run still open does not.
 */
export function slotStatus(slot: InspectionSlot, runs: readonly InspectionRun[], now: Instant): SlotStatus {
  const fulfilling = runs
    .filter((run) => !run.deleted && run.scheduledFor === slot.key && run.finishedAt !== null)
    .sort((a, b) => (a.finishedAt as number) - (b.finishedAt as number))[0];
  if (fulfilling !== undefined) {
    return { state: 'done', run: fulfilling, late: (fulfilling.finishedAt as number) > slot.dueAt };
  }
  if (now < slot.opensAt) return { state: 'upcoming', late: false };
  if (now < slot.dueAt) return { state: 'due', late: false };
  if (now < slot.closesAt) return { state: 'overdue', late: false };
  return { state: 'missed', late: false };
}

function dailySlots(
  schedule: Extract<InspectionSchedule, { kind: 'daily' }>,
  fromDay: DayNumber,
  toDay: DayNumber,
  calendar: WorkingCalendar | undefined,
): InspectionSlot[] {
  if (schedule.days === 'workdays' && calendar === undefined) {
    throw new RangeError('按工作日安排的巡检需要工作日历才能计算应检日期');
  }
  const dueMinute = schedule.dueBy === undefined ? undefined : clockMinute(schedule.dueBy);
  const slots: InspectionSlot[] = [];
  for (let day = fromDay; day <= toDay; day += 1) {
    if (schedule.days === 'workdays' && !(calendar as WorkingCalendar).isWorkday(day)) continue;
    const opensAt = startOfDay(day);
    const closesAt = startOfDay(day + 1);
    const dueAt = dueMinute === undefined ? closesAt : opensAt + dueMinute * MINUTE_MS;
    slots.push({ key: dayNumberToIsoDate(day), opensAt, dueAt, closesAt });
  }
  return slots;
}

function monthlySlots(
  schedule: Extract<InspectionSchedule, { kind: 'monthly' }>,
  fromDay: DayNumber,
  toDay: DayNumber,
): InspectionSlot[] {
  const slots: InspectionSlot[] = [];
  let month = dayNumberToIsoDate(fromDay).slice(0, 7);
  for (;;) {
    const firstDay = isoDateToDayNumber(`${month}-01`);
    if (firstDay > toDay) break;
    const next = nextMonth(month);
    const endDay = isoDateToDayNumber(`${next}-01`);
    const closesAt = startOfDay(endDay);
    const dueAt =
      schedule.dueDay === undefined ? closesAt : startOfDay(Math.min(firstDay + schedule.dueDay, endDay));
    slots.push({ key: month, opensAt: startOfDay(firstDay), dueAt, closesAt });
    month = next;
  }
  return slots;
}

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(5, 7));
  return monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
}

function clockMinute(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
