import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../calendar/builtin-calendars';
import type { Ticket } from '../records/ticket';
import { newTicket } from '../records/ticket-create';
import { type TicketAction, transition } from '../records/ticket-status';
import { MINUTE_MS, formatInstant, parseInstant } from '../time/shanghai-time';
import { type TicketClockSpec, ticketClock, ticketClockSpec } from './ticket-clock';
import { addWorkdays } from './working-time';

const calendar = builtinCalendar();
const at = parseInstant;
const iso = (instant: number | null) => (instant === null ? null : formatInstant(instant));

/** A ticket received at `receivedAt` that went through `steps` ([action, time, reason?]). */
function ticket(receivedAt: string, steps: readonly [TicketAction, string, string?][] = []): Ticket {
  const created = newTicket(
    {
      subsystemId: 5,
      channel: 'phone',
      reporter: { unit: '省人社厅', person: '王老师', phone: '' },
      category: 'fault',
      severity: 'ordinary',
      title: '网站栏目无法访问',
      receivedAt: at(receivedAt),
      resolution: '已修复',
    },
    { actor: 'zhangsan', at: at(receivedAt) },
  );
  if (!created.ok) throw new Error(created.reason);
  return steps.reduce((current, [action, time, reason]) => {
    const result = transition(current, action, {
      actor: 'zhangsan',
      at: at(time),
      ...(reason ? { reason } : {}),
    });
    if (!result.ok) throw new Error(result.reason);
    return result.ticket;
  }, created.ticket);
}

const tenMinutes: TicketClockSpec = { minutes: 10, schedule: '24x7' };
const officeHalfHour: TicketClockSpec = { minutes: 30, schedule: 'workday:09:00-17:30' };
const officeTwoHours: TicketClockSpec = { minutes: 120, schedule: 'workday:09:00-17:30' };

describe('the response clock', () => {
  const received = ticket('2026-03-10T09:00');

  it('runs from receivedAt with a live deadline', () => {
    const clock = ticketClock(received, 'response', tenMinutes, { calendar, now: at('2026-03-10T09:07') });
    expect(clock).toMatchObject({
      state: 'running',
      elapsedMs: 7 * MINUTE_MS,
      remainingMs: 3 * MINUTE_MS,
      breached: false,
    });
    expect(clock.warning).toBe(false);
    expect(iso(clock.deadline)).toBe('2026-03-10T09:10:00+08:00');
    expect(clock.timeline).toEqual([{ kind: 'start', at: at('2026-03-10T09:00'), cause: 'received' }]);
  });

  it('warns at exactly 75% and not a millisecond before', () => {
    const warnAt = at('2026-03-10T09:07:30');
    expect(ticketClock(received, 'response', tenMinutes, { calendar, now: warnAt - 1 }).warning).toBe(false);
    const clock = ticketClock(received, 'response', tenMinutes, { calendar, now: warnAt });
    expect([clock.fraction, clock.warning]).toEqual([0.75, true]);
  });

  it('reaches 100% at the deadline instant, which is still on time, and breaches just after', () => {
    const atDeadline = ticketClock(received, 'response', tenMinutes, {
      calendar,
      now: at('2026-03-10T09:10'),
    });
    expect(atDeadline).toMatchObject({ state: 'running', fraction: 1, breached: false, warning: true });
    const after = ticketClock(received, 'response', tenMinutes, {
      calendar,
      now: at('2026-03-10T09:10') + 1,
    });
    expect(after).toMatchObject({ state: 'running', breached: true, warning: true, remainingMs: -1 });
  });

  it('stops at the first response: met at the deadline, breached a millisecond later', () => {
    const now = at('2026-03-10T12:00');
    const onTime = ticket('2026-03-10T09:00', [['respond', '2026-03-10T09:10']]);
    expect(ticketClock(onTime, 'response', tenMinutes, { calendar, now })).toMatchObject({
      state: 'met',
      breached: false,
      warning: false,
      elapsedMs: 10 * MINUTE_MS,
      stoppedAt: at('2026-03-10T09:10'),
    });
    const late = ticket('2026-03-10T09:00', [['respond', '2026-03-10T09:10:00.001']]);
    expect(ticketClock(late, 'response', tenMinutes, { calendar, now })).toMatchObject({
      state: 'breached',
      breached: true,
    });
  });

  it('does not restart on a reopen', () => {
    const reopened = ticket('2026-03-10T09:00', [
      ['respond', '2026-03-10T09:05'],
      ['resolve', '2026-03-10T09:30'],
      ['reopen', '2026-03-10T10:00', '问题复现'],
    ]);
    const clock = ticketClock(reopened, 'response', tenMinutes, { calendar, now: at('2026-03-10T12:00') });
    expect(clock).toMatchObject({ state: 'met', elapsedMs: 5 * MINUTE_MS });
    expect(clock.timeline.map((entry) => entry.kind)).toEqual(['start', 'stop']);
  });

  it('counts only service hours and is breached once its deadline at closing time has passed', () => {
    const evening = ticket('2026-03-10T17:00');
    const atClose = ticketClock(evening, 'response', officeHalfHour, {
      calendar,
      now: at('2026-03-10T17:30'),
    });
    expect([iso(atClose.deadline), atClose.breached]).toEqual(['2026-03-10T17:30:00+08:00', false]);
    // No service time passes after 17:30, but the promised instant has: a response at 17:45 is late.
    const later = ticketClock(evening, 'response', officeHalfHour, { calendar, now: at('2026-03-10T17:45') });
    expect([later.fraction, later.breached, later.state]).toEqual([1, true, 'running']);
  });

  it('starts a clock received before opening at the opening', () => {
    const early = ticket('2026-03-10T07:12');
    const clock = ticketClock(early, 'response', officeHalfHour, { calendar, now: at('2026-03-10T09:00') });
    expect([clock.elapsedMs, iso(clock.deadline)]).toEqual([0, '2026-03-10T09:30:00+08:00']);
  });
});

