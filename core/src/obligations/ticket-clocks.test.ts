import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '../time/shanghai-time';
import { type Obligation, STATE_RANK } from './obligation';
import { contextAt, digestsAt, testTicket } from './test-records';
import { ticketClockObligations } from './ticket-clocks';
import type { ObligationContext } from './obligation';
import type { Ticket } from '../records/ticket';

function clocksAt(tickets: readonly Ticket[], context: ObligationContext): Obligation[] {
  return ticketClockObligations(digestsAt(tickets, context), context).obligations;
}

/*
 * Subsystem 5 (网站群): faults answered within 10 minutes and resolved within 2 hours, round the clock.
 * Subsystem 1 (互联网+人社): resolved within 30 minutes of its 09:00–17:30 working-day schedule. The
 * 2026 Spring Festival holiday runs 02-15…02-23; Saturday 02-14 is a 调休 working day.
 */
const onHoliday = testTicket({ receivedAt: parseInstant('2026-02-16 10:00') });

function clock(obligations: readonly Obligation[], kind: 'response' | 'resolution'): Obligation {
  const found = obligations.find((obligation) => obligation.id.endsWith(`:${kind}`));
  if (found === undefined) throw new Error(`no ${kind} clock`);
  return found;
}

describe('ticketClockObligations: each set clock of each ticket of the year', () => {
  it.each([
    // now, response state, resolution state
    ['2026-02-16 10:05', 'due', 'due'], // 5 of 10 minutes: 50 %
    ['2026-02-16 10:08', 'at_risk', 'due'], // 8 of 10 minutes: 80 % ≥ 75 %
    ['2026-02-16 10:11', 'broken', 'due'], // one minute past 10:10
    ['2026-02-16 11:35', 'broken', 'at_risk'], // 95 of 120 minutes: 79 %
    ['2026-02-16 12:01', 'broken', 'broken'], // past 12:00
  ] as const)(
    'an unanswered holiday fault at %s: response %s, resolution %s',
    (now, response, resolution) => {
      const obligations = clocksAt([onHoliday], contextAt(now));
      expect(clock(obligations, 'response').state).toBe(response);
      expect(clock(obligations, 'resolution').state).toBe(resolution);
    },
  );

  it('is due at the clock’s deadline and proves itself with the ticket', () => {
    const response = clock(clocksAt([onHoliday], contextAt('2026-02-16 10:05')), 'response');
    expect(response.dueAt).toBe(parseInstant('2026-02-16 10:10'));
    expect(response.recordIds).toEqual([onHoliday.id]);
    expect(response.subsystemId).toBe(5);
    expect(response.title).toBe('网站群工单“网站首页无法打开”响应时限');
  });

  it('is met once the clocks stopped in time, broken when one stopped late', () => {
    const inTime = testTicket({ receivedAt: parseInstant('2026-02-16 10:00') }, [
      ['respond', '2026-02-16 10:05'],
      ['resolve', '2026-02-16 11:00'],
    ]);
    const late = testTicket({ receivedAt: parseInstant('2026-02-16 10:00') }, [
      ['respond', '2026-02-16 10:25'],
      ['resolve', '2026-02-16 11:00'],
    ]);
    const obligations = clocksAt([inTime, late], contextAt('2026-02-16 12:30'));
    expect(obligations.map((obligation) => [obligation.id.split(':')[1], obligation.state])).toEqual([
      [inTime.id, 'met'],
      [inTime.id, 'met'],
      [late.id, 'broken'],
      [late.id, 'met'],
    ]);
    expect(clock(obligations.slice(2), 'response').detail).toBe('超过时限 15 分钟 后才响应');
  });

  it('runs a working-day clock over the 调休 Saturday and not over the holiday', () => {
    // Subsystem 1, received Saturday 02-14 17:20: 10 working minutes that day, then nothing until
    // Tuesday 02-24 09:00, so the 30 minutes end at 02-24 09:20.
    const ticket = testTicket({ subsystemId: 1, receivedAt: parseInstant('2026-02-14 17:20') });
    const resolution = clock(clocksAt([ticket], contextAt('2026-02-20 12:00')), 'resolution');
    expect(resolution.state).toBe('due');
    expect(resolution.dueAt).toBe(parseInstant('2026-02-24 09:20'));
    expect(resolution.detail).toBe('已用时限的 33%，须在 2026-02-24 09:20 前解决');
  });

  it('leaves out deleted tickets, tickets of another year, later tickets and other subsystems', () => {
    const deleted = { ...onHoliday, id: '00000000-0000-4000-8000-00000000ffff', deleted: true };
    const lastYear = testTicket({ receivedAt: parseInstant('2025-12-31 10:00') });
    const later = testTicket({ receivedAt: parseInstant('2026-02-17 10:00') });
    const now = '2026-02-16 10:05';
    expect(clocksAt([deleted, lastYear, later], contextAt(now))).toEqual([]);
    const engineerOfOne = contextAt(now, { scope: { subsystemIds: [1], unitIds: null } });
    expect(clocksAt([onHoliday], engineerOfOne)).toEqual([]);
  });

  it('sets no obligation for a clock the contract does not set', () => {
    // Subsystem 12 sets no clocks; the contract's own are for faults and security reports only.
    const consultation = testTicket({
      subsystemId: 12,
      category: 'consultation',
      receivedAt: parseInstant('2026-03-02 10:00'),
    });
    expect(clocksAt([consultation], contextAt('2026-03-02 10:05'))).toEqual([]);
  });
});

