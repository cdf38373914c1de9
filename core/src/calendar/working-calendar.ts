import {
  type DayNumber,
  dayNumberToIsoDate,
  isoDateToDayNumber,
  weekdayOf,
  yearOfDay,
} from '../time/shanghai-time';
import type { CalendarNotice } from './calendar-notice';

export class CalendarYearMissingError extends Error {
  constructor(readonly year: number) {
    super(`缺少 ${year} 年的节假日安排（国务院通知），无法判断工作日；请由管理员添加该年度日历`);
    this.name = 'CalendarYearMissingError';
  }
}

export interface CalendarDay {
  readonly date: string;
  readonly workday: boolean;
  /** Set only where the notice names the day: a holiday or an adjusted working day (调休). */
  readonly name?: string;
}

const UNKNOWN = 2;
const WORKDAY = 1;
const REST = 0;

/**
 * The Chinese working calendar: which Shanghai days are working days, from the State Council notices.
 * Built once into a flat day table so that `isWorkday` is an array read: SLA clocks call it in their
 * inner loop.
 */
export class WorkingCalendar {
  private readonly firstDay: DayNumber;
  private readonly status: Uint8Array;
  private readonly names = new Map<DayNumber, string>();
  private readonly yearsCovered: ReadonlySet<number>;

  constructor(notices: readonly CalendarNotice[]) {
    const years = [...new Set(notices.map((notice) => notice.year))].sort((a, b) => a - b);
    if (years.length !== notices.length) throw new RangeError('同一年度的节假日通知只能有一份');
    this.yearsCovered = new Set(years);
    const firstYear = years[0] ?? 1970;
    const lastYear = years[years.length - 1] ?? 1969;
    this.firstDay = isoDateToDayNumber(`${firstYear}-01-01`);
    const endDay = years.length ? isoDateToDayNumber(`${lastYear + 1}-01-01`) : this.firstDay;
    this.status = new Uint8Array(endDay - this.firstDay).fill(UNKNOWN);

    for (const year of years) this.fillWeekPattern(year);
    for (const notice of notices) this.applyNotice(notice);
  }

  hasYear(year: number): boolean {
    return this.yearsCovered.has(year);
  }

  years(): number[] {
    return [...this.yearsCovered].sort((a, b) => a - b);
  }

  /** Throws CalendarYearMissingError for a day in a year that has no notice. */
  isWorkday(day: DayNumber): boolean {
    const status = this.status[day - this.firstDay];
    if (status === WORKDAY) return true;
    if (status === REST) return false;
    throw new CalendarYearMissingError(yearOfDay(day));
  }

  dayName(day: DayNumber): string | undefined {
    return this.names.get(day);
  }

  daysOfYear(year: number): CalendarDay[] {
    if (!this.hasYear(year)) throw new CalendarYearMissingError(year);
    const first = isoDateToDayNumber(`${year}-01-01`);
    const end = isoDateToDayNumber(`${year + 1}-01-01`);
    const days: CalendarDay[] = [];
    for (let day = first; day < end; day += 1) {
      const name = this.names.get(day);
      const date = dayNumberToIsoDate(day);
      const workday = this.isWorkday(day);
      days.push(name === undefined ? { date, workday } : { date, workday, name });
    }
    return days;
  }

  private fillWeekPattern(year: number): void {
    const first = isoDateToDayNumber(`${year}-01-01`);
    const end = isoDateToDayNumber(`${year + 1}-01-01`);
    for (let day = first; day < end; day += 1) {
      const weekday = weekdayOf(day);
      this.status[day - this.firstDay] = weekday === 0 || weekday === 6 ? REST : WORKDAY;
    }
  }

  /** A notice may name days just outside its year (the 2023 notice names 2022-12-31). */
  private applyNotice(notice: CalendarNotice): void {
    for (const holiday of notice.holidays) {
      const last = isoDateToDayNumber(holiday.to);
      for (let day = isoDateToDayNumber(holiday.from); day <= last; day += 1) {
        this.mark(day, REST, holiday.name);
      }
      for (const date of holiday.adjustedWorkdays) {
        this.mark(isoDateToDayNumber(date), WORKDAY, holiday.name);
      }
    }
  }

  private mark(day: DayNumber, status: number, name: string): void {
    const index = day - this.firstDay;
    if (index < 0 || index >= this.status.length) return;
    this.status[index] = status;
    this.names.set(day, name);
  }
}
