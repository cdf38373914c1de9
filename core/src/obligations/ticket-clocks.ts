import { CLOCK_KIND_LABELS, CLOCK_KINDS } from '../profile/sla-policy';
import { formatDateTime, formatDuration } from '../reports/format';
import type { TicketDigest } from '../reports/ticket-digest';
import { endOfDate, startOfDate } from './dates';
import {
  type Obligation,
  type ObligationContext,
  type ObligationState,
  subsystemInScope,
} from './obligation';

/**
 * Each set clock (response, resolution) of each ticket received in the contract year up to `now`,
 * judged by the same `clockOutcome` the documents use (through the tickets' digests, taken at `now` or
 * settled before it): stopped in time → met; past its deadline, stopped or not → broken; 75 % of its
 * budget used → at risk; otherwise due at its deadline.
 */
export function ticketClockObligations(
  tickets: readonly TicketDigest[],
  context: ObligationContext,
): Obligation[] {
  const from = startOfDate(context.contractYear.from);
  const to = Math.min(endOfDate(context.contractYear.to), context.now + 1);
  const names = new Map(context.profile.subsystems.map((subsystem) => [subsystem.id, subsystem.shortName]));
  const found: Obligation[] = [];
  for (const ticket of tickets) {
    if (ticket.deleted || ticket.receivedAt < from || ticket.receivedAt >= to) continue;
    if (!subsystemInScope(context.scope, ticket.subsystemId)) continue;
    for (const kind of CLOCK_KINDS) {
      const status = ticket.clocks[kind];
      if (status === null) continue;
      let state: ObligationState;
      let detail: string;
      if (status.breached) {
        state = 'broken';
        detail =
          status.stoppedAt === null
            ? `已超过时限 ${formatDuration(-status.remainingMs)}，仍在计时`
            : `超过时限 ${formatDuration(-status.remainingMs)} 后才${CLOCK_KIND_LABELS[kind]}`;
      } else if (status.state === 'met') {
        state = 'met';
        detail = `已在时限内${CLOCK_KIND_LABELS[kind]}`;
      } else if (status.deadline === null) {
        state = 'due';
        detail = `等待报告人答复，计时暂停；剩余 ${formatDuration(status.remainingMs)}`;
      } else {
        state = status.warning ? 'at_risk' : 'due';
        detail = `已用时限的 ${Math.floor(status.fraction * 100)}%，须在 ${formatDateTime(status.deadline)} 前${CLOCK_KIND_LABELS[kind]}`;
      }
      found.push({
        id: `ticket_clock:${ticket.id}:${kind}`,
        kind: 'ticket_clock',
        subsystemId: ticket.subsystemId,
        unitId: null,
        title: `${names.get(ticket.subsystemId) ?? `运维子项 ${ticket.subsystemId}`}工单“${ticket.title}”${CLOCK_KIND_LABELS[kind]}时限`,
        state,
        dueAt: status.deadline,
        detail: status.provisional ? `${detail}（时限跨越尚无节假日通知的年度，暂定）` : detail,
        recordIds: [ticket.id],
        clause: null,
      });
    }
  }
  return found;
}
