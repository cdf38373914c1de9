import { builtinCalendar, WorkingCalendar } from '@core/calendar';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { describeToday } from './describe-today';

const calendar = builtinCalendar();

describe('describeToday', () => {
  it('shows Beijing time whatever the instant’s original offset', () => {
    const today = describeToday(parseInstant('2026-02-13T20:30:00-05:00'), calendar);
    expect(today).toMatchObject({ date: '2026年2月14日 星期六', time: '09:30' });
  });

  it('names adjusted working days, holidays, ordinary workdays and weekends', () => {
    expect(describeToday(parseInstant('2026-02-14T10:00:00+08:00'), calendar)).toMatchObject({
      dayKind: '调休上班（春节）',
      isWorkday: true,
    });
    expect(describeToday(parseInstant('2026-02-17T10:00:00+08:00'), calendar)).toMatchObject({
      dayKind: '春节假期',
      isWorkday: false,
    });
    expect(describeToday(parseInstant('2026-03-04T10:00:00+08:00'), calendar)).toMatchObject({
      date: '2026年3月4日 星期三',
      dayKind: '工作日',
    });
    expect(describeToday(parseInstant('2026-03-07T23:59:00+08:00'), calendar)).toMatchObject({
      time: '23:59',
      dayKind: '休息日',
    });
  });

  it('reads a year without a notice provisionally, and says so', () => {
    const calendar = new WorkingCalendar([]);
    expect(describeToday(parseInstant('2031-05-06T08:00:00+08:00'), calendar)).toMatchObject({
      dayKind: '工作日（暂定）',
      isWorkday: true,
    });
    expect(describeToday(parseInstant('2031-05-01T08:00:00+08:00'), calendar)).toMatchObject({
      dayKind: '劳动节假期（暂定）',
      isWorkday: false,
    });
  });

  it('says which year is missing where the law cannot answer either', () => {
    const today = describeToday(parseInstant('2101-05-06T08:00:00+08:00'), new WorkingCalendar([]));
    expect(today).toMatchObject({ dayKind: '缺少 2101 年节假日安排', isWorkday: undefined });
  });
});
