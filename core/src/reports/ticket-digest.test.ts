import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextAt, testTicket } from '../obligations/test-records';
import { TICKET_ACTIONS, TICKET_CATEGORIES } from '../records';
import { transition } from '../records/ticket-status';
import type { Ticket } from '../records/ticket';
import { MINUTE_MS, parseInstant } from '../time/shanghai-time';
import { ticketDigest } from './ticket-digest';

const { profile, calendar } = contextAt('2026-02-13 09:00');
const at = (asOf: number) => ({ profile, calendar, asOf });

/** A digest without its instant: what a figure reads of it. */
function judged(ticket: Ticket, asOf: number) {
  const { asOf: _taken, ...rest } = ticketDigest(ticket, at(asOf));
  return rest;
}

describe('ticketDigest', () => {
  it('takes a running clock as it stands and is not settled', () => {
    const ticket = testTicket({ receivedAt: parseInstant('2026-02-16 10:00') });
    const digest = ticketDigest(ticket, at(parseInstant('2026-02-16 10:08')));
    expect(digest.settled).toBe(false);
    expect(digest.clocks.response).toMatchObject({ state: 'running', warning: true, breached: false });
    expect(digest.clocks.response?.deadline).toBe(parseInstant('2026-02-16 10:10'));
    expect(digest.resolvedAt).toBeNull();
  });

  it('is settled once both clocks stopped, late or not', () => {
    const ticket = testTicket({ receivedAt: parseInstant('2026-02-16 10:00') }, [
      ['respond', '2026-02-16 10:25'],
      ['resolve', '2026-02-16 11:00'],
    ]);
    const digest = ticketDigest(ticket, at(parseInstant('2026-02-16 12:00')));
    expect(digest.settled).toBe(true);
    expect(digest.clocks.response).toMatchObject({ state: 'breached', breached: true });
    expect(digest.clocks.resolution).toMatchObject({ state: 'met', breached: false });
    expect(digest.resolvedAt).toBe(parseInstant('2026-02-16 11:00'));
  });

  it('is settled while waiting on the requester: a paused clock uses no time', () => {
    const ticket = testTicket({ receivedAt: parseInstant('2026-02-16 10:00') }, [
      ['respond', '2026-02-16 10:05'],
      ['wait', '2026-02-16 10:30', '等待截图'],
    ]);
    const digest = ticketDigest(ticket, at(parseInstant('2026-02-16 15:00')));
    expect(digest.settled).toBe(true);
    expect(digest.clocks.resolution).toMatchObject({ state: 'paused', deadline: null, breached: false });
  });

  it('is not settled while an event lies after its instant', () => {
    const ticket = testTicket({ receivedAt: parseInstant('2026-02-16 10:00') }, [
      ['respond', '2026-02-16 10:05'],
      ['resolve', '2026-02-16 10:30'],
    ]);
    expect(ticketDigest(ticket, at(parseInstant('2026-02-16 10:20'))).settled).toBe(false);
  });

  it('a settled digest says at any later instant what a digest taken then says (property)', () => {
    const step = fc.record({
      action: fc.constantFrom(...TICKET_ACTIONS),
      minutes: fc.integer({ min: 0, max: 3 * 24 * 60 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 * 24 * 60 }),
        fc.constantFrom(1, 5, 10),
        fc.constantFrom(...TICKET_CATEGORIES),
        fc.array(step, { maxLength: 12 }),
        fc.integer({ min: 0, max: 30 * 24 * 60 }),
        fc.integer({ min: 1, max: 400 * 24 * 60 }),
        (startMinute, subsystemId, category, steps, takenAfter, laterBy) => {
          const receivedAt = parseInstant('2026-01-20 00:00') + startMinute * MINUTE_MS;
          let ticket = testTicket({ receivedAt, subsystemId, category });
          let now = receivedAt;
          for (const { action, minutes } of steps) {
            now += minutes * MINUTE_MS;
            const result = transition(ticket, action, {
              actor: 'lisi',
              at: now,
              reason: '原因',
              note: '说明',
            });
            if (result.ok) ticket = result.ticket;
          }
          const taken = now + takenAfter * MINUTE_MS;
          const digest = ticketDigest(ticket, at(taken));
          const running = Object.values(digest.clocks).some((clock) => clock?.state === 'running');
          expect(digest.settled).toBe(!running);
          if (!digest.settled) return;
          expect(judged(ticket, taken + laterBy * MINUTE_MS)).toEqual(judged(ticket, taken));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('marks a clock whose deadline falls in a year without a holiday notice 暂定', () => {
    const ticket = testTicket({ receivedAt: parseInstant('2027-12-31 17:20'), subsystemId: 1 });
    const digest = ticketDigest(ticket, at(parseInstant('2027-12-31 17:21')));
    expect(digest.clocks.resolution?.provisional).toBe(true);
    expect(digest.settled).toBe(false);
  });
});
