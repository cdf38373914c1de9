import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayNumberOf,
  dayNumberToIsoDate,
  formatInstant,
  isoDateToDayNumber,
  minuteOfDay,
  parseInstant,
  weekdayOf,
} from './shanghai-time';

describe('Shanghai business time', () => {
  it('reads a time without an offset as Shanghai local time', () => {
    expect(parseInstant('2026-02-13T17:00')).toBe(Date.UTC(2026, 1, 13, 9, 0));
    expect(parseInstant('2026-02-13 17:00:00')).toBe(Date.UTC(2026, 1, 13, 9, 0));
  });

  it('honours an explicit offset', () => {
    expect(parseInstant('2026-02-13T09:00:00Z')).toBe(Date.UTC(2026, 1, 13, 9, 0));
    expect(parseInstant('2026-02-13T04:00:00-05:00')).toBe(Date.UTC(2026, 1, 13, 9, 0));
  });

  it('formats in +08:00 with 24:00 rolled to the next day', () => {
    expect(formatInstant(parseInstant('2026-02-13T17:30:00+08:00'))).toBe('2026-02-13T17:30:00+08:00');
    expect(formatInstant(parseInstant('2026-02-13T24:00'))).toBe('2026-02-14T00:00:00+08:00');
  });

  it('gives clear errors for malformed or impossible input', () => {
    expect(() => parseInstant('tomorrow')).toThrow(/ISO-8601/);
    expect(() => parseInstant('2026-02-30T10:00')).toThrow(/2026-02-30/);
    expect(() => parseInstant('2026-02-10T25:00')).toThrow(/超出范围/);
  });

  it('knows the Shanghai day and weekday of late-evening UTC instants', () => {
    const instant = Date.UTC(2026, 1, 13, 16, 30); // 00:30 on the 14th in Shanghai
    expect(dayNumberToIsoDate(dayNumberOf(instant))).toBe('2026-02-14');
    expect(weekdayOf(dayNumberOf(instant))).toBe(6);
    expect(minuteOfDay(instant)).toBe(30);
  });

  it('round-trips instants and dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        expect(parseInstant(formatInstant(ms))).toBe(ms);
        const day = dayNumberOf(ms);
        expect(isoDateToDayNumber(dayNumberToIsoDate(day))).toBe(day);
      }),
    );
  });
});
