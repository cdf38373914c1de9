import { CLOCK_KINDS, type ClockKind } from '../profile/sla-policy';
import type { TicketCategory } from '../records/classification';
import type { Ticket } from '../records/ticket';
import type { TicketClockState } from '../sla/ticket-clock';
import type { Instant } from '../time/shanghai-time';
import { type TicketFigureContext, clockOutcome, resolvedAt } from './ticket-clock-outcome';

/** One set clock of a ticket as of the digest's instant: what `clockOutcome` said of it. */
export interface ClockDigest {
  readonly state: TicketClockState;
  readonly breached: boolean;
  /** Null while paused (it depends on when the requester answers). */
  readonly deadline: Instant | null;
  readonly stoppedAt: Instant | null;
  readonly fraction: number;
  readonly remainingMs: number;
  readonly warning: boolean;
  /** The deadline depends on a year whose holiday notice is not yet published (暂定). */
  readonly provisional: boolean;
}

/**
 * What the contract-year figures need of a ticket (SLA compliance, the clock and target obligations,
 * open tickets by age), as of `asOf`: its clocks judged once, so that a year of tickets can be counted
 * without timing every clock again. Null for a clock the contract does not set for its category and
 * severity.
 */
export interface TicketDigest {
  readonly id: string;
  readonly title: string;
  readonly subsystemId: number;
  readonly category: TicketCategory;
  readonly deleted: boolean;
  readonly receivedAt: Instant;
  readonly resolvedAt: Instant | null;
  readonly clocks: Readonly<Record<ClockKind, ClockDigest | null>>;
  readonly asOf: Instant;
  /**
   * Nothing in it changes while time passes without a new event: no clock runs (a paused clock's used
   * time stands still, a stopped one is decided) and no event lies after `asOf`. Such a digest holds at
   * every later instant, so a store may keep it; any other must be taken again at the moment it is read.
   */
  readonly settled: boolean;
}

export function ticketDigest(ticket: Ticket, context: TicketFigureContext): TicketDigest {
  const clocks = {} as Record<ClockKind, ClockDigest | null>;
  let running = false;
  for (const kind of CLOCK_KINDS) {
    const outcome = clockOutcome(ticket, kind, context);
    if (!outcome.set) {
      clocks[kind] = null;
      continue;
    }
    const { status } = outcome;
    if (status.state === 'running') running = true;
    clocks[kind] = {
      state: status.state,
      breached: status.breached,
      deadline: status.deadline,
      stoppedAt: status.stoppedAt,
      fraction: status.fraction,
      remainingMs: status.remainingMs,
      warning: status.warning,
      provisional: outcome.provisional,
    };
  }
  const asOf = context.asOf;
  return {
    id: ticket.id,
    title: ticket.title,
    subsystemId: ticket.subsystemId,
    category: ticket.category,
    deleted: ticket.deleted,
    receivedAt: ticket.receivedAt,
    resolvedAt: resolvedAt(ticket, asOf),
    clocks,
    asOf,
    settled: !running && ticket.receivedAt <= asOf && ticket.events.every((event) => event.at <= asOf),
  };
}

export function ticketDigests(tickets: readonly Ticket[], context: TicketFigureContext): TicketDigest[] {
  return tickets.map((ticket) => ticketDigest(ticket, context));
}
