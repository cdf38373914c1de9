import type { Ticket } from '@core/records';
import { ticketSearchTokens } from '@core/search';
import type { ServerClocks, TicketRow } from './row-types';
import type { SlaRules } from './sla-rules';
import { ticketDeadline } from './ticket-deadline';

/**
 * The row stored for a ticket: the record plus what the list's indexes need, and the server's clocks
 * when the row holds them (a pull of a ticket exactly as the server has it; row-types.ts).
 */
export function ticketRow(
  ticket: Ticket,
  rules: SlaRules,
  now: number,
  serverClocks?: ServerClocks,
): TicketRow {
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
    ...(serverClocks === undefined ? {} : { serverClocks }),
  };
}
