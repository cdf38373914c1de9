import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../calendar/builtin-calendars';
import { MINUTE_MS, formatInstant, parseInstant } from '../time/shanghai-time';
import { type Schedule, scheduleFromText } from './schedule';
import { type Pause, addWorkdays, addWorkingTime, measureWorkingTime } from './working-time';

const calendar = builtinCalendar();
const at = (text: string) => parseInstant(text);
const iso = formatInstant;
const officeHours = scheduleFromText('workday:09:00-17:30');
const hotline = scheduleFromText('daily:09:00-17:00');
const always = scheduleFromText('24x7');

function deadline(from: string, minutes: number, schedule: Schedule, pauses: Pause[] = []): string {
  return iso(addWorkingTime(at(from), minutes * MINUTE_MS, { schedule, calendar, pauses }));
}

describe('minute clocks on a service schedule', () => {
  it('keeps a deadline that lands exactly at closing time on that day', () => {
    expect(deadline('2026-03-10T17:00', 30, officeHours)).toBe('2026-03-10T17:30:00+08:00');
  });

  it('carries the rest of the clock to the next opening', () => {
    expect(deadline('2026-03-10T17:00', 31, officeHours)).toBe('2026-03-11T09:01:00+08:00');
  });

  it('starts a clock received before opening at the opening', () => {
    expect(deadline('2026-03-10T07:12', 30, officeHours)).toBe('2026-03-10T09:30:00+08:00');
  });

  it('starts a clock received after closing on the next working day', () => {
    expect(deadline('2026-03-13T18:00', 30, officeHours)).toBe('2026-03-16T09:30:00+08:00');
  });

  it('skips the Spring Festival holiday and counts the adjusted Saturday', () => {
    // Friday 13 Feb 2026 17:00 + 60 min: 30 min that day, the rest on Saturday the 14th (调休 working day).
    expect(deadline('2026-02-13T17:00', 60, officeHours)).toBe('2026-02-14T09:30:00+08:00');
    // From the 14th after closing, the next working day is Tuesday the 24th.
    expect(deadline('2026-02-14T17:30', 30, officeHours)).toBe('2026-02-24T09:30:00+08:00');
  });

  it('runs a daily hotline schedule on weekends and holidays', () => {
    expect(deadline('2026-02-15T16:30', 60, hotline)).toBe('2026-02-16T09:30:00+08:00');
  });

  it('runs 24x7 straight through the night', () => {
    expect(deadline('2026-02-15T23:55', 10, always)).toBe('2026-02-16T00:05:00+08:00');
  });

  it('stops while waiting on the requester, even across a holiday', () => {
    const pause = { start: at('2026-02-13T10:00'), end: at('2026-02-24T11:00') };
    // 60 min from 09:30: 30 min before the pause, 30 min after it ends.
    expect(deadline('2026-02-13T09:30', 60, officeHours, [pause])).toBe('2026-02-24T11:30:00+08:00');
    expect(deadline('2026-02-13T09:30', 60, always, [pause])).toBe('2026-02-24T11:30:00+08:00');
  });

  it('keeps a deadline that lands exactly where a pause begins', () => {
    const pause = { start: at('2026-03-10T10:00'), end: at('2026-03-10T11:00') };
    expect(deadline('2026-03-10T09:30', 30, officeHours, [pause])).toBe('2026-03-10T10:00:00+08:00');
  });

  it('merges overlapping pauses and ignores pauses before the start', () => {
    const pauses = [
      { start: at('2026-03-10T10:00'), end: at('2026-03-10T10:30') },
      { start: at('2026-03-10T10:15'), end: at('2026-03-10T11:00') },
      { start: at('2026-03-09T10:00'), end: at('2026-03-09T11:00') },
    ];
    expect(deadline('2026-03-10T09:30', 60, officeHours, pauses)).toBe('2026-03-10T11:30:00+08:00');
  });

  it('runs past the last notice on the provisional calendar, and names a year the law cannot answer for', () => {
    expect(deadline('2026-12-31T17:00', 60, officeHours)).toBe('2027-01-04T09:30:00+08:00');
    expect(() => deadline('2100-12-31T17:00', 60, officeHours)).toThrow(/2101/);
  });

  it('rejects a negative duration and an inverted pause', () => {
    expect(() => addWorkingTime(at('2026-03-10T09:00'), -1, { schedule: always, calendar })).toThrow(/非负/);
    expect(() =>
      addWorkingTime(at('2026-03-10T09:00'), 1, {
        schedule: officeHours,
        calendar,
        pauses: [{ start: at('2026-03-10T11:00'), end: at('2026-03-10T10:00') }],
      }),
    ).toThrow(/暂停/);
  });
});

