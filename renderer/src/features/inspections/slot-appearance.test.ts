import type { InspectionSlot } from '@core/records';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { slotKeyText } from './shanghai-format';
import { slotDeadlineText, slotLabel } from './slot-appearance';

describe('slotLabel', () => {
  it('says the state in words, late completion and a run under way included', () => {
    expect(slotLabel({ state: 'done', late: false }, false)).toBe('已完成');
    expect(slotLabel({ state: 'done', late: true }, false)).toBe('已完成（超时）');
    expect(slotLabel({ state: 'overdue', late: false }, true)).toBe('已逾期·进行中');
    expect(slotLabel({ state: 'missed', late: false }, false)).toBe('已漏检');
    expect(slotLabel({ state: 'due', late: false }, false)).toBe('待巡检');
  });
});

describe('slotDeadlineText', () => {
  const day = (dueAt: string, closesAt = '2026-02-15T00:00'): InspectionSlot => ({
    key: '2026-02-14',
    opensAt: parseInstant('2026-02-14T00:00'),
    dueAt: parseInstant(dueAt),
    closesAt: parseInstant(closesAt),
  });

  it('gives the time of a before-a-time check and “当天内” for an end-of-day one', () => {
    expect(slotDeadlineText(day('2026-02-14T08:30'))).toBe('08:30 前');
    expect(slotDeadlineText(day('2026-02-15T00:00'))).toBe('当天内');
  });

  it('gives the last day of a monthly slot', () => {
    const month: InspectionSlot = {
      key: '2026-02',
      opensAt: parseInstant('2026-02-01T00:00'),
      dueAt: parseInstant('2026-03-01T00:00'),
      closesAt: parseInstant('2026-03-01T00:00'),
    };
    expect(slotDeadlineText(month)).toBe('2月28日前');
  });
});

describe('slotKeyText', () => {
  it('words daily and monthly slot keys', () => {
    expect(slotKeyText('2026-02-14')).toBe('2026年2月14日');
    expect(slotKeyText('2026-02')).toBe('2026年2月');
  });
});
