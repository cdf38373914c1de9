import type { QueryTerm } from '@core/search';
import type { YunweiDatabase } from '../database/yunwei-database';
import { isPostingRow, ticketIdOfSearchRow } from '../rows/ticket-search-rows';

/** Posting rows read at once (search-backlog.ts: each lists a walk chunk's tickets for a few tokens). */
const POSTINGS_PER_READ = 8;

/**
 * The ids of the tickets indexed under a query term (exactly, or by prefix), or null when they are
 * more than `limit`: the term's index range is read at most `limit + 1` keys deep, since counting a
 * common term's whole range would cost as much as the search it is meant to save. A ticket's own rows
 * name it in their key; a posting row (the backlog walk's, search-backlog.ts) lists its tickets and is
 * read. A ticket may be listed more than once (by several rows, or for a prefix term once per token),
 * and an id may name a ticket since deleted: callers read the rows and check them.
 */
export async function searchTermTicketIds(
  db: YunweiDatabase,
  term: QueryTerm,
  limit: number,
): Promise<string[] | null> {
  const range = term.prefix
    ? db.ticketSearch.where('tokens').startsWith(term.token)
    : db.ticketSearch.where('tokens').equals(term.token);
  const keys = (await range.limit(limit + 1).primaryKeys()) as string[];
  if (keys.length > limit) return null;
  const ids = new Set<string>();
  const postings: string[] = [];
  for (const key of keys) {
    if (isPostingRow(key)) postings.push(key);
    else ids.add(ticketIdOfSearchRow(key));
  }
  // A common term's postings list many tickets: they are read a few at a time, no further than the limit.
  for (let start = 0; start < postings.length && ids.size <= limit; start += POSTINGS_PER_READ) {
    const rows = await db.ticketSearch.bulkGet(postings.slice(start, start + POSTINGS_PER_READ));
    for (const row of rows) {
      row?.tokens.forEach((token, index) => {
        const match = term.prefix ? token.startsWith(term.token) : token === term.token;
        if (match) for (const id of row.ticketIds?.[index] ?? []) ids.add(id);
      });
    }
  }
  return ids.size > limit ? null : [...ids];
}
