import { CLOCK_KIND_LABELS, CLOCK_KINDS, type ClockKind } from '../profile/sla-policy';
import { formatDateTime, formatDuration } from '../reports/format';
import type { ClockDigest, TicketDigest } from '../reports/ticket-digest';
import { endOfDate, startOfDate } from './dates';
import {
  type Obligation,
  type ObligationContext,
  type ObligationState,
  subsystemInScope,
} from './obligation';

/**
 * What the clock obligations of the year list: every one (`all`), or those that still need attention
 * (`attention`): a clock kept in time, or stopped after its deadline, is history; those are counted,
 * and of the late ones only the latest `LATEST_LATE_LISTED` are listed (the ones a page shows first).
 */
export type TicketClockListing = 'all' | 'attention';

/** Late stopped clocks listed under `attention`: more than a page lists of the most pressing. */
export const LATEST_LATE_LISTED = 50;

function stateOf(clock: ClockDigest): ObligationState {
  if (clock.breached) return 'broken';
  if (clock.state === 'met') return 'met';
  if (clock.deadline === null) return 'due';
  return clock.warning ? 'at_risk' : 'due';
}

/**
 * A ticket clock's obligation. Its title and sentence are written when first read: a contract year
 * has hundreds of thousands of clocks, of which a page shows a dozen.
 */
class TicketClockObligation implements Obligation {
  readonly kind = 'ticket_clock';
  readonly unitId = null;
  readonly clause = null;
  readonly id: string;
  readonly subsystemId: number;
  readonly dueAt: number | null;
  readonly recordIds: readonly string[];

  constructor(
    private readonly ticket: TicketDigest,
    private readonly clockKind: ClockKind,
    private readonly clock: ClockDigest,
    readonly state: ObligationState,
    private readonly subsystemName: string,
  ) {
    this.id = `ticket_clock:${ticket.id}:${clockKind}`;
    this.subsystemId = ticket.subsystemId;
    this.dueAt = clock.deadline;
    this.recordIds = [ticket.id];
  }

  get title(): string {
    return `${this.subsystemName}工单“${this.ticket.title}”${CLOCK_KIND_LABELS[this.clockKind]}时限`;
  }

  get detail(): string {
    const { clock } = this;
    const label = CLOCK_KIND_LABELS[this.clockKind];
    let detail: string;
    if (clock.breached) {
      detail =
        clock.stoppedAt === null
          ? `已超过时限 ${formatDuration(-clock.remainingMs)}，仍在计时`
          : `超过时限 ${formatDuration(-clock.remainingMs)} 后才${label}`;
    } else if (clock.state === 'met') {
      detail = `已在时限内${label}`;
    } else if (clock.deadline === null) {
      detail = `等待报告人答复，计时暂停；剩余 ${formatDuration(clock.remainingMs)}`;
    } else {
      detail = `已用时限的 ${Math.floor(clock.fraction * 100)}%，须在 ${formatDateTime(clock.deadline)} 前${label}`;
    }
    return clock.provisional ? `${detail}（时限跨越尚无节假日通知的年度，暂定）` : detail;
  }
}

/**
 * Each set clock (response, resolution) of each ticket received in the contract year up to `now`,
 * judged by the same `clockOutcome` the documents use (through the tickets' digests, taken at `now` or
 * settled before it): stopped in time → met; past its deadline, stopped or not → broken; 75 % of its
 * budget used → at risk; otherwise due at its deadline. `unlisted` counts, by state, the clocks the
 * listing left out.
 */
export function ticketClockObligations(
  tickets: readonly TicketDigest[],
  context: ObligationContext,
  listing: TicketClockListing = 'all',
): { readonly obligations: Obligation[]; readonly unlisted: { met: number; broken: number } } {
  const from = startOfDate(context.contractYear.from);
  const to = Math.min(endOfDate(context.contractYear.to), context.now + 1);
  const names = new Map(context.profile.subsystems.map((subsystem) => [subsystem.id, subsystem.shortName]));
  const found: Obligation[] = [];
  const late: Obligation[] = [];
  const unlisted = { met: 0, broken: 0 };
  for (const ticket of tickets) {
    if (ticket.deleted || ticket.receivedAt < from || ticket.receivedAt >= to) continue;
    if (!subsystemInScope(context.scope, ticket.subsystemId)) continue;
    const name = names.get(ticket.subsystemId) ?? `运维子项 ${ticket.subsystemId}`;
    for (const kind of CLOCK_KINDS) {
      const clock = ticket.clocks[kind];
      if (clock === null) continue;
      const state = stateOf(clock);
      if (listing === 'all' || (state !== 'met' && clock.stoppedAt === null)) {
        found.push(new TicketClockObligation(ticket, kind, clock, state, name));
      } else if (state === 'met') {
        unlisted.met += 1;
      } else {
        unlisted.broken += 1;
        keepLatest(
          late,
          clock.deadline ?? 0,
          () => new TicketClockObligation(ticket, kind, clock, state, name),
        );
      }
    }
  }
  unlisted.broken -= late.length;
  return { obligations: [...found, ...late], unlisted };
}

/** Keeps `list` at the LATEST_LATE_LISTED latest by due time, making an obligation only if it enters. */
function keepLatest(list: Obligation[], dueAt: number, make: () => Obligation): void {
  const last = list[list.length - 1];
  if (list.length === LATEST_LATE_LISTED && last !== undefined && (last.dueAt ?? 0) >= dueAt) return;
  let at = list.length;
  while (at > 0 && ((list[at - 1] as Obligation).dueAt ?? 0) < dueAt) at -= 1;
  list.splice(at, 0, make());
  if (list.length > LATEST_LATE_LISTED) list.pop();
}
