import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinCalendar, importCalendarNoticeText, provisionalNote } from '../calendar';
import { formatInstant, parseInstant } from '../time/shanghai-time';
import { parseSchedule } from './schedule';
import { addWorkdays, addWorkingMinutes } from './working-time';

function notice2027() {
  const result = importCalendarNoticeText(
    readFileSync(join(import.meta.dirname, '../calendar/fixtures/notice-2027.json'), 'utf8'),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.notice;
}

function schedule(text: string) {
  const parsed = parseSchedule(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.schedule;
}

describe('clocks across a year whose notice is not yet published', () => {
  const provisional = builtinCalendar();
  const final = builtinCalendar([notice2027()]);

  it('does not stop at the year’s end: 2026-12-31 17:00 + 60 working minutes lands after 元旦, 暂定', () => {
    const from = parseInstant('2026-12-31T17:00:00+08:00');
    const options = { schedule: schedule('workday:09:00-17:30'), calendar: provisional };
    const deadline = addWorkingMinutes(from, 60, options);
    expect(formatInstant(deadline)).toBe('2027-01-04T09:30:00+08:00');
    expect(provisionalNote(provisional, from, deadline)?.years).toEqual([2027]);
    expect(provisionalNote(provisional, from, deadline)?.text).toMatch(/^暂定：2027 年/);
  });

  it('counts working days into the provisional year, then moves the deadline by the notice’s 调休 Saturday', () => {
    const from = parseInstant('2027-02-19T10:00:00+08:00');
    const before = addWorkdays(from, 1, provisional);
    expect(formatInstant(before)).toBe('2027-02-23T00:00:00+08:00');
    expect(provisionalNote(provisional, from, before)).not.toBeNull();

    const after = addWorkdays(from, 1, final);
    expect(formatInstant(after)).toBe('2027-02-21T00:00:00+08:00');
    expect(provisionalNote(final, from, after)).toBeNull();
  });

  it('moves a minutes clock on working hours the same way', () => {
    const from = parseInstant('2027-02-19T17:00:00+08:00');
    const hours = schedule('workday:09:00-17:30');
    expect(formatInstant(addWorkingMinutes(from, 60, { schedule: hours, calendar: provisional }))).toBe(
      '2027-02-22T09:30:00+08:00',
    );
    expect(formatInstant(addWorkingMinutes(from, 60, { schedule: hours, calendar: final }))).toBe(
      '2027-02-20T09:30:00+08:00',
    );
  });

  it('treats the statutory 春节 days as off before the notice: 15 working days from mid-December', () => {
    const from = parseInstant('2026-12-25T10:00:00+08:00');
    expect(formatInstant(addWorkdays(from, 15, provisional))).toBe('2027-01-19T00:00:00+08:00');
  });

  it('leaves a 24×7 clock as it was: no working calendar, nothing provisional', () => {
    const from = parseInstant('2026-12-31T23:30:00+08:00');
    const options = { schedule: schedule('24x7'), calendar: provisional };
    const deadline = addWorkingMinutes(from, 60, options);
    expect(formatInstant(deadline)).toBe('2027-01-01T00:30:00+08:00');
    expect(addWorkingMinutes(from, 60, { ...options, calendar: final })).toBe(deadline);
  });

  it('marks a deadline that ends at 24:00 on the year’s last day as final', () => {
    const from = parseInstant('2026-12-30T10:00:00+08:00');
    const deadline = addWorkdays(from, 1, provisional);
    expect(formatInstant(deadline)).toBe('2027-01-01T00:00:00+08:00');
    expect(provisionalNote(provisional, from, deadline)).toBeNull();
  });
});
