import { type DayNumber, isoDateToDayNumber } from '../time/shanghai-time';
import { dayOfLunarDate, dayOfLunarNewYearsEve } from './chinese-lunar';
import { dayOfQingming } from './solar-term';

/** A public holiday as the law fixes it, before any notice moves days around it. */
export interface StatutoryHoliday {
  /** The name the State Council's notices use for the holiday the day belongs to. */
  readonly name: string;
  readonly days: readonly DayNumber[];
}

/** 《全国年节及纪念日放假办法》 as amended in 2024 took effect on 2025-01-01 and added 除夕 and 5月2日. */
const AMENDMENT_2024_FIRST_YEAR = 2025;
/** The 2013 version, in force 2014–2024 (the first year the project can be asked about is earlier still). */
const VERSION_2013_FIRST_YEAR = 2014;

function run(first: DayNumber, length: number): DayNumber[] {
  return Array.from({ length }, (_, index) => first + index);
}

/**
 * The days off that 《全国年节及纪念日放假办法》 fixes for every citizen in `year`, whatever that year's
 * notice adds: the notice only moves days around them (调休) and joins them to weekends. Lunar holidays
 * come from the engine's Chinese calendar, 清明 from its solar term.
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  if (year < VERSION_2013_FIRST_YEAR) {
    throw new RangeError(`${year} 年适用的放假办法早于 2013 年修订版，无法推算其法定节假日`);
  }
  const amended = year >= AMENDMENT_2024_FIRST_YEAR;
  const date = (monthDay: string) => isoDateToDayNumber(`${year}-${monthDay}`);
  return [
    { name: '元旦', days: [date('01-01')] },
    {
      name: '春节',
      days: amended ? run(dayOfLunarNewYearsEve(year), 4) : run(dayOfLunarDate(year, 1, 1), 3),
    },
    { name: '清明节', days: [dayOfQingming(year)] },
    { name: '劳动节', days: run(date('05-01'), amended ? 2 : 1) },
    { name: '端午节', days: [dayOfLunarDate(year, 5, 5)] },
    { name: '中秋节', days: [dayOfLunarDate(year, 8, 15)] },
    { name: '国庆节', days: run(date('10-01'), 3) },
  ];
}
