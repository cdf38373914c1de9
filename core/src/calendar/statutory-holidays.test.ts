import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayNumberToIsoDate } from '../time/shanghai-time';
import { builtinCalendar } from './builtin-calendars';
import { dayOfLunarNewYear } from './chinese-lunar';
import { dayOfQingming } from './solar-term';
import { statutoryHolidays } from './statutory-holidays';

const ORACLE_DIR = join(import.meta.dirname, '../../../../shared/data/holiday-cn');
if (!existsSync(ORACLE_DIR)) {
  throw new Error(
    `No holiday-cn copy at ${ORACLE_DIR}: these tests need the shared folder beside the repository (README, "Test it").`,
  );
}

function oracleOffDays(year: number): Set<string> {
  const file = JSON.parse(readFileSync(join(ORACLE_DIR, `${year}.json`), 'utf8')) as {
    days: { date: string; isOffDay: boolean }[];
  };
  return new Set(file.days.filter((day) => day.isOffDay).map((day) => day.date));
}

describe('the statutory holidays the law fixes, worked out without a notice', () => {
  const shipped = builtinCalendar();

  for (const year of [2024, 2025, 2026]) {
    it(`finds every statutory day of ${year} off, under the holiday's name, in the shipped notice`, () => {
      for (const holiday of statutoryHolidays(year)) {
        for (const day of holiday.days) {
          expect({ date: dayNumberToIsoDate(day), workday: shipped.isWorkday(day) }).toEqual({
            date: dayNumberToIsoDate(day),
            workday: false,
          });
          // 2025's notice gives 中秋节 and 国庆节 together as one holiday, "国庆节、中秋节".
          expect(shipped.dayName(day)).toContain(holiday.name.replace('节', ''));
        }
      }
    });
  }

  for (const year of [2023, 2024, 2025, 2026]) {
    it(`finds every statutory day of ${year} off in the independent holiday-cn copy`, () => {
      const off = oracleOffDays(year);
      const statutory = statutoryHolidays(year).flatMap((holiday) => holiday.days.map(dayNumberToIsoDate));
      expect(statutory.filter((date) => !off.has(date))).toEqual([]);
    });
  }

  it('applies the 2024 amendment from 2025 on: 除夕 and 5月2日 are holidays', () => {
    const days = (year: number, name: string) =>
      statutoryHolidays(year)
        .find((holiday) => holiday.name === name)
        ?.days.map(dayNumberToIsoDate);
    expect(days(2024, '春节')).toEqual(['2024-02-10', '2024-02-11', '2024-02-12']);
    expect(days(2025, '春节')).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
    expect(days(2024, '劳动节')).toEqual(['2024-05-01']);
    expect(days(2027, '劳动节')).toEqual(['2027-05-01', '2027-05-02']);
    expect(statutoryHolidays(2027).reduce((count, holiday) => count + holiday.days.length, 0)).toBe(13);
  });

  it('dates 清明 by its solar term', () => {
    const known: Record<number, string> = {
      2014: '2014-04-05',
      2015: '2015-04-05',
      2016: '2016-04-04',
      2017: '2017-04-04',
      2018: '2018-04-05',
      2019: '2019-04-05',
      2020: '2020-04-04',
      2021: '2021-04-04',
      2022: '2022-04-05',
      2023: '2023-04-05',
      2024: '2024-04-04',
      2025: '2025-04-04',
      2026: '2026-04-05',
      2027: '2027-04-05',
      2028: '2028-04-04',
    };
    for (const [year, date] of Object.entries(known)) {
      expect(dayNumberToIsoDate(dayOfQingming(Number(year)))).toBe(date);
    }
  });

  it('dates 春节 from the Chinese calendar, by the precise new moon where ICU is a day off', () => {
    // ICU (Node 20's 78.2) says 2027-02-07 and 2030-02-02: both new moons fall near midnight in Beijing.
    expect(dayNumberToIsoDate(dayOfLunarNewYear(2027))).toBe('2027-02-06');
    expect(dayNumberToIsoDate(dayOfLunarNewYear(2030))).toBe('2030-02-03');
    expect(dayNumberToIsoDate(dayOfLunarNewYear(2028))).toBe('2028-01-26');
    expect(dayNumberToIsoDate(dayOfLunarNewYear(2033))).toBe('2033-01-31');
  });
});
