import { builtinCalendar } from '@core/calendar';
import { loadDefaultProfile } from '@core/profile';
import { onSiteDaySchema, type OnSiteDay } from '@core/records/kinds';
import { describe, expect, it } from 'vitest';
import {
  defaultSubsystem,
  monthDays,
  monthRange,
  previousDay,
  shiftMonth,
  subsystemPresence,
  todayOnSite,
} from './onsite-view';

const profile = loadDefaultProfile();
const calendar = builtinCalendar();
let serial = 0;

function day(date: string, engineer: string, overrides: Partial<OnSiteDay> = {}): OnSiteDay {
  serial += 1;
  return onSiteDaySchema.parse({
    id: `00000000-0000-4000-8000-${serial.toString().padStart(12, '0')}`,
    subsystemId: 8,
    createdBy: engineer,
    createdAt: 1,
    updatedAt: 1,
    deleted: false,
    date,
    engineer,
    presence: 'on_site',
    hours: 8,
    summary: '',
    ...overrides,
  });
}

describe('todayOnSite: the one keystroke', () => {
  const at = Date.UTC(2026, 11, 7, 1);
  const context = { engineer: 'chen', subsystemId: 8, today: '2026-12-07', at };

  it('records an ordinary day: on site, 8 hours, the summary of the engineer’s latest day before', () => {
    const days = [
      day('2026-12-03', 'chen', { summary: '基金监管系统报表问题' }),
      day('2026-12-04', 'chen', { summary: '基金监管系统对账' }),
      day('2026-12-04', 'zhou', { summary: '别人的工作' }),
      day('2026-12-04', 'chen', { subsystemId: 1, summary: '另一个子项' }),
    ];
    const result = todayOnSite(days, context);
    expect(result).toMatchObject({
      kind: 'ready',
      day: {
        date: '2026-12-07',
        engineer: 'chen',
        subsystemId: 8,
        presence: 'on_site',
        hours: 8,
        summary: '基金监管系统对账',
      },
    });
  });

  it('starts with an empty summary on the first day', () => {
    expect(todayOnSite([], context)).toMatchObject({ kind: 'ready', day: { summary: '' } });
  });

  it('records nothing twice: today already recorded is shown instead', () => {
    const recorded = day('2026-12-07', 'chen', { presence: 'remote', hours: 4 });
    expect(todayOnSite([recorded], context)).toEqual({ kind: 'recorded', day: recorded });
  });

  it('does not take a deleted day for the previous one', () => {
    const days = [day('2026-12-04', 'chen', { summary: '删掉的', deleted: true })];
    expect(previousDay(days, 'chen', 8, '2026-12-07')).toBeUndefined();
  });
});

describe('the month list', () => {
  it('has the engineer’s own days of the month, latest first', () => {
    const days = [
      day('2026-11-30', 'chen'),
      day('2026-12-01', 'chen'),
      day('2026-12-02', 'chen'),
      day('2026-12-02', 'zhou'),
    ];
    expect(monthDays(days, 'chen', '2026-12').map((item) => item.date)).toEqual(['2026-12-02', '2026-12-01']);
  });

  it('moves across years and knows the last day of a month', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});

describe('defaultSubsystem', () => {
  it('is the subsystem of the engineer’s latest day, else the first of theirs with stationed engineers', () => {
    expect(
      defaultSubsystem([1, 5], profile.subsystems, [day('2026-12-01', 'chen', { subsystemId: 5 })]),
    ).toBe(5);
    expect(defaultSubsystem([2, 8], profile.subsystems, [])).toBe(8);
    expect(defaultSubsystem([2, 3], profile.subsystems, [])).toBe(2);
    expect(defaultSubsystem([], profile.subsystems, [])).toBeUndefined();
  });
});

describe('subsystemPresence', () => {
  it('gives subsystem 8 its working days against 60 and the month’s days short of 2 engineers', () => {
    const days = [
      day('2026-12-01', 'chen'),
      day('2026-12-01', 'zhou'),
      day('2026-12-02', 'chen'),
      day('2026-12-03', 'chen', { presence: 'remote' }),
    ];
    const [s8] = subsystemPresence(
      profile.subsystems,
      (id) => id === 8,
      days,
      calendar,
      { year: { from: '2026-01-01', to: '2026-12-31' }, month: monthRange('2026-12') },
      '2026-12-04',
    );
    expect(s8).toMatchObject({
      subsystemId: 8,
      stationedEngineers: 2,
      workdays: { required: 60, done: 2, met: false },
      headcount: {
        required: 2,
        reasons: ['2026-12-02 驻场 1 人，合同要求 2 人', '2026-12-03 驻场 0 人，合同要求 2 人'],
      },
    });
    expect(s8?.workdays.workdaysLeft).toBeLessThan(58);
  });

  it('lists only the readable subsystems with stationed engineers or a days-on-site target', () => {
    const all = subsystemPresence(
      profile.subsystems,
      () => true,
      [],
      calendar,
      { year: { from: '2026-01-01', to: '2026-12-31' }, month: monthRange('2026-12') },
      '2026-12-04',
    );
    expect(all.map((item) => item.subsystemId)).toEqual([1, 4, 5, 8]);
  });
});
