import type { WorkingCalendar } from '../calendar/working-calendar';
import { type ContractProfile, findSlaClock } from '../profile';
import { CLOCK_KINDS, type ClockKind } from '../profile/sla-policy';
import {
  TICKET_CATEGORIES,
  TICKET_CATEGORY_LABELS,
  TICKET_SEVERITIES,
  TICKET_SEVERITY_LABELS,
} from '../records/classification';
import { TICKET_CHANNELS, TICKET_CHANNEL_LABELS, type Ticket } from '../records/ticket';
import { ticketClockProvisional } from '../sla/provisional-clock';
import { type TicketClockStatus, ticketClock, ticketClockSpec } from '../sla/ticket-clock';
import type { Instant } from '../time/shanghai-time';
import { type ReportPeriod, type ReportScope, inPeriod, inScope } from './period';

/** What every ticket figure needs besides the tickets: the contract, the calendar and the cut-off. */
export interface TicketFigureContext {
  readonly profile: ContractProfile;
  readonly calendar: WorkingCalendar;
  /** Events after this instant are not yet history: a report is as of a moment, so it can be redone. */
  readonly asOf: Instant;
}

/** The tickets a document counts: received in the period, on a subsystem in scope, not deleted. */
export function ticketsInPeriod(
  tickets: readonly Ticket[],
  period: ReportPeriod,
  scope: ReportScope,
): Ticket[] {
  return tickets
    .filter(
      (ticket) =>
        !ticket.deleted && inScope(scope, ticket.subsystemId) && inPeriod(period, ticket.receivedAt),
    )
    .sort((a, b) => a.receivedAt - b.receivedAt || a.id.localeCompare(b.id));
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

export interface ResolutionRate {
  readonly received: number;
  readonly resolved: number;
  /** resolved / received; null when nothing was received. */
  readonly rate: number | null;
}

export function resolutionRate(tickets: readonly Ticket[], asOf: Instant): ResolutionRate {
  const resolved = tickets.filter((ticket) => resolvedAt(ticket, asOf) !== null).length;
  return {
    received: tickets.length,
    resolved,
    rate: tickets.length === 0 ? null : resolved / tickets.length,
  };
}

export interface MeanTimeToResolve {
  /** How many resolved tickets the mean is over. */
  readonly resolved: number;
  /** Mean time from receipt to resolution, in natural (wall-clock) milliseconds; null when none. */
  readonly meanMs: number | null;
}

/** MTTR over the tickets resolved as of `asOf`, in natural time (what the purchaser experiences). */
export function meanTimeToResolve(tickets: readonly Ticket[], asOf: Instant): MeanTimeToResolve {
  const durations = tickets.flatMap((ticket) => {
    const at = resolvedAt(ticket, asOf);
    return at === null ? [] : [at - ticket.receivedAt];
  });
  const total = durations.reduce((sum, duration) => sum + duration, 0);
  return { resolved: durations.length, meanMs: durations.length === 0 ? null : total / durations.length };
}

export interface CountRow<Key extends string> {
  readonly key: Key;
  readonly label: string;
  readonly count: number;
}

function countBy<Key extends string>(
  tickets: readonly Ticket[],
  keys: readonly Key[],
  labels: Readonly<Record<Key, string>>,
  keyOf: (ticket: Ticket) => Key,
): CountRow<Key>[] {
  return keys.map((key) => ({
    key,
    label: labels[key],
    count: tickets.filter((ticket) => keyOf(ticket) === key).length,
  }));
}

/** Every channel, category or severity in the lists' order, zeros included, so tables keep their shape. */
export function ticketsByChannel(tickets: readonly Ticket[]) {
  return countBy(tickets, TICKET_CHANNELS, TICKET_CHANNEL_LABELS, (ticket) => ticket.channel);
}

export function ticketsByCategory(tickets: readonly Ticket[]) {
  return countBy(tickets, TICKET_CATEGORIES, TICKET_CATEGORY_LABELS, (ticket) => ticket.category);
}

export function ticketsBySeverity(tickets: readonly Ticket[]) {
  return countBy(tickets, TICKET_SEVERITIES, TICKET_SEVERITY_LABELS, (ticket) => ticket.severity);
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
  const until = status.deadline ?? context.asOf;
  const provisional = ticketClockProvisional(spec, context.calendar, ticket.receivedAt, until) !== null;
  return { kind, set: true, status, provisional };
}

export interface ClockCompliance {
  readonly subsystemId: number;
  readonly kind: ClockKind;
  /** Stopped within the contract's clock (responded / resolved in time). */
  readonly met: number;
  /** Stopped late, or still running past the deadline. */
  readonly breached: number;
  /** Still running or paused, within the deadline so far. */
  readonly pending: number;
  /** Tickets of a category and severity for which the contract sets no such clock. */
  readonly notSet: number;
  /** met / (met + breached); null when no clock has been decided yet. */
  readonly rate: number | null;
}

/**
 * SLA compliance per subsystem (in scope order, then by id) and per clock (response, resolution).
 * Pauses (waiting on the requester, the span between resolve and reopen) are the clock's own rules.
 */
export function slaCompliance(tickets: readonly Ticket[], context: TicketFigureContext): ClockCompliance[] {
  const subsystemIds = [...new Set(tickets.map((ticket) => ticket.subsystemId))].sort((a, b) => a - b);
  return subsystemIds.flatMap((subsystemId) => {
    const own = tickets.filter((ticket) => ticket.subsystemId === subsystemId);
    return CLOCK_KINDS.map((kind) => {
      let met = 0;
      let breached = 0;
      let pending = 0;
      let notSet = 0;
      for (const ticket of own) {
        const outcome = clockOutcome(ticket, kind, context);
        if (!outcome.set) notSet += 1;
        else if (outcome.status.breached) breached += 1;
        else if (outcome.status.state === 'met') met += 1;
        else pending += 1;
      }
      const decided = met + breached;
      return {
        subsystemId,
        kind,
        met,
        breached,
        pending,
        notSet,
        rate: decided === 0 ? null : met / decided,
      };
    });
  });
}

/** Sums compliance rows over subsystems: one row per clock for the whole scope. */
export function overallCompliance(rows: readonly ClockCompliance[]): Omit<ClockCompliance, 'subsystemId'>[] {
  return CLOCK_KINDS.map((kind) => {
    const own = rows.filter((row) => row.kind === kind);
    const sum = (pick: (row: ClockCompliance) => number) => own.reduce((total, row) => total + pick(row), 0);
    const met = sum((row) => row.met);
    const breached = sum((row) => row.breached);
    return {
      kind,
      met,
      breached,
      pending: sum((row) => row.pending),
      notSet: sum((row) => row.notSet),
      rate: met + breached === 0 ? null : met / (met + breached),
    };
  });
}

export interface SlaBreach {
  readonly ticket: Ticket;
  readonly kind: ClockKind;
  /** The deadline the clock had (null while paused past it: it depends on when the requester answers). */
  readonly deadline: Instant | null;
  /** Running time beyond the budget, in milliseconds of the contract's schedule. */
  readonly overrunMs: number;
  /** Whether the clock has stopped (late) or is still running past its deadline. */
  readonly stopped: boolean;
  /** The ticket's root-cause analysis and its reopening reasons, as recorded; empty when none was. */
  readonly reasons: readonly string[];
}

/** Every breached clock, in ticket order, response before resolution. */
export function slaBreaches(tickets: readonly Ticket[], context: TicketFigureContext): SlaBreach[] {
  return tickets.flatMap((ticket) =>
    CLOCK_KINDS.flatMap((kind): SlaBreach[] => {
      const outcome = clockOutcome(ticket, kind, context);
      if (!outcome.set || !outcome.status.breached) return [];
      const { status } = outcome;
      return [
        {
          ticket,
          kind,
          deadline: status.deadline,
          overrunMs: Math.max(0, -status.remainingMs),
          stopped: status.stoppedAt !== null,
          reasons: breachReasons(ticket, context.asOf),
        },
      ];
    }),
  );
}

function breachReasons(ticket: Ticket, asOf: Instant): string[] {
  const reasons: string[] = [];
  if (ticket.rootCause.trim() !== '') reasons.push(`原因分析：${ticket.rootCause.trim()}`);
  for (const event of ticket.events) {
    if (event.kind === 'reopened' && event.at <= asOf) reasons.push(`重新打开：${event.reason}`);
  }
  return reasons;
}
