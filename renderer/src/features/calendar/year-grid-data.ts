import type { WorkingCalendar } from '@core/calendar';
import { dayNumberOf, dayNumberToIsoDate, isoDateToDayNumber, weekdayOf } from '@core/time/shanghai-time';

/** How a day reads on the year's grid. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';

export interface GridDay {
  readonly date: string;
  readonly dayOfMonth: number;
  readonly kind: DayKind;
  /** The holiday the notice (or, provisionally, the law) names the day for. */
  readonly name?: string;
  readonly provisional: boolean;
}

export interface GridMonth {
  readonly month: number;
  /** Empty cells before the 1st, so weeks start on Monday as Chinese calendars print them. */
  readonly leadingBlanks: number;
  readonly days: readonly GridDay[];
}

/** The twelve months of a year as the calendar says: holidays, 调休 working days, weekends. */
export function yearGrid(calendar: WorkingCalendar, year: number): GridMonth[] {
  const months: GridMonth[] = [];
  let current: { month: number; leadingBlanks: number; days: GridDay[] } | undefined;
  for (const day of calendar.daysOfYear(year)) {
    const month = Number(day.date.slice(5, 7));
    const weekday = weekdayOf(isoDateToDayNumber(day.date));
    if (current?.month !== month) {
      current = { month, leadingBlanks: (weekday + 6) % 7, days: [] };
      months.push(current);
    }
    const weekend = weekday === 0 || weekday === 6;
    const kind: DayKind = day.workday
      ? weekend
        ? 'adjusted-workday'
        : 'workday'
      : day.name === undefined
        ? 'weekend'
        : 'holiday';
    current.days.push({
      date: day.date,
      dayOfMonth: Number(day.date.slice(8, 10)),
      kind,
      ...(day.name === undefined ? {} : { name: day.name }),
      provisional: day.provisional === true,
    });
  }
  return months;
}

/** "春节 2月15日–2月23日 放假，2月14日、2月28日 上班" per holiday, in the year's order. */
export function holidaySummary(calendar: WorkingCalendar, year: number): string[] {
  const byName = new Map<string, { off: string[]; work: string[] }>();
  for (const day of calendar.daysOfYear(year)) {
    if (day.name === undefined) continue;
    const entry = byName.get(day.name) ?? { off: [], work: [] };
    (day.workday ? entry.work : entry.off).push(day.date);
    byName.set(day.name, entry);
  }
  const short = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
  return [...byName].map(([name, { off, work }]) => {
    const first = off[0];
    const last = off[off.length - 1];
    const offText =
      first === undefined || last === undefined
        ? ''
        : first === last
          ? `${short(first)}放假`
          : `${short(first)}至${short(last)}放假，共 ${off.length} 天`;
    const workText = work.length === 0 ? '' : `；${work.map(short).join('、')}上班`;
    return `${name}：${offText}${workText}`;
  });
}

/**
 * The year whose notice the project lead should add now: from 1 November on, next year when it has
 * none (the State Council usually publishes it in late October or November); otherwise null.
 */
export function missingNextYear(
  today: { readonly year: number; readonly month: number },
  calendar: WorkingCalendar,
): number | null {
  if (today.month < 11) return null;
  return calendar.hasYear(today.year + 1) ? null : today.year + 1;
}

/** The Beijing year and month of an instant. */
export function beijingYearMonth(now: number): { readonly year: number; readonly month: number } {
  const [year, month] = dayNumberToIsoDate(dayNumberOf(now)).split('-').map(Number) as [number, number];
  return { year, month };
}