describe('ticketClockObligations for attention', () => {
  it('counts what it leaves out and lists the same first dozen as the full listing (property)', () => {
    const ticketArb = fc.record({
      minute: fc.integer({ min: 0, max: 300 * 24 * 60 }),
      subsystemId: fc.constantFrom(1, 5, 10),
      respondAfter: fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }),
      resolveAfter: fc.option(fc.integer({ min: 1, max: 3000 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(ticketArb, { maxLength: 120 }), (drawn) => {
        const context = contextAt('2026-11-20 10:00');
        const tickets = drawn.map(({ minute, subsystemId, respondAfter, resolveAfter }) => {
          const receivedAt = parseInstant('2026-01-02 00:00') + minute * 60_000;
          const steps: ['respond' | 'resolve', string][] = [];
          const clock = (after: number) => formatInstant(receivedAt + after * 60_000).replace('T', ' ');
          if (respondAfter !== null) {
            steps.push(['respond', clock(respondAfter)]);
            if (resolveAfter !== null) steps.push(['resolve', clock(respondAfter + resolveAfter)]);
          }
          return testTicket(
            { receivedAt, subsystemId },
            steps.filter(([, at]) => parseInstant(at) <= context.now),
          );
        });
        const digests = digestsAt(tickets, context);
        const all = ticketClockObligations(digests, context, 'all').obligations;
        const attention = ticketClockObligations(digests, context, 'attention');
        const count = (list: readonly Obligation[], state: string) =>
          list.filter((obligation) => obligation.state === state).length;
        expect(count(attention.obligations, 'met') + attention.unlisted.met).toBe(count(all, 'met'));
        expect(count(attention.obligations, 'broken') + attention.unlisted.broken).toBe(count(all, 'broken'));
        for (const state of ['due', 'at_risk'] as const) {
          expect(count(attention.obligations, state)).toBe(count(all, state));
        }
        const first = (list: readonly Obligation[]) =>
          list
            .filter((obligation) => obligation.state !== 'met' && obligation.state !== 'due')
            .sort(
              (a, b) =>
                STATE_RANK[a.state] - STATE_RANK[b.state] ||
                (b.dueAt ?? 0) - (a.dueAt ?? 0) ||
                (a.id < b.id ? -1 : 1),
            )
            .slice(0, 12)
            .map((obligation) => [obligation.state, obligation.dueAt]);
        expect(first(attention.obligations)).toEqual(first(all));
      }),
      { numRuns: 60 },
    );
  });
});