describe('the resolution clock', () => {
  it('pauses while waiting on the requester, across the Spring Festival holiday', () => {
    const steps: [TicketAction, string, string?][] = [
      ['respond', '2026-02-13T09:35'],
      ['progress', '2026-02-13T09:40'],
      ['wait', '2026-02-13T10:00', '等待用户提供报错截图'],
    ];
    const waiting = ticket('2026-02-13T09:30', steps);
    const paused = ticketClock(waiting, 'resolution', officeTwoHours, {
      calendar,
      now: at('2026-02-20T12:00'),
    });
    expect(paused).toMatchObject({
      state: 'paused',
      deadline: null,
      elapsedMs: 30 * MINUTE_MS,
      remainingMs: 90 * MINUTE_MS,
      breached: false,
      warning: false,
    });
    expect(paused.timeline).toEqual([
      { kind: 'start', at: at('2026-02-13T09:30'), cause: 'received' },
      { kind: 'pause', at: at('2026-02-13T10:00'), cause: 'waiting', reason: '等待用户提供报错截图' },
    ]);

    // Resumed after the holiday (Sat 14 Feb, an adjusted working day, fell inside the pause).
    const resumed = ticket('2026-02-13T09:30', [...steps, ['resume', '2026-02-24T11:00']]);
    const running = ticketClock(resumed, 'resolution', officeTwoHours, {
      calendar,
      now: at('2026-02-24T11:30'),
    });
    expect(running).toMatchObject({ state: 'running', elapsedMs: 60 * MINUTE_MS, fraction: 0.5 });
    expect(iso(running.deadline)).toBe('2026-02-24T12:30:00+08:00');
    expect(running.timeline.at(-1)).toEqual({ kind: 'resume', at: at('2026-02-24T11:00'), cause: 'resumed' });
  });

  it('stays breached when it ran out before the wait began', () => {
    const waiting = ticket('2026-03-10T09:00', [
      ['respond', '2026-03-10T09:01'],
      ['wait', '2026-03-10T09:20', '等待确认'],
    ]);
    const clock = ticketClock(waiting, 'resolution', tenMinutes, { calendar, now: at('2026-03-10T10:00') });
    expect(clock).toMatchObject({ state: 'paused', breached: true, elapsedMs: 20 * MINUTE_MS, fraction: 2 });
  });

  it('stops at resolve and continues from the reopen without counting the time between', () => {
    const steps: [TicketAction, string, string?][] = [
      ['respond', '2026-03-10T09:05'],
      ['resolve', '2026-03-10T10:00'],
    ];
    const resolved = ticket('2026-03-10T09:00', steps);
    expect(
      ticketClock(resolved, 'resolution', officeTwoHours, { calendar, now: at('2026-03-11T09:00') }),
    ).toMatchObject({
      state: 'met',
      elapsedMs: 60 * MINUTE_MS,
      stoppedAt: at('2026-03-10T10:00'),
      warning: false,
    });

    const reopened = ticket('2026-03-10T09:00', [
      ...steps,
      ['reopen', '2026-03-10T14:00', '用户反馈问题复现'],
    ]);
    const clock = ticketClock(reopened, 'resolution', officeTwoHours, {
      calendar,
      now: at('2026-03-10T14:45'),
    });
    expect(clock).toMatchObject({
      state: 'running',
      elapsedMs: 105 * MINUTE_MS,
      stoppedAt: null,
      warning: true,
    });
    expect(iso(clock.deadline)).toBe('2026-03-10T15:00:00+08:00');
    expect(clock.timeline.map((entry) => [entry.kind, entry.cause, entry.reason])).toEqual([
      ['start', 'received', undefined],
      ['stop', 'resolved', undefined],
      ['resume', 'reopened', '用户反馈问题复现'],
    ]);

    const resolvedLate = ticket('2026-03-10T09:00', [
      ...steps,
      ['reopen', '2026-03-10T14:00', '用户反馈问题复现'],
      ['resolve', '2026-03-10T15:30'],
    ]);
    expect(
      ticketClock(resolvedLate, 'resolution', officeTwoHours, { calendar, now: at('2026-03-11T09:00') }),
    ).toMatchObject({
      state: 'breached',
      breached: true,
      elapsedMs: 150 * MINUTE_MS,
    });
  });

  it('reads the timeline as of now, ignoring events recorded for later', () => {
    const resolved = ticket('2026-03-10T09:00', [
      ['respond', '2026-03-10T09:05'],
      ['resolve', '2026-03-10T10:00'],
    ]);
    expect(
      ticketClock(resolved, 'resolution', officeTwoHours, { calendar, now: at('2026-03-10T09:30') }),
    ).toMatchObject({
      state: 'running',
      elapsedMs: 30 * MINUTE_MS,
    });
  });
});

