import type { Instant } from '../time/shanghai-time';
import type { Ticket } from './ticket';
import type { TicketResult } from './ticket-create';
import { transition } from './ticket-status';
import { refuse } from './validation';

export interface DeleteContext {
  readonly actor: string;
  readonly at: Instant;
  /** Why: a duplicate, a ticket logged by mistake. Kept on the timeline, so required. */
  readonly reason: string;
}

/**
 * Deletes a ticket: it becomes a tombstone (`deleted: true`) that syncs and never comes back by itself,
 * and the reason is written on its timeline in the same save, so the acceptance record says why a
 * ticket number is missing.
 */
export function deleteTicket(ticket: Ticket, context: DeleteContext): TicketResult {
  if (ticket.deleted) return refuse('工单已删除');
  const reason = context.reason.trim();
  if (reason === '') return refuse('删除工单须填写原因（如重复登记、误登记）');
  const noted = transition(ticket, 'comment', {
    actor: context.actor,
    at: context.at,
    note: `删除工单：${reason}`,
  });
  if (!noted.ok) return noted;
  return { ok: true, ticket: { ...noted.ticket, deleted: true } };
}

/** Restores a deleted ticket (an explicit restore: the only thing that undoes a delete in sync). */
export function restoreTicket(ticket: Ticket, context: DeleteContext): TicketResult {
  if (!ticket.deleted) return refuse('工单没有被删除，无需恢复');
  const reason = context.reason.trim();
  if (reason === '') return refuse('恢复工单须填写原因');
  const noted = transition({ ...ticket, deleted: false }, 'comment', {
    actor: context.actor,
    at: context.at,
    note: `恢复工单：${reason}`,
  });
  if (!noted.ok) return noted;
  return { ok: true, ticket: noted.ticket };
}
