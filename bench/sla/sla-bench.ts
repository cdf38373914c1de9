import { cpus } from 'node:os';
import { builtinCalendar } from '@core/calendar';
import { type Pause, addWorkdays, addWorkingTime, openMinutesPerDay, scheduleFromText } from '@core/sla';
import { MINUTE_MS, parseInstant } from '@core/time/shanghai-time';

interface ClockCase {
  from: number;
  minutes: number;
  workdays: number;
  scheduleIndex: number;
  pauses: Pause[];
}

const SCHEDULES = ['workday:09:00-17:30', 'daily:09:00-17:00', '24x7', 'workday:08:30-12:00'].map(
  scheduleFromText,
);

/** A deterministic generator so two runs time the same work. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function makeCases(count: number): ClockCase[] {
  const next = random(20261124);
  const start = parseInstant('2026-01-01T00:00');
  const span = parseInstant('2026-11-20T00:00') - start;
  return Array.from({ length: count }, () => {
    const from = start + Math.floor(next() * span);
    const pauses: Pause[] =
      next() < 0.3 ? [{ start: from + next() * 86_400_000, end: from + (1 + next() * 3) * 86_400_000 }] : [];
    const scheduleIndex = Math.floor(next() * SCHEDULES.length);
    const perDay = openMinutesPerDay(SCHEDULES[scheduleIndex] as (typeof SCHEDULES)[number]);
    return {
      from,
      minutes: 10 + Math.floor(next() * 15 * perDay),
      workdays: 1 + Math.floor(next() * 15),
      scheduleIndex,
      pauses,
    };
  });
}

function measure(label: string, cases: ClockCase[], run: (c: ClockCase) => number) {
  let sink = 0;
  for (const c of cases.slice(0, 5000)) sink += run(c);
  const started = performance.now();
  let done = 0;
  while (performance.now() - started < 1500) {
    for (const c of cases) sink += run(c);
    done += cases.length;
  }
  const seconds = (performance.now() - started) / 1000;
  return { label, per_s: Math.round(done / seconds), checksum: sink % 1000 };
}

export async function runSlaBench(): Promise<object> {
  const calendar = builtinCalendar();
  const cases = makeCases(20_000);
  const minutes = measure('minutes', cases, (c) =>
    addWorkingTime(c.from, c.minutes * MINUTE_MS, {
      schedule: SCHEDULES[c.scheduleIndex] as (typeof SCHEDULES)[number],
      calendar,
      pauses: c.pauses,
    }),
  );
  const workdays = measure('workdays', cases, (c) => addWorkdays(c.from, c.workdays, calendar, c.pauses));
  const mixed = measure('mixed', cases, (c) =>
    c.scheduleIndex === 0
      ? addWorkdays(c.from, c.workdays, calendar, c.pauses)
      : addWorkingTime(c.from, c.minutes * MINUTE_MS, {
          schedule: SCHEDULES[c.scheduleIndex] as (typeof SCHEDULES)[number],
          calendar,
          pauses: c.pauses,
        }),
  );
  return {
    bench: 'sla',
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cases: cases.length,
    max_span_workdays: 15,
    pause_share: 0.3,
    deadlines_per_s: mixed.per_s,
    minute_clock_deadlines_per_s: minutes.per_s,
    workday_clock_deadlines_per_s: workdays.per_s,
    target_per_s: 200_000,
  };
}
