import type { Ticket } from '@core/records';
import { ticketSearchTokens } from '@core/search';
import type { TicketRow } from './row-types';
import type { SlaRules } from './sla-rules';
import { ticketDeadline } from './ticket-deadline';

/** The row stored for a ticket: the record plus what the list's indexes need. */
export function ticketRow(ticket: Ticket, rules: SlaRules, now: number): TicketRow {
  const { deadlineAt, breached } = ticketDeadline(ticket, rules, now);
  return {
    id: ticket.id,
    record: ticket,
    subsystemId: ticket.subsystemId,
    status: ticket.status,
    severity: ticket.severity,
    assignee: ticket.assignee ?? '',
    receivedAt: ticket.receivedAt,
    updatedAt: ticket.updatedAt,
    deadlineAt,
    breached,
    tokens: ticketSearchTokens(ticket),
  };
}
