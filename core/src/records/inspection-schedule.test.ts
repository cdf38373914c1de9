import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../calendar/builtin-calendars';
import { formatInstant, isoDateToDayNumber, parseInstant } from '../time/shanghai-time';
import type { InspectionRun } from './inspection-run';
import { dueSlots, slotStatus } from './inspection-schedule';

const calendar = builtinCalendar();
const day = isoDateToDayNumber;
const at = parseInstant;

function run(scheduledFor: string, finishedAt: string | null, deleted = false): InspectionRun {
  return {
    id: '3f2b8c1e-8d4a-4c3b-9e2f-1a2b3c4d5e6f',
    subsystemId: 5,
    createdBy: 'zhangsan',
    createdAt: at('2026-03-10T08:00'),
    updatedAt: at('2026-03-10T08:00'),
    deleted,
    templateId: 's5-daily',
    templateVersion: 1,
    scheduledFor,
    startedAt: at('2026-03-10T08:00'),
    finishedAt: finishedAt === null ? null : at(finishedAt),
    inspector: 'zhangsan',
    results: [],
  };
}

describe('dueSlots', () => {
  it('gives a daily-before-08:30 slot on every working day, skipping the holiday and keeping 调休 Saturdays', () => {
    const slots = dueSlots(
      { kind: 'daily', days: 'workdays', dueBy: '08:30' },
      day('2026-02-13'),
      day('2026-02-24'),
      calendar,
    );
    expect(slots.map((slot) => slot.key)).toEqual(['2026-02-13', '2026-02-14', '2026-02-24']);
    expect(slots[0]).toEqual({
      key: '2026-02-13',
      opensAt: at('2026-02-13T00:00'),
      dueAt: at('2026-02-13T08:30'),
      closesAt: at('2026-02-14T00:00'),
    });
  });

  it('gives an every-day slot due by the end of the day', () => {
    const slots = dueSlots({ kind: 'daily', days: 'every_day' }, day('2026-02-15'), day('2026-02-16'));
    expect(slots.map((slot) => [slot.key, formatInstant(slot.dueAt)])).toEqual([
      ['2026-02-15', '2026-02-16T00:00:00+08:00'],
      ['2026-02-16', '2026-02-17T00:00:00+08:00'],
    ]);
  });

  it('gives one monthly slot per month touching the range, due on the day given or at month end', () => {
    const slots = dueSlots({ kind: 'monthly' }, day('2026-01-20'), day('2026-03-01'));
    expect(slots.map((slot) => [slot.key, formatInstant(slot.opensAt), formatInstant(slot.dueAt)])).toEqual([
      ['2026-01', '2026-01-01T00:00:00+08:00', '2026-02-01T00:00:00+08:00'],
      ['2026-02', '2026-02-01T00:00:00+08:00', '2026-03-01T00:00:00+08:00'],
      ['2026-03', '2026-03-01T00:00:00+08:00', '2026-04-01T00:00:00+08:00'],
    ]);
    const byThe25th = dueSlots({ kind: 'monthly', dueDay: 25 }, day('2026-12-01'), day('2026-12-31'));
    expect(formatInstant(byThe25th[0]?.dueAt ?? 0)).toBe('2026-12-26T00:00:00+08:00');
    const clamped = dueSlots({ kind: 'monthly', dueDay: 31 }, day('2026-02-01'), day('2026-02-01'));
    expect(formatInstant(clamped[0]?.dueAt ?? 0)).toBe('2026-03-01T00:00:00+08:00');
  });

  it('refuses a working-day schedule without a calendar, a reversed range and a year the law cannot answer for', () => {
    expect(() => dueSlots({ kind: 'daily', days: 'workdays' }, day('2026-03-01'), day('2026-03-02'))).toThrow(
      '按工作日安排的巡检需要工作日历才能计算应检日期',
    );
    expect(() => dueSlots({ kind: 'monthly' }, day('2026-03-02'), day('2026-03-01'))).toThrow(
      '结束日期不能早于开始日期',
    );
    expect(() =>
      dueSlots({ kind: 'daily', days: 'workdays' }, day('2101-01-01'), day('2101-01-02'), calendar),
    ).toThrow(/缺少 2101 年的节假日安排/);
  });
});

describe('slotStatus', () => {
  const [slot] = dueSlots(
    { kind: 'daily', days: 'every_day', dueBy: '08:30' },
    day('2026-03-10'),
    day('2026-03-10'),
  );
  if (slot === undefined) throw new Error('no slot');

  it('moves from upcoming through due and overdue to missed', () => {
    expect(slotStatus(slot, [], at('2026-03-09T23:59')).state).toBe('upcoming');
    expect(slotStatus(slot, [], at('2026-03-10T00:00')).state).toBe('due');
    expect(slotStatus(slot, [], at('2026-03-10T08:29:59')).state).toBe('due');
    expect(slotStatus(slot, [], at('2026-03-10T08:30')).state).toBe('overdue');
    expect(slotStatus(slot, [], at('2026-03-11T00:00')).state).toBe('missed');
  });

  it('is done by a finished run for the slot, late if it finished after the due time', () => {
    const onTime = run('2026-03-10', '2026-03-10T08:20');
    expect(slotStatus(slot, [onTime], at('2026-03-12T00:00'))).toEqual({
      state: 'done',
      run: onTime,
      late: false,
    });
    const late = run('2026-03-10', '2026-03-10T09:10');
    expect(slotStatus(slot, [late], at('2026-03-12T00:00'))).toEqual({
      state: 'done',
      run: late,
      late: true,
    });
  });

  it('is not fulfilled by an unfinished, deleted or other-day run', () => {
    const runs = [
      run('2026-03-10', null),
      run('2026-03-10', '2026-03-10T08:00', true),
      run('2026-03-09', '2026-03-09T08:00'),
    ];
    expect(slotStatus(slot, runs, at('2026-03-10T09:00')).state).toBe('overdue');
  });
});
