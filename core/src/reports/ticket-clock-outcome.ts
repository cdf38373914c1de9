import type { WorkingCalendar } from '../calendar/working-calendar';
import { type ContractProfile, findSlaClock } from '../profile';
import type { ClockKind } from '../profile/sla-policy';
import type { Ticket } from '../records/ticket';
import { ticketClockProvisional } from '../sla/provisional-clock';
import { type TicketClockStatus, ticketClock, ticketClockSpec } from '../sla/ticket-clock';
import type { Instant } from '../time/shanghai-time';

/** What every ticket figure needs besides the tickets: the contract, the calendar and the cut-off. */
export interface TicketFigureContext {
  readonly profile: ContractProfile;
  readonly calendar: WorkingCalendar;
  /** Events after this instant are not yet history: a report is as of a moment, so it can be redone. */
  readonly asOf: Instant;
}

/**
 * When the ticket was last resolved as of `asOf`: the first `resolved` or `closed` after the last
 * `reopened`, or null while it is still open.
 */
export function resolvedAt(ticket: Pick<Ticket, 'events'>, asOf: Instant): Instant | null {
  let at: Instant | null = null;
  for (const event of ticket.events) {
    if (event.at > asOf) continue;
    if ((event.kind === 'resolved' || event.kind === 'closed') && at === null) at = event.at;
    if (event.kind === 'reopened') at = null;
  }
  return at;
}

/** One clock of one ticket: either the contract sets it and it has a status, or it does not. */
export type ClockOutcome =
  | {
      readonly kind: ClockKind;
      readonly set: true;
      readonly status: TicketClockStatus;
      /** The deadline depends on a year whose holiday notice is not yet published (暂定). */
      readonly provisional: boolean;
    }
  | { readonly kind: ClockKind; readonly set: false };

export function clockOutcome(ticket: Ticket, kind: ClockKind, context: TicketFigureContext): ClockOutcome {
  const found = findSlaClock(context.profile, ticket.subsystemId, ticket.category, ticket.severity, kind);
  if (found === undefined) return { kind, set: false };
  const spec = ticketClockSpec(found);
  const status = ticketClock(ticket, kind, spec, { calendar: context.calendar, now: context.asOf });
  // A paused clock has no deadline: what it has counted so far ends where it paused, not at `asOf`,
  // so a wait over New Year's Day does not turn 暂定 while nobody touches the ticket.
  const until = status.deadline ?? status.timeline.at(-1)?.at ?? context.asOf;
  const provisional = ticketClockProvisional(spec, context.calendar, ticket.receivedAt, until) !== null;
  return { kind, set: true, status, provisional };
}
