import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../calendar/builtin-calendars';
import { type SensitivePeriod, sensitivePeriodSchema } from './duty';
import { dutyDayCovers, dutyDays } from './duty-days';

const calendar = builtinCalendar();
const at = Date.UTC(2026, 0, 5);

function period(name: string, from: string, to: string, subsystemIds: number[] | null): SensitivePeriod {
  return sensitivePeriodSchema.parse({
    id: '00000000-0000-4000-8000-000000000001',
    createdBy: 'lead',
    createdAt: at,
    updatedAt: at,
    deleted: false,
    name,
    from,
    to,
    subsystemIds,
    note: '',
  });
}

describe('dutyDays from the working calendar', () => {
  const year = dutyDays(calendar, { from: '2026-01-01', to: '2026-12-31' }, []);
  const byDate = new Map(year.map((day) => [day.date, day]));

  it('makes every rest day of 2026 a duty day: 104 weekend days + 19 weekday holidays − 6 调休 days', () => {
    expect(year).toHaveLength(117);
    expect(year.every((day) => day.subsystems === 'all' && !day.provisional)).toBe(true);
  });

  it('keeps Spring Festival’s 调休 Saturdays 2026-02-14 and 2026-02-28 as working days, not duty days', () => {
    expect(byDate.has('2026-02-14')).toBe(false);
    expect(byDate.has('2026-02-28')).toBe(false);
    const festival = year
      .filter((day) => day.date >= '2026-02-14' && day.date <= '2026-02-28')
      .map((day) => day.date);
    expect(festival).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(byDate.get('2026-02-15')).toMatchObject({ reasons: ['holiday'], names: ['春节'] });
    expect(byDate.get('2026-02-07')).toMatchObject({ reasons: ['weekend'], names: [] });
  });

  it('covers National Day 10-01 to 10-07, but not its 调休 days 09-20 and 10-10', () => {
    const golden = year
      .filter((day) => day.date >= '2026-09-19' && day.date <= '2026-10-11')
      .map((day) => day.date);
    expect(golden).toEqual([
      '2026-09-19',
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
      '2026-10-11',
    ]);
    expect(byDate.get('2026-10-05')?.names).toEqual(['国庆节']);
  });

  it('adds a sensitive period’s working days for the subsystems it names only', () => {
    const lianghui = period('全国两会', '2026-03-04', '2026-03-11', [5]);
    const days = dutyDays(calendar, { from: '2026-03-01', to: '2026-03-15' }, [lianghui]);
    expect(days.map((day) => day.date)).toEqual([
      '2026-03-01',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-14',
      '2026-03-15',
    ]);
    const wednesday = days.find((day) => day.date === '2026-03-04');
    if (wednesday === undefined) throw new Error('2026-03-04 should be a duty day');
    expect(wednesday).toMatchObject({ reasons: ['sensitive'], names: ['全国两会'], subsystems: [5] });
    expect(dutyDayCovers(wednesday, 5)).toBe(true);
    expect(dutyDayCovers(wednesday, 8)).toBe(false);
    expect(dutyDayCovers(wednesday, null)).toBe(false);
    const saturday = days.find((day) => day.date === '2026-03-07');
    expect(saturday).toMatchObject({ reasons: ['weekend', 'sensitive'], subsystems: 'all' });
  });

  it('makes a contract-wide sensitive period a duty day for everyone, and ignores a deleted one', () => {
    const all = period('国庆前保障', '2026-09-28', '2026-09-30', null);
    const days = dutyDays(calendar, { from: '2026-09-28', to: '2026-09-30' }, [all]);
    expect(days.map((day) => [day.date, day.subsystems])).toEqual([
      ['2026-09-28', 'all'],
      ['2026-09-29', 'all'],
      ['2026-09-30', 'all'],
    ]);
    expect(dutyDays(calendar, { from: '2026-09-28', to: '2026-09-30' }, [{ ...all, deleted: true }])).toEqual(
      [],
    );
  });

  it('marks the days of a year without a notice as provisional', () => {
    const days = dutyDays(calendar, { from: '2027-01-01', to: '2027-01-03' }, []);
    expect(days.map((day) => [day.date, day.provisional])).toEqual([
      ['2027-01-01', true],
      ['2027-01-02', true],
      ['2027-01-03', true],
    ]);
  });

  it('refuses a period that ends before it starts, in Chinese', () => {
    const result = sensitivePeriodSchema.safeParse({
      ...period('两会', '2026-03-04', '2026-03-11', null),
      to: '2026-03-01',
    });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['结束日期不能早于开始日期']);
  });
});