describe('working-day periods (Civil Code Art. 201–203)', () => {
  const workdays = (from: string, n: number) => iso(addWorkdays(at(from), n, calendar));

  it('does not count the day of receipt and ends at 24:00 of the last working day', () => {
    // Received Monday 2026-03-09: day 1 is Tuesday the 10th; day 15 is Monday the 30th.
    expect(workdays('2026-03-09T15:00', 15)).toBe('2026-03-31T00:00:00+08:00');
    expect(workdays('2026-03-09T00:00', 1)).toBe('2026-03-11T00:00:00+08:00');
  });

  it('extends over holidays and counts adjusted working days', () => {
    // Received Thu 2026-02-12: Fri 13 (1), Sat 14 调休 (2), holiday to the 23rd, Tue 24 (3).
    expect(workdays('2026-02-12T10:00', 3)).toBe('2026-02-25T00:00:00+08:00');
    // Received on a holiday: counting starts with the next working day.
    expect(workdays('2026-10-03T10:00', 1)).toBe('2026-10-09T00:00:00+08:00');
  });

  it('is extended by a pause', () => {
    const pause = { start: at('2026-03-11T00:00'), end: at('2026-03-12T00:00') };
    expect(iso(addWorkdays(at('2026-03-09T15:00'), 2, calendar, [pause]))).toBe('2026-03-13T00:00:00+08:00');
  });

  it('rejects a non-positive or fractional number of working days', () => {
    expect(() => addWorkdays(at('2026-03-09T15:00'), 0, calendar)).toThrow(/正整数/);
    expect(() => addWorkdays(at('2026-03-09T15:00'), 1.5, calendar)).toThrow(/正整数/);
  });
});

// The longest case (8,250 minutes on a 3.5-hour day, National Day and four 3-day pauses) spans about
// 80 calendar days: starts end in August so every deadline stays inside the calendar years shipped.
const startIn2024to2026 = fc.integer({ min: at('2024-01-01T00:00'), max: at('2026-08-31T00:00') });
const schedules = fc.constantFrom(officeHours, hotline, always, scheduleFromText('workday:08:30-12:00'));
const pausesNear = (from: number) =>
  fc.array(
    fc
      .tuple(
        fc.integer({ min: -2 * 86_400_000, max: 20 * 86_400_000 }),
        fc.integer({ min: 0, max: 3 * 86_400_000 }),
      )
      .map(([offset, length]) => ({ start: from + offset, end: from + offset + length })),
    { maxLength: 4 },
  );
const clockCase = startIn2024to2026.chain((from) =>
  fc.record({
    from: fc.constant(from),
    minutes: fc.integer({ min: 0, max: 15 * 510 }),
    schedule: schedules,
    pauses: pausesNear(from),
  }),
);

describe('clock properties', () => {
  it('round-trips: measuring from the start to the deadline gives back the duration', () => {
    fc.assert(
      fc.property(clockCase, ({ from, minutes, schedule, pauses }) => {
        const context = { schedule, calendar, pauses };
        const end = addWorkingTime(from, minutes * MINUTE_MS, context);
        expect(measureWorkingTime(from, end, context)).toBe(minutes * MINUTE_MS);
      }),
      { numRuns: 500 },
    );
  });

  it('never places a positive deadline inside a pause or a closed period', () => {
    fc.assert(
      fc.property(clockCase, ({ from, minutes, schedule, pauses }) => {
        fc.pre(minutes > 0);
        const end = addWorkingTime(from, minutes * MINUTE_MS, { schedule, calendar, pauses });
        for (const pause of pauses) expect(end > pause.start && end < pause.end).toBe(false);
        // The last millisecond before the deadline was running time: the deadline closes an open span.
        expect(measureWorkingTime(end - 1, end, { schedule, calendar, pauses })).toBe(1);
      }),
      { numRuns: 500 },
    );
  });

  it('is monotonic: a longer clock never ends earlier', () => {
    fc.assert(
      fc.property(
        clockCase,
        fc.integer({ min: 0, max: 600 }),
        ({ from, minutes, schedule, pauses }, extra) => {
          const context = { schedule, calendar, pauses };
          const shorter = addWorkingTime(from, minutes * MINUTE_MS, context);
          const longer = addWorkingTime(from, (minutes + extra) * MINUTE_MS, context);
          expect(longer).toBeGreaterThanOrEqual(shorter);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('depends on nothing but its inputs (not the host time zone)', () => {
    // Run under TZ=UTC, Asia/Shanghai and America/New_York by `npm run test:unit`; the expected values
    // here are fixed strings, so a zone leak fails at least one of those runs.
    expect(deadline('2026-02-13T17:00', 60, officeHours)).toBe('2026-02-14T09:30:00+08:00');
    expect(iso(addWorkdays(at('2026-02-12T10:00'), 3, calendar))).toBe('2026-02-25T00:00:00+08:00');
  });
});
