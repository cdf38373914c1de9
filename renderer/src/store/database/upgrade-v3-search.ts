import type { Collection, Transaction } from 'dexie';
import type { TicketRow, TicketSearchRow } from '../rows/row-types';
import type { SlaRules } from '../rows/sla-rules';
import { ticketRow } from '../rows/ticket-row';
import { ticketSearchRows } from '../rows/ticket-search-rows';

/** Rows per step: a year of tickets is rebuilt without holding it all in memory. */
const CHUNK = 2_000;

/**
 * Version 2 → 3, search: `ticketSearch` goes from one row per ticket to two (head and body), and each
 * ticket row's `tokens` follows core's two-part token list. Every ticket is rebuilt from its record,
 * so a database upgraded from version 2 is indistinguishable from one written by version 3.
 */
export async function rebuildTicketSearch(
  transaction: Transaction,
  rules: SlaRules,
  now: () => number,
): Promise<void> {
  const tickets = transaction.table<TicketRow, string>('tickets');
  const search = transaction.table<TicketSearchRow, string>('ticketSearch');
  await search.clear();
  let after: string | null = null;
  for (;;) {
    const collection: Collection<TicketRow, string> =
      after === null ? tickets.orderBy(':id') : tickets.where(':id').above(after);
    const rows: TicketRow[] = await collection.limit(CHUNK).toArray();
    const last: TicketRow | undefined = rows.at(-1);
    if (last === undefined) return;
    await Promise.all([
      tickets.bulkPut(rows.map((row) => ticketRow(row.record, rules, now()))),
      search.bulkPut(rows.flatMap((row) => ticketSearchRows(row.record))),
    ]);
    after = last.id;
  }
}
