import type { Transaction } from 'dexie';
import { rowsAfterKey } from '../queries/index-queries';
import type { TicketRow, TicketSearchRow } from '../rows/row-types';
import type { SlaRules } from '../rows/sla-rules';
import { ticketRow } from '../rows/ticket-row';
import { ticketSearchRows } from '../rows/ticket-search-rows';

/** Rows per step: a year of tickets is rebuilt without holding it all in memory. */
const CHUNK = 2_000;

/**
 * Versions 1 and 2 → 3, tickets: every ticket row is rebuilt from its record (filling `breached`, which
 * version 1 lacked, and every other derived field) and its two search rows (head and body) are written
 * into a cleared `ticketSearch`, so an upgraded database is indistinguishable from one written by
 * version 3.
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
    const rows: TicketRow[] = await rowsAfterKey(tickets, after, CHUNK);
    const last: TicketRow | undefined = rows.at(-1);
    if (last === undefined) return;
    await Promise.all([
      tickets.bulkPut(rows.map((row) => ticketRow(row.record, rules, now()))),
      search.bulkPut(rows.flatMap((row) => ticketSearchRows(row.record))),
    ]);
    after = last.id;
  }
}
