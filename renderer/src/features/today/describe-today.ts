import { CalendarYearMissingError, type WorkingCalendar } from '@core/calendar';
import {
  dayNumberOf,
  dayNumberToIsoDate,
  type Instant,
  minuteOfDay,
  weekdayOf,
  yearOfDay,
} from '@core/time/shanghai-time';

const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'] as const;

export interface TodayDescription {
  /** e.g. "2026年2月14日 星期六" */
  readonly date: string;
  /** e.g. "09:30" */
  readonly time: string;
  /** e.g. "调休上班（春节）", "休息日"; or why it is unknown. */
  readonly dayKind: string;
  readonly isWorkday: boolean | undefined;
}

/** Today as the contract counts it: Beijing time and the State Council calendar, whatever the PC's zone. */
export function describeToday(instant: Instant, calendar: WorkingCalendar): TodayDescription {
  const day = dayNumberOf(instant);
  const [year, month, dayOfMonth] = dayNumberToIsoDate(day).split('-').map(Number) as [
    number,
    number,
    number,
  ];
  const minute = Math.floor(minuteOfDay(instant));
  const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  const date = `${year}年${month}月${dayOfMonth}日 星期${WEEKDAY_NAMES[weekdayOf(day)] ?? ''}`;
  let isWorkday: boolean;
  try {
    isWorkday = calendar.isWorkday(day);
  } catch (error) {
    if (error instanceof CalendarYearMissingError) {
      return { date, time, dayKind: `缺少 ${yearOfDay(day)} 年节假日安排`, isWorkday: undefined };
    }
    throw error;
  }
  const name = calendar.dayName(day);
  const weekend = weekdayOf(day) === 0 || weekdayOf(day) === 6;
  const provisional = calendar.isProvisional(day) ? '（暂定）' : '';
  const dayKind =
    (name === undefined
      ? isWorkday
        ? '工作日'
        : '休息日'
      : isWorkday
        ? weekend
          ? `调休上班（${name}）`
          : `工作日（${name}）`
        : `${name}假期`) + provisional;
  return { date, time, dayKind, isWorkday };
}
