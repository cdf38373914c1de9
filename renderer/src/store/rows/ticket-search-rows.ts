import type { Ticket } from '@core/records';
import { ticketSearchParts } from '@core/search';
import type { TicketSearchRow } from './row-types';

const PARTS = ['head', 'body'] as const;
const SEPARATOR = '#';

/**
 * A ticket's rows in `ticketSearch`: one per token part (core ticketSearchParts), keyed
 * `<ticketId>#head` and `<ticketId>#body`, always both and in that order, so a save can compare them
 * with the stored version's and rewrite only the part that changed.
 */
export function ticketSearchRows(
  ticket: Pick<Ticket, 'id' | 'title' | 'reporter' | 'chatEvidence' | 'description'>,
): TicketSearchRow[] {
  const parts = ticketSearchParts(ticket);
  return PARTS.map((part) => ({ id: `${ticket.id}${SEPARATOR}${part}`, tokens: parts[part] }));
}

/** The keys of a ticket's search rows, e.g. to delete them with it. */
export function ticketSearchRowIds(ticketId: string): string[] {
  return PARTS.map((part) => `${ticketId}${SEPARATOR}${part}`);
}

/** The ticket a search row belongs to. */
export function ticketIdOfSearchRow(rowId: string): string {
  const end = rowId.indexOf(SEPARATOR);
  return end < 0 ? rowId : rowId.slice(0, end);
}

/** The rows of `after` whose tokens differ from those of `before` (all of them for a new ticket). */
export function changedSearchRows(before: Ticket | null, after: Ticket): TicketSearchRow[] {
  const rows = ticketSearchRows(after);
  if (before === null) return rows;
  const previous = ticketSearchRows(before);
  return rows.filter((row, index) => !sameTokens(row.tokens, previous[index]?.tokens ?? []));
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((token, index) => token === b[index]);
}
