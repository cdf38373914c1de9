import { CLOCK_KIND_LABELS, CLOCK_KINDS, type ClockKind } from '../profile/sla-policy';
import { findSlaClock, findSubsystem } from '../profile/find-sla-clock';
import type { Ticket } from '../records/ticket';
import { formatDateTime } from '../reports/format';
import { clockOutcome } from '../reports/ticket-figures';
import { WARNING_FRACTION, ticketClock, ticketClockSpec } from '../sla/ticket-clock';
import type { Instant } from '../time/shanghai-time';
import { type Reminder, type ReminderContext, type ReminderRecords } from './reminder';

/**
 * The running (or paused) clocks of the tickets the user holds (assignee) that have used 75 % of their
 * budget, and those past their deadline: once at 75 %, once at the breach. A clock judged the way the
 * documents and the obligations judge it (`clockOutcome`).
 */
export function ticketClockReminders(records: ReminderRecords, context: ReminderContext): Reminder[] {
  const { now, profile, calendar } = context;
  const figureContext = { profile, calendar, asOf: now };
  const found: Reminder[] = [];
  for (const ticket of records.tickets) {
    if (ticket.deleted || ticket.assignee !== context.user.id) continue;
    for (const kind of CLOCK_KINDS) {
      const outcome = clockOutcome(ticket, kind, figureContext);
      if (!outcome.set) continue;
      const { status } = outcome;
      if (status.stoppedAt !== null || !status.warning) continue;
      const subsystem = findSubsystem(profile, ticket.subsystemId);
      const label = CLOCK_KIND_LABELS[kind];
      if (status.breached) {
        const pausedAt = [...status.timeline].reverse().find((entry) => entry.kind === 'pause')?.at;
        found.push({
          cause: `ticket_clock:breach:${ticket.id}:${kind}`,
          kind: 'ticket_clock',
          title: `工单已超时：${ticket.title}`,
          body: `${subsystem.shortName}工单的${label}时限${status.deadline === null ? '已过' : `已于 ${formatDateTime(status.deadline)} 到期`}，尚未${label}`,
          link: `/tickets/${ticket.id}`,
          firesAt: status.deadline ?? pausedAt ?? now,
        });
      } else {
        found.push({
          cause: `ticket_clock:75:${ticket.id}:${kind}`,
          kind: 'ticket_clock',
          title: `工单时限已用 ${Math.floor(status.fraction * 100)}%：${ticket.title}`,
          body:
            status.deadline === null
              ? `${subsystem.shortName}工单等待报告人答复，计时暂停；恢复后须尽快${label}`
              : `${subsystem.shortName}工单须在 ${formatDateTime(status.deadline)} 前${label}`,
          link: `/tickets/${ticket.id}`,
          firesAt: warnedAt(ticket, kind, context) ?? now,
        });
      }
    }
  }
  return found;
}

/**
 * The instant the clock reached 75 % of its budget. The used share only grows with time, so it is
 * found by halving the span from the report to now with the clock's own rules, rather than by
 * restating them (pauses, the working calendar, the day of receipt not counted).
 */
function warnedAt(ticket: Ticket, kind: ClockKind, context: ReminderContext): Instant | undefined {
  const found = findSlaClock(context.profile, ticket.subsystemId, ticket.category, ticket.severity, kind);
  if (found === undefined) return undefined;
  const spec = ticketClockSpec(found);
  const reached = (at: Instant) =>
    ticketClock(ticket, kind, spec, { calendar: context.calendar, now: at }).fraction >= WARNING_FRACTION;
  let before = ticket.receivedAt;
  let after = context.now;
  while (after - before > 1) {
    const middle = before + Math.floor((after - before) / 2);
    if (reached(middle)) after = middle;
    else before = middle;
  }
  return after;
}
