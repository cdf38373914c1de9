import type { Ticket } from '../records/ticket';
import { MAX_RECORD_TOKENS, recordSearchTokens } from './search-tokens';

/**
 * The tokens a ticket is found by: title, reporter (unit, person, phone), the chat sender and group,
 * then the description, in that priority: a long description is what the token cap cuts.
 */
export function ticketSearchTokens(
  ticket: Pick<Ticket, 'title' | 'reporter' | 'chatEvidence' | 'description'>,
  maxTokens: number = MAX_RECORD_TOKENS,
): string[] {
  return recordSearchTokens(
    [
      ticket.title,
      ticket.reporter.unit,
      ticket.reporter.person,
      ticket.reporter.phone,
      ticket.chatEvidence?.sender ?? '',
      ticket.chatEvidence?.group ?? '',
      ticket.description,
    ],
    maxTokens,
  );
}
