import {
  type DayNumber,
  dayNumberToIsoDate,
  isoDateToDayNumber,
  weekdayOf,
  yearOfDay,
} from '../time/shanghai-time';
import type { CalendarNotice } from './calendar-notice';
import { statutoryHolidays } from './statutory-holidays';

export class CalendarYearMissingError extends Error {
  constructor(readonly year: number) {
    super(`缺少 ${year} 年的节假日安排（国务院通知），也无法按放假办法暂定；请由管理员添加该年度日历`);
    this.name = 'CalendarYearMissingError';
  }
}

export interface CalendarDay {
  readonly date: string;
  readonly workday: boolean;
  /** Set only where a notice (or, provisionally, the law) names the day: a holiday or a 调休 day. */
  readonly name?: string;
  /** Set on the days of a year whose notice is not yet published: the 调休 days are unknown. */
  readonly provisional?: true;
}

/** The years a provisional calendar can be worked out for: the law's 2013 version onwards. */
export const PROVISIONAL_YEARS = { first: 2014, last: 2100 } as const;

const REST = 0;
const WORKDAY = 1;
const UNFILLED = 2;
const PROVISIONAL_REST = 3;
const PROVISIONAL_WORKDAY = 4;

/**
 * The Chinese working calendar: which Shanghai days are working days. A year with a State Council notice
 * follows it; a year without one (next year, before the notice is published) is provisional: Monday–
 * Friday working minus the statutory holidays the law fixes (statutory-holidays.ts), so clocks never
 * stop at a year's end; only its 调休 days are unknown until the notice is added.
 *
 * Built into a flat day table so that `isWorkday` is an array read: SLA clocks call it in their inner
 * loop. Provisional years are filled the first time one of their days is asked for.
 */
export class WorkingCalendar {
  private readonly firstDay: DayNumber;
  private readonly status: Uint8Array;
  private readonly names = new Map<DayNumber, string>();
  private readonly noticeYears: ReadonlySet<number>;

  /** The notices it was built from: two calendars of the same notices judge every day alike. */
  constructor(readonly notices: readonly CalendarNotice[]) {
    const years = [...new Set(notices.map((notice) => notice.year))].sort((a, b) => a - b);
    if (years.length !== notices.length) throw new RangeError('同一年度的节假日通知只能有一份');
    this.noticeYears = new Set(years);
    const firstYear = Math.min(PROVISIONAL_YEARS.first, years[0] ?? PROVISIONAL_YEARS.first);
    const lastYear = Math.max(PROVISIONAL_YEARS.last, years[years.length - 1] ?? PROVISIONAL_YEARS.last);
    this.firstDay = isoDateToDayNumber(`${firstYear}-01-01`);
    this.status = new Uint8Array(isoDateToDayNumber(`${lastYear + 1}-01-01`) - this.firstDay).fill(UNFILLED);

    for (const year of years) this.fillWeekPattern(year, REST, WORKDAY);
    for (const notice of notices) this.applyNotice(notice);
  }

  /** Whether the year has a notice (shipped or added); a year without one is provisional. */
  hasYear(year: number): boolean {
    return this.noticeYears.has(year);
  }

  /** The years that have a notice. */
  years(): number[] {
    return [...this.noticeYears].sort((a, b) => a - b);
  }

  /**
   * Throws CalendarYearMissingError only for a day in a year without a notice that the law cannot
   * answer for either (before 2014, after 2100).
   */
  isWorkday(day: DayNumber): boolean {
    const status = this.status[day - this.firstDay];
    if (status === WORKDAY) return true;
    if (status === REST) return false;
    return this.provisionalStatus(day) === PROVISIONAL_WORKDAY;
  }

  /** Whether the day's status is provisional: its year has no notice, and no notice names the day. */
  isProvisional(day: DayNumber): boolean {
    const status = this.status[day - this.firstDay];
    if (status === WORKDAY || status === REST) return false;
    this.provisionalStatus(day);
    return true;
  }

  /** The years without a notice whose provisional days lie between two days (inclusive), in order. */
  provisionalYearsBetween(fromDay: DayNumber, toDay: DayNumber): number[] {
    const found: number[] = [];
    for (let year = yearOfDay(fromDay); year <= yearOfDay(toDay); year += 1) {
      if (this.noticeYears.has(year)) continue;
      const first = Math.max(fromDay, isoDateToDayNumber(`${year}-01-01`));
      const last = Math.min(toDay, isoDateToDayNumber(`${year}-12-31`));
      for (let day = first; day <= last; day += 1) {
        if (this.isProvisional(day)) {
          found.push(year);
          break;
        }
      }
    }
    return found;
  }

  dayName(day: DayNumber): string | undefined {
    if (this.status[day - this.firstDay] === UNFILLED) this.provisionalStatus(day);
    return this.names.get(day);
  }

  daysOfYear(year: number): CalendarDay[] {
    const first = isoDateToDayNumber(`${year}-01-01`);
    const end = isoDateToDayNumber(`${year + 1}-01-01`);
    const days: CalendarDay[] = [];
    for (let day = first; day < end; day += 1) {
      const workday = this.isWorkday(day);
      const name = this.names.get(day);
      const date = dayNumberToIsoDate(day);
      days.push({
        date,
        workday,
        ...(name === undefined ? {} : { name }),
        ...(this.isProvisional(day) ? { provisional: true as const } : {}),
      });
    }
    return days;
  }

  private provisionalStatus(day: DayNumber): number {
    const index = day - this.firstDay;
    if (index < 0 || index >= this.status.length) throw new CalendarYearMissingError(yearOfDay(day));
    if (this.status[index] === UNFILLED) this.fillProvisionalYear(yearOfDay(day));
    return this.status[index] as number;
  }

  private fillProvisionalYear(year: number): void {
    if (year < PROVISIONAL_YEARS.first || year > PROVISIONAL_YEARS.last)
      throw new CalendarYearMissingError(year);
    this.fillWeekPattern(year, PROVISIONAL_REST, PROVISIONAL_WORKDAY);
    for (const holiday of statutoryHolidays(year)) {
      for (const day of holiday.days) {
        const index = day - this.firstDay;
        // A day a neighbouring year's notice names (the 2023 notice names 2022-12-31) stays as it says.
        if (this.status[index] === REST || this.status[index] === WORKDAY) continue;
        this.status[index] = PROVISIONAL_REST;
        const earlier = this.names.get(day);
        this.names.set(day, earlier === undefined ? holiday.name : `${earlier}、${holiday.name}`);
      }
    }
  }

  /** Marks every still unfilled day of the year by the week: Monday–Friday work, the weekend rest. */
  private fillWeekPattern(year: number, rest: number, work: number): void {
    const first = isoDateToDayNumber(`${year}-01-01`);
    const end = isoDateToDayNumber(`${year + 1}-01-01`);
    for (let day = first; day < end; day += 1) {
      const index = day - this.firstDay;
      if (this.status[index] !== UNFILLED) continue;
      const weekday = weekdayOf(day);
      this.status[index] = weekday === 0 || weekday === 6 ? rest : work;
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