describe('working-day clocks', () => {
  const fifteen: TicketClockSpec = { workdays: 15 };

  it('agree with addWorkdays and do not count the day of receipt', () => {
    const received = ticket('2026-02-12T10:00');
    const sameDay = ticketClock(received, 'resolution', fifteen, { calendar, now: at('2026-02-12T23:00') });
    expect(sameDay.elapsedMs).toBe(0);
    expect(sameDay.deadline).toBe(addWorkdays(at('2026-02-12T10:00'), 15, calendar));
    // 13, 14 (调休), 24–28 Feb, 2–6 and 9–11 Mar: the 15th working day ends at 24:00 on 11 March.
    expect(iso(sameDay.deadline)).toBe('2026-03-12T00:00:00+08:00');
  });

  it('warn at 75% of the working days', () => {
    const received = ticket('2026-03-02T10:00');
    // Four working days from Tue 3 March: 3, 4, 5, 6 March.
    const clock = ticketClock(
      received,
      'resolution',
      { workdays: 4 },
      { calendar, now: at('2026-03-06T00:00') },
    );
    expect([clock.fraction, clock.warning]).toEqual([0.75, true]);
  });

  it('move by the working time a wait covered', () => {
    const waited = ticket('2026-03-02T10:00', [
      ['respond', '2026-03-02T10:05'],
      ['wait', '2026-03-04T00:00', '等待用户补充材料'],
      ['resume', '2026-03-05T00:00'],
    ]);
    const clock = ticketClock(
      waited,
      'resolution',
      { workdays: 4 },
      { calendar, now: at('2026-03-05T12:00') },
    );
    const pause = { start: at('2026-03-04T00:00'), end: at('2026-03-05T00:00') };
    expect(clock.deadline).toBe(addWorkdays(at('2026-03-02T10:00'), 4, calendar, [pause]));
    expect(iso(clock.deadline)).toBe('2026-03-10T00:00:00+08:00');
    expect(clock.elapsedMs).toBe(1.5 * 24 * 60 * MINUTE_MS);
  });
});

