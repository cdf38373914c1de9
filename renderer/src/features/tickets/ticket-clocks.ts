import { CalendarYearMissingError, type ProvisionalNote, type WorkingCalendar } from '@core/calendar';
import {
  type ContractProfile,
  type FoundSlaClock,
  UnknownSubsystemError,
  describeMissingSlaClock,
  findSlaClock,
  formatClockDuration,
} from '@core/profile';
import type { Ticket } from '@core/records';
import {
  type TicketClockKind,
  type TicketClockStatus,
  describeSchedule,
  scheduleFromText,
  ticketClock,
  ticketClockProvisional,
  ticketClockSpec,
} from '@core/sla';

/** What the clocks are computed from: the contract profile in force and the working calendar. */
export interface ClockRules {
  readonly profile: ContractProfile;
  readonly calendar: WorkingCalendar;
}

export type TicketClockResult =
  | {
      readonly kind: 'timed';
      readonly status: TicketClockStatus;
      /** The contract's budget and when it runs, e.g. "30 分钟（工作日 09:00–17:30）", "15 个工作日". */
      readonly budget: string;
      /** The contract clause it comes from, when the profile quotes it. */
      readonly clause: string | undefined;
      readonly source: FoundSlaClock['source'];
      /** Set when the deadline depends on a year whose holiday notice is not yet published (暂定). */
      readonly provisional: ProvisionalNote | null;
    }
  /** The contract sets no such clock, or it cannot be timed; `reason` says which. */
  | { readonly kind: 'untimed'; readonly reason: string };

export interface TicketClocks {
  readonly response: TicketClockResult;
  readonly resolution: TicketClockResult;
}

export const CLOCK_KIND_ORDER: readonly TicketClockKind[] = ['response', 'resolution'];

/** Both SLA clocks of a ticket as of `now`, each timed by the contract or with the reason it is not. */
export function computeTicketClocks(ticket: Ticket, rules: ClockRules, now: number): TicketClocks {
  return {
    response: computeClock(ticket, 'response', rules, now),
    resolution: computeClock(ticket, 'resolution', rules, now),
  };
}

function computeClock(
  ticket: Ticket,
  kind: TicketClockKind,
  rules: ClockRules,
  now: number,
): TicketClockResult {
  try {
    const { profile } = rules;
    const found = findSlaClock(profile, ticket.subsystemId, ticket.category, ticket.severity, kind);
    if (found === undefined) {
      return {
        kind: 'untimed',
        reason: describeMissingSlaClock(profile, ticket.subsystemId, ticket.category, ticket.severity, kind),
      };
    }
    const spec = ticketClockSpec(found);
    const status = ticketClock(ticket, kind, spec, { calendar: rules.calendar, now });
    return {
      kind: 'timed',
      status,
      budget: budgetText(found),
      clause: found.clock.clause,
      source: found.source,
      provisional: ticketClockProvisional(spec, rules.calendar, ticket.receivedAt, status.deadline ?? now),
    };
  } catch (error) {
    // The ticket is still shown; the clock says why it cannot be timed (a year whose holiday notice is
    // not loaded yet, a subsystem the profile lacks). Anything else is a bug and propagates.
    if (error instanceof CalendarYearMissingError || error instanceof UnknownSubsystemError) {
      return { kind: 'untimed', reason: `无法计时：${error.message}` };
    }
    throw error;
  }
}

/** The clock that matters most for a list row: a breached, then warning, then running clock. */
export function mostUrgentClock(clocks: TicketClocks): TicketClockResult {
  const timed = CLOCK_KIND_ORDER.map((kind) => clocks[kind]).filter(
    (clock): clock is Extract<TicketClockResult, { kind: 'timed' }> => clock.kind === 'timed',
  );
  const open = timed.filter((clock) => clock.status.stoppedAt === null);
  const rank = (clock: (typeof timed)[number]): number =>
    clock.status.breached ? 0 : clock.status.warning ? 1 : clock.status.state === 'running' ? 2 : 3;
  const candidates = open.length > 0 ? open : timed;
  const sorted = [...candidates].sort(
    (a, b) => rank(a) - rank(b) || a.status.remainingMs - b.status.remainingMs,
  );
  return sorted[0] ?? clocks.response;
}

function budgetText(found: FoundSlaClock): string {
  const duration = formatClockDuration(found.clock, found.schedule);
  return found.schedule === undefined
    ? duration
    : `${duration}（${describeSchedule(scheduleFromText(found.schedule))}）`;
}
