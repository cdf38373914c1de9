import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../calendar/builtin-calendars';
import { findSubsystem } from '../../profile/find-sla-clock';
import { loadDefaultProfile } from '../../profile/default-profile';
import { dayNumberToIsoDate, isoDateToDayNumber, parseInstant } from '../../time/shanghai-time';
import { parseRecord } from '../validation';
import { type OnSiteDay, onSiteDaySchema, ordinaryOnSiteDay } from './onsite';
import { onSiteWorkdays, stationedHeadcount } from './onsite-check';

const profile = loadDefaultProfile();
const calendar = builtinCalendar();
const s8 = findSubsystem(profile, 8);
const year = { from: '2026-01-01', to: '2026-12-31' };
const at = parseInstant('2026-01-05 18:00');
let serial = 0;

function day(date: string, engineer: string, overrides: Partial<OnSiteDay> = {}): OnSiteDay {
  serial += 1;
  const result = ordinaryOnSiteDay(
    {
      subsystemId: 8,
      engineer,
      date,
      actor: engineer,
      at,
      id: `00000000-0000-4000-8000-${serial.toString().padStart(12, '0')}`,
    },
    undefined,
  );
  if (!result.ok) throw new Error(result.reason);
  return onSiteDaySchema.parse({ ...result.day, ...overrides });
}

/** The first `count` working days from a date, by the 2026 calendar. */
function workdaysFrom(first: string, count: number): string[] {
  const dates: string[] = [];
  for (let number = isoDateToDayNumber(first); dates.length < count; number += 1) {
    if (calendar.isWorkday(number)) dates.push(dayNumberToIsoDate(number));
  }
  return dates;
}

describe('onSiteWorkdays against subsystem 8’s ≥ 60 working days a year', () => {
  it('is met with 60 working days on site, each counted once however many engineers were there', () => {
    const dates = workdaysFrom('2026-01-05', 60);
    const days = [...dates.map((date) => day(date, 'chen')), ...dates.map((date) => day(date, 'zhou'))];
    expect(onSiteWorkdays(s8, days, calendar, year, '2026-12-31')).toMatchObject({
      required: 60,
      done: 60,
      met: true,
    });
  });

  it('is not met at 59, and counts neither remote days, leave, holidays nor other subsystems', () => {
    const dates = workdaysFrom('2026-01-05', 59);
    const days = [
      ...dates.map((date) => day(date, 'chen')),
      day('2026-10-02', 'chen'),
      day('2026-12-01', 'chen', { presence: 'remote' }),
      day('2026-12-02', 'chen', { presence: 'leave', hours: 0 }),
      day('2026-12-03', 'chen', { subsystemId: 4 }),
    ];
    expect(onSiteWorkdays(s8, days, calendar, year, '2026-12-31')).toEqual({
      required: 60,
      done: 59,
      workdaysLeft: 0,
      met: false,
      reason: '现场服务已有 59 个工作日，合同要求不少于 60 个；本合同年度只剩 0 个工作日，已无法达到',
    });
  });

  it('counts a 调休 Saturday as a working day on site', () => {
    const result = onSiteWorkdays(s8, [day('2026-02-14', 'chen')], calendar, year, '2026-03-01');
    expect(result.done).toBe(1);
    expect(result.reason).toBe('现场服务已有 1 个工作日，合同要求不少于 60 个，还差 59 个');
  });

  it('has nothing to check for a subsystem without the target', () => {
    const s1 = findSubsystem(profile, 1);
    expect(onSiteWorkdays(s1, [], calendar, year, '2026-06-01')).toMatchObject({ required: null, met: true });
  });
});

describe('stationedHeadcount', () => {
  it('lists the past working days with fewer engineers on site than subsystem 8’s 2', () => {
    const week = { from: '2026-03-02', to: '2026-03-08' };
    const days = [
      ...['2026-03-02', '2026-03-03', '2026-03-04'].flatMap((date) => [day(date, 'chen'), day(date, 'zhou')]),
      day('2026-03-05', 'chen'),
      day('2026-03-05', 'zhou', { presence: 'leave', hours: 0 }),
    ];
    const result = stationedHeadcount(s8, days, calendar, week, '2026-03-06');
    expect(result.required).toBe(2);
    expect(result.reasons).toEqual(['2026-03-05 驻场 1 人，合同要求 2 人']);
    expect(stationedHeadcount(s8, days, calendar, week, '2026-03-07').shortDays).toEqual([
      { date: '2026-03-05', present: 1, required: 2 },
      { date: '2026-03-06', present: 0, required: 2 },
    ]);
  });
});

describe('onSiteDaySchema', () => {
  it('records an ordinary day in one step, carrying the previous summary', () => {
    const previous = day('2026-03-02', 'chen', { summary: '基金监管系统问题处理' });
    const result = ordinaryOnSiteDay(
      { subsystemId: 8, engineer: 'chen', date: '2026-03-03', actor: 'chen', at },
      previous,
    );
    expect(result.ok && result.day).toMatchObject({
      presence: 'on_site',
      hours: 8,
      summary: '基金监管系统问题处理',
    });
  });

  it('refuses hours on a day of leave', () => {
    const result = parseRecord(
      onSiteDaySchema,
      { ...day('2026-03-02', 'chen'), presence: 'leave' },
      '驻场记录',
    );
    expect(result).toEqual({ ok: false, reason: '驻场记录数据无效：hours: 请假的工作时长应为 0' });
  });
});