describe('ticketClockSpec', () => {
  it('turns a profile clock into a spec', () => {
    expect(ticketClockSpec({ clock: { minutes: 30 }, schedule: 'workday:09:00-17:30' })).toEqual(
      officeHalfHour,
    );
    expect(ticketClockSpec({ clock: { workdays: 15 }, schedule: undefined })).toEqual({ workdays: 15 });
  });

  it('refuses a minutes clock without a schedule, and bad numbers', () => {
    expect(() => ticketClockSpec({ clock: { minutes: 30 }, schedule: undefined })).toThrow(
      '30 分钟时限缺少服务时间，无法计时：请检查合同配置中的服务时间',
    );
    const received = ticket('2026-03-10T09:00');
    const now = at('2026-03-10T10:00');
    expect(() =>
      ticketClock(received, 'response', { minutes: 0, schedule: '24x7' }, { calendar, now }),
    ).toThrow('分钟时限应为正数，收到 0');
    expect(() => ticketClock(received, 'response', { workdays: 1.5 }, { calendar, now })).toThrow(
      '工作日时限应为正整数，收到 1.5',
    );
    expect(() =>
      ticketClock(received, 'response', { minutes: 10, schedule: 'weekdays' }, { calendar, now }),
    ).toThrow(/无法识别的服务时间/);
  });
});

describe('any timeline (property)', () => {
  const schedules = ['24x7', 'workday:09:00-17:30', 'daily:08:00-20:00'];

  it('reaches exactly 100% at its deadline, on time, and is breached a millisecond later', () => {
    const wait = fc.record({
      startMinutes: fc.integer({ min: 1, max: 3000 }),
      lengthMinutes: fc.integer({ min: 1, max: 3000 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * 24 * 200 }),
        fc.constantFrom(...schedules),
        fc.integer({ min: 1, max: 2000 }),
        fc.option(wait),
        (receivedOffset, schedule, minutes, maybeWait) => {
          const receivedAt = at('2026-01-05T00:00') + receivedOffset * MINUTE_MS;
          const steps: [TicketAction, string, string?][] = [['respond', formatInstant(receivedAt)]];
          if (maybeWait !== null) {
            const waitAt = receivedAt + maybeWait.startMinutes * MINUTE_MS;
            steps.push(['wait', formatInstant(waitAt), '等待']);
            steps.push(['resume', formatInstant(waitAt + maybeWait.lengthMinutes * MINUTE_MS)]);
          }
          const subject = ticket(formatInstant(receivedAt), steps);
          const spec = { minutes, schedule };
          const lastEvent = subject.events.at(-1)?.at ?? receivedAt;
          const first = ticketClock(subject, 'resolution', spec, { calendar, now: lastEvent });
          fc.pre(first.deadline !== null && first.deadline >= lastEvent);
          const deadline = first.deadline as number;
          const onTime = ticketClock(subject, 'resolution', spec, { calendar, now: deadline });
          expect(onTime).toMatchObject({ fraction: 1, breached: false, warning: true, state: 'running' });
          expect(ticketClock(subject, 'resolution', spec, { calendar, now: deadline + 1 }).breached).toBe(
            true,
          );
        },
      ),
    );
  });
});
