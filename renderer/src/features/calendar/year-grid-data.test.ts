import { builtinCalendar } from '@core/calendar';
import { describe, expect, it } from 'vitest';
import { holidaySummary, missingNextYear, yearGrid } from './year-grid-data';

const calendar = builtinCalendar();

describe('the year grid', () => {
  it('marks 2026’s Spring Festival, its 调休 Saturdays and plain weekends, weeks starting on Monday', () => {
    const february = yearGrid(calendar, 2026)[1];
    expect(february?.leadingBlanks).toBe(6);
    const day = (date: string) => february?.days.find((candidate) => candidate.date === date);
    expect(day('2026-02-14')).toMatchObject({ kind: 'adjusted-workday', name: '春节', provisional: false });
    expect(day('2026-02-16')).toMatchObject({ kind: 'holiday', name: '春节' });
    expect(day('2026-02-07')).toMatchObject({ kind: 'weekend' });
    expect(day('2026-02-09')).toMatchObject({ kind: 'workday' });
  });

  it('shows a year without a notice provisionally, statutory days only', () => {
    const january = yearGrid(calendar, 2027)[0];
    expect(january?.days[0]).toMatchObject({ kind: 'holiday', name: '元旦', provisional: true });
    expect(holidaySummary(calendar, 2027)[1]).toBe('春节：2月5日至2月8日放假，共 4 天');
  });

  it('summarises each holiday of a notice', () => {
    expect(holidaySummary(calendar, 2026)[1]).toBe(
      '春节：2月15日至2月23日放假，共 9 天；2月14日、2月28日上班',
    );
  });

  it('asks for next year’s notice from 1 November on, until it is added', () => {
    expect(missingNextYear({ year: 2026, month: 10 }, calendar)).toBeNull();
    expect(missingNextYear({ year: 2026, month: 11 }, calendar)).toBe(2027);
    expect(missingNextYear({ year: 2025, month: 12 }, calendar)).toBeNull();
  });
});
