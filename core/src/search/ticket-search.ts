import type { Ticket } from '../records/ticket';
import { MAX_RECORD_TOKENS, recordSearchTokens } from './search-tokens';

type SearchableTicket = Pick<Ticket, 'title' | 'reporter' | 'chatEvidence' | 'description'>;

/**
 * A ticket's tokens in two parts that change independently: the head (title, reporter, chat sender and
 * group: short texts, edited now and then) and the body (the description, long). A store that indexes
 * each part in its own row rewrites only the part a save changed: a new title rewrites a few dozen
 * index entries, not the description's hundreds.
 */
export interface TicketSearchParts {
  readonly head: readonly string[];
  /**
   * The description's tokens, some of which may also be in the head: deduplicating across parts would
   * make a new title change the body too.
   */
  readonly body: readonly string[];
}

/** The head's share of the cap: far more than any title and reporter need. */
const HEAD_TOKENS = 96;

export function ticketSearchParts(
  ticket: SearchableTicket,
  maxTokens: number = MAX_RECORD_TOKENS,
): TicketSearchParts {
  const head = recordSearchTokens(
    [
      ticket.title,
      ticket.reporter.unit,
      ticket.reporter.person,
      ticket.reporter.phone,
      ticket.chatEvidence?.sender ?? '',
      ticket.chatEvidence?.group ?? '',
    ],
    Math.min(HEAD_TOKENS, maxTokens),
  );
  const body =
    maxTokens > head.length ? recordSearchTokens([ticket.description], maxTokens - head.length) : [];
  return { head, body };
}

/**
 * The tokens a ticket is found by: both parts, the head first, each token once. When the cap is
 * reached, the tail of a long description is what goes unindexed.
 */
export function ticketSearchTokens(
  ticket: SearchableTicket,
  maxTokens: number = MAX_RECORD_TOKENS,
): string[] {
  const { head, body } = ticketSearchParts(ticket, maxTokens);
  return [...new Set([...head, ...body])];
}
