import { CalendarYearMissingError } from '@core/calendar';
import { findSlaClock, UnknownSubsystemError } from '@core/profile';
import type { Ticket } from '@core/records';
import { ticketClock, ticketClockProvisional, ticketClockSpec, type TicketClockKind } from '@core/sla';
import { NO_RUNNING_DEADLINE } from './row-types';
import type { SlaRules } from './sla-rules';

export interface TicketDeadline {
  /** The earliest deadline among running clocks; NO_RUNNING_DEADLINE when none runs. */
  readonly deadlineAt: number;
  readonly breached: 0 | 1;
}

const CLOCK_KINDS: readonly TicketClockKind[] = ['response', 'resolution'];

/**
 * The sort key and breach flag the list indexes, from the ticket's clocks as of `now` (the save).
 * A running clock's deadline only moves when the ticket changes (a pause, a reopen), which is a save,
 * so the stored key stays right between saves; a running clock that passes its deadline later is
 * found by `deadlineAt < now`, a stopped one that was late by `breached`.
 */
export function ticketDeadline(ticket: Ticket, rules: SlaRules, now: number): TicketDeadline {
  let deadlineAt = NO_RUNNING_DEADLINE;
  let breached: 0 | 1 = 0;
  if (ticket.deleted) return { deadlineAt, breached };
  for (const kind of CLOCK_KINDS) {
    const clock = clockOf(ticket, kind, rules, now);
    if (clock === undefined) continue;
    if (clock.breached) breached = 1;
    if (clock.state === 'running' && clock.deadline !== null)
      deadlineAt = Math.min(deadlineAt, clock.deadline);
  }
  return { deadlineAt, breached };
}

/** One clock's deadline as a history entry records it: null while paused or not timed. */
export interface ClockDeadline {
  readonly deadline: number | null;
  /** The deadline depends on a year whose notice is not published yet (暂定). */
  readonly provisional: boolean;
}

export type TicketClockDeadlines = Readonly<Record<TicketClockKind, ClockDeadline | null>>;

/**
 * Each clock's deadline and whether it is provisional, as of `now`: what changes for a ticket when a
 * year's notice arrives. A stopped clock keeps the deadline it had, so it is compared too.
 */
export function ticketClockDeadlines(ticket: Ticket, rules: SlaRules, now: number): TicketClockDeadlines {
  const deadlines: Record<TicketClockKind, ClockDeadline | null> = { response: null, resolution: null };
  if (ticket.deleted) return deadlines;
  for (const kind of CLOCK_KINDS) {
    const timed = timedClockOf(ticket, kind, rules, now);
    if (timed === undefined) continue;
    const { clock, spec } = timed;
    deadlines[kind] = {
      deadline: clock.deadline,
      provisional:
        ticketClockProvisional(spec, rules.calendar, ticket.receivedAt, clock.deadline ?? now) !== null,
    };
  }
  return deadlines;
}

function clockOf(ticket: Ticket, kind: TicketClockKind, rules: SlaRules, now: number) {
  return timedClockOf(ticket, kind, rules, now)?.clock;
}

function timedClockOf(ticket: Ticket, kind: TicketClockKind, rules: SlaRules, now: number) {
  try {
    const found = findSlaClock(rules.profile, ticket.subsystemId, ticket.category, ticket.severity, kind);
    if (found === undefined) return undefined;
    const spec = ticketClockSpec(found);
    return { spec, clock: ticketClock(ticket, kind, spec, { calendar: rules.calendar, now }) };
  } catch (error) {
    // A ticket must always save, even when the contract or the calendar cannot time it yet (a
    // subsystem the profile lacks, a year whose holiday notice is not loaded): it then has no sort
    // deadline, and the ticket view, which computes the clocks itself, shows the reason.
    if (error instanceof CalendarYearMissingError || error instanceof UnknownSubsystemError) return undefined;
    throw error;
  }
}
