import { type DayNumber, DAY_MS, dayNumberOf, isoDateToDayNumber, startOfDay } from '../time/shanghai-time';
import { newMoonNear } from './new-moon';

/**
 * Lunar dates from the JavaScript engine's Chinese calendar (ICU, in Node, Chromium and Electron alike),
 * which says which lunation is which month (leap months included); the day a month begins is then
 * taken from a precise new moon (new-moon.ts), where ICU is sometimes a day off.
 * A Gregorian day is formatted at 00:00 UTC in the UTC zone, so the answer depends on the date alone and
 * never on the host's zone or tz database; ICU computes the lunar months for China's meridian itself.
 */
const lunarFormat = new Intl.DateTimeFormat('en-u-ca-chinese', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

export interface LunarDate {
  /** The Gregorian year in which this lunar year began (ICU's `relatedYear`). */
  readonly year: number;
  readonly month: number;
  readonly leapMonth: boolean;
  readonly day: number;
}

export function lunarDateOf(day: DayNumber): LunarDate {
  let year = NaN;
  let month = NaN;
  let leapMonth = false;
  let dayOfMonth = NaN;
  for (const part of lunarFormat.formatToParts(new Date(day * DAY_MS))) {
    // ES2022's lib does not list `relatedYear`, which the Chinese calendar's parts carry.
    const type: string = part.type;
    if (type === 'relatedYear') year = Number(part.value);
    else if (type === 'month') {
      // ICU writes a leap month as "4bis".
      leapMonth = part.value.endsWith('bis');
      month = Number.parseInt(part.value, 10);
    } else if (type === 'day') dayOfMonth = Number(part.value);
  }
  if (![year, month, dayOfMonth].every(Number.isFinite)) {
    throw new Error('本机的 JavaScript 引擎不支持农历（Intl 中文历法），无法推算暂定的节假日');
  }
  return { year, month, leapMonth, day: dayOfMonth };
}

/** 正月初一 of the lunar year that begins in `year`: always between Jan 21 and Feb 20. */
export function dayOfLunarNewYear(year: number): DayNumber {
  return dayOfLunarDate(year, 1, 1);
}

/** ICU's 正月初一, the starting point of the search for any date of that lunar year. */
function icuLunarNewYear(year: number): DayNumber {
  const first = isoDateToDayNumber(`${year}-01-20`);
  for (let day = first; day <= first + 33; day += 1) {
    const lunar = lunarDateOf(day);
    if (lunar.year === year && lunar.month === 1 && lunar.day === 1) return day;
  }
  throw new RangeError(`找不到农历 ${year} 年的正月初一`);
}

/** A lunar month begins on the Beijing day of its new moon. */
function monthStartNear(day: DayNumber): DayNumber {
  return dayNumberOf(newMoonNear(startOfDay(day) + DAY_MS / 2));
}

/**
 * The Gregorian day of a lunar date (never in a leap month) in the lunar year that begins in `year`.
 * Months average 29.53 days; a leap month earlier in the year can only put the date later, by one
 * month at most, so the walk starts a little before the estimate and goes forward.
 */
export function dayOfLunarDate(year: number, month: number, dayOfMonth: number): DayNumber {
  const estimate = icuLunarNewYear(year) + Math.floor(29.53 * (month - 1)) + dayOfMonth - 1;
  for (let day = estimate - 3; day <= estimate + 35; day += 1) {
    const lunar = lunarDateOf(day);
    if (lunar.year === year && lunar.month === month && !lunar.leapMonth && lunar.day === dayOfMonth) {
      return monthStartNear(day - dayOfMonth + 1) + dayOfMonth - 1;
    }
  }
  throw new RangeError(`农历 ${year} 年 ${month} 月 ${dayOfMonth} 日无法换算为公历日期`);
}

/** 除夕: the last day of the lunar year that begins in `year − 1`, i.e. the day before 正月初一 of `year`. */
export function dayOfLunarNewYearsEve(year: number): DayNumber {
  return dayOfLunarNewYear(year) - 1;
}
