import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoDateToDayNumber } from '../time/shanghai-time';
import { builtinCalendar, builtinCalendarNotices } from './builtin-calendars';
import { calendarNoticeSchema } from './calendar-notice';
import { CalendarYearMissingError, WorkingCalendar } from './working-calendar';

/** The independent copy of the State Council data kept beside the project for tests only. */
const ORACLE_DIR = join(import.meta.dirname, '../../../../shared/data/holiday-cn');
if (!existsSync(ORACLE_DIR)) {
  throw new Error(
    `No holiday-cn copy at ${ORACLE_DIR}: these tests need the shared folder beside the repository (README, "Test it").`,
  );
}

interface OracleDay {
  name: string;
  date: string;
  isOffDay: boolean;
}

function oracleDays(year: number): Map<string, OracleDay> {
  const file = JSON.parse(readFileSync(join(ORACLE_DIR, `${year}.json`), 'utf8')) as { days: OracleDay[] };
  return new Map(file.days.map((day) => [day.date, day]));
}

describe('the shipped calendars agree with the independent holiday-cn copy', () => {
  const calendar = builtinCalendar();

  it('ships 2024, 2025 and 2026', () => {
    expect(calendar.years()).toEqual([2024, 2025, 2026]);
    expect(readdirSync(ORACLE_DIR)).toEqual(expect.arrayContaining(['2024.json', '2025.json', '2026.json']));
  });

  for (const year of [2024, 2025, 2026]) {
    it(`agrees on every day of ${year}: working or not, and the name the notice gives`, () => {
      const oracle = oracleDays(year);
      const days = calendar.daysOfYear(year);
      expect(days).toHaveLength(year === 2024 ? 366 : 365);
      for (const day of days) {
        const named = oracle.get(day.date);
        const weekday = new Date(`${day.date}T00:00:00Z`).getUTCDay();
        const expectedWorkday = named ? !named.isOffDay : weekday !== 0 && weekday !== 6;
        expect({ date: day.date, workday: day.workday, name: day.name }).toEqual({
          date: day.date,
          workday: expectedWorkday,
          name: named?.name,
        });
      }
    });
  }
});

describe('WorkingCalendar', () => {
  const calendar = builtinCalendar();
  const day = (date: string) => isoDateToDayNumber(date);

  it('treats the 2026 Spring Festival adjusted Saturdays as working days and the holiday as rest', () => {
    expect(calendar.isWorkday(day('2026-02-14'))).toBe(true);
    expect(calendar.isWorkday(day('2026-02-28'))).toBe(true);
    expect(calendar.isWorkday(day('2026-02-16'))).toBe(false);
    expect(calendar.isWorkday(day('2026-02-23'))).toBe(false);
    expect(calendar.isWorkday(day('2026-02-24'))).toBe(true);
    expect(calendar.dayName(day('2026-02-14'))).toBe('春节');
  });

  it('runs a year without a notice on the provisional calendar, and says which days are provisional', () => {
    expect(calendar.hasYear(2027)).toBe(false);
    expect(calendar.isWorkday(day('2027-03-01'))).toBe(true);
    expect(calendar.isWorkday(day('2027-01-01'))).toBe(false);
    expect(calendar.dayName(day('2027-02-06'))).toBe('春节');
    expect(calendar.isProvisional(day('2027-03-01'))).toBe(true);
    expect(calendar.isProvisional(day('2026-12-31'))).toBe(false);
    expect(calendar.provisionalYearsBetween(day('2026-12-01'), day('2028-01-02'))).toEqual([2027, 2028]);
    expect(calendar.daysOfYear(2027)[0]).toEqual({
      date: '2027-01-01',
      workday: false,
      name: '元旦',
      provisional: true,
    });
  });

  it('refuses a year the law cannot answer for either, naming the year', () => {
    expect(() => calendar.isWorkday(day('2013-03-01'))).toThrow(CalendarYearMissingError);
    expect(() => calendar.isWorkday(day('2013-03-01'))).toThrow(/2013/);
    expect(() => calendar.daysOfYear(2101)).toThrow(/2101/);
  });

  it('fills a gap year between two known years provisionally', () => {
    const gappy = new WorkingCalendar(builtinCalendarNotices.filter((notice) => notice.year !== 2025));
    expect(gappy.isWorkday(day('2025-06-03'))).toBe(true);
    expect(gappy.isProvisional(day('2025-06-03'))).toBe(true);
    expect(gappy.isProvisional(day('2026-06-03'))).toBe(false);
  });

  it('lets an admin-added notice replace or extend the shipped years', () => {
    const notice2027 = calendarNoticeSchema.parse({
      year: 2027,
      notice: '测试通知',
      source: 'test',
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', adjustedWorkdays: ['2027-01-04'] }],
    });
    const extended = builtinCalendar([notice2027]);
    expect(extended.years()).toEqual([2024, 2025, 2026, 2027]);
    expect(extended.isWorkday(day('2027-01-01'))).toBe(false);
    expect(extended.isWorkday(day('2027-03-01'))).toBe(true);
  });

  it('rejects a notice that names one date twice, with the path', () => {
    const result = calendarNoticeSchema.safeParse({
      year: 2027,
      notice: 'x',
      source: 'x',
      holidays: [
        { name: '元旦', from: '2027-01-01', to: '2027-01-02', adjustedWorkdays: [] },
        { name: '春节', from: '2027-01-02', to: '2027-01-03', adjustedWorkdays: [] },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['holidays', 1],
      message: expect.stringMatching(/2027-01-02/),
    });
  });

  it('rejects an impossible date', () => {
    const result = calendarNoticeSchema.safeParse({
      year: 2027,
      notice: 'x',
      source: 'x',
      holidays: [{ name: '元旦', from: '2027-02-30', to: '2027-02-30', adjustedWorkdays: [] }],
    });
    expect(result.success).toBe(false);
  });
});
