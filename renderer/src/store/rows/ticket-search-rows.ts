import type { Ticket } from '@core/records';
import { ticketSearchParts } from '@core/search';
import type { TicketSearchRow } from './row-types';

const PARTS = ['head', 'body'] as const;
const SEPARATOR = '#';
/** Separates a part from the suffix of one of its addition rows: `<ticketId>#head+<suffix>`. */
const ADDITION = '+';
/** Sorts after every character a row key holds, closing the range of one ticket's rows. */
const KEY_END = '\uffff';
/** Starts a posting row's key: before every ticket id, so no ticket's key range ever holds one. */
const POSTING = '\u0000';

type SearchableTicket = Pick<Ticket, 'id' | 'title' | 'reporter' | 'chatEvidence' | 'description'>;

/**
 * A ticket's base rows in `ticketSearch`: one per token part (core ticketSearchParts), keyed
 * `<ticketId>#head` and `<ticketId>#body`, always both and in that order.
 */
export function ticketSearchRows(ticket: SearchableTicket): TicketSearchRow[] {
  const parts = ticketSearchParts(ticket);
  return PARTS.map((part) => ({ id: `${ticket.id}${SEPARATOR}${part}`, tokens: parts[part] }));
}

/** The key range holding every search row of a ticket, base and additions, e.g. to delete them. */
export function ticketSearchKeyRange(ticketId: string): readonly [string, string] {
  return [`${ticketId}${SEPARATOR}`, `${ticketId}${SEPARATOR}${KEY_END}`];
}

/**
 * A posting row's key: the first ticket of the chunk the backlog walk indexed and the first of the
 * row's tokens. The row (`{id, tokens, ticketIds}`) lists per token the chunk's tickets that have it;
 * its `tokens` entries put it in the same index ranges as the ticket rows.
 */
export function postingRowId(firstTicketId: string, token: string): string {
  return `${POSTING}${firstTicketId}${SEPARATOR}${token}`;
}

/** Whether a search row is a posting row (its tickets are in its `ticketIds`, not its key). */
export function isPostingRow(rowId: string): boolean {
  return rowId.startsWith(POSTING);
}

/** The ticket a ticket's own search row belongs to (a posting row's are in its `ticketIds`). */
export function ticketIdOfSearchRow(rowId: string): string {
  const end = rowId.indexOf(SEPARATOR);
  return end < 0 ? rowId : rowId.slice(0, end);
}

/**
 * The search rows a save of `after` adds when `before` is stored: for a new ticket, its base rows;
 * for an edit, per part whose text changed, one addition row (`<id>#head+<suffix>`) holding only the
 * tokens `before` did not have. Nothing is rewritten: rewriting a row of dozens of index entries
 * that has not been touched for a while cost a title edit ~8 ms more in the local bench, where a new
 * small row costs what a history row does. Tokens the text lost stay indexed; search checks every
 * candidate against the row's own `tokens`, so they only cost a row read. Every token of the current
 * text stays indexed: it was in `before`'s rows or is in the addition.
 */
export function searchRowsToWrite(
  before: Ticket | null,
  after: Ticket,
  newSuffix: () => string,
): TicketSearchRow[] {
  if (before === null) return ticketSearchRows(after);
  const previous = ticketSearchParts(before);
  const next = ticketSearchParts(after);
  return PARTS.flatMap((part) => {
    const had = new Set(previous[part]);
    const added = next[part].filter((token) => !had.has(token));
    return added.length === 0
      ? []
      : [{ id: `${after.id}${SEPARATOR}${part}${ADDITION}${newSuffix()}`, tokens: added }];
  });
}
