import type { Collection, Transaction } from 'dexie';
import type { TicketRow, TicketSearchRow } from '../rows/row-types';
import type { SlaRules } from '../rows/sla-rules';
import { ticketRow } from '../rows/ticket-row';

/** Rows per step: a year of tickets is upgraded without holding it all in memory. */
const CHUNK = 2_000;

/**
 * Version 1 → 2: every ticket row is rebuilt from its record (filling `breached`, refreshing every
 * derived field, so a row written by version 1 is indistinguishable from one written by version 2)
 * and its tokens are copied into `ticketSearch`. Runs inside the upgrade transaction: it commits whole
 * or not at all, and awaits nothing but the transaction's own requests.
 */
export async function upgradeToV2(
  transaction: Transaction,
  rules: SlaRules,
  now: () => number,
): Promise<void> {
  const tickets = transaction.table<TicketRow, string>('tickets');
  const search = transaction.table<TicketSearchRow, string>('ticketSearch');
  let after: string | null = null;
  for (;;) {
    const collection: Collection<TicketRow, string> =
      after === null ? tickets.orderBy(':id') : tickets.where(':id').above(after);
    const rows: TicketRow[] = await collection.limit(CHUNK).toArray();
    const last: TicketRow | undefined = rows.at(-1);
    if (last === undefined) return;
    const rebuilt = rows.map((row) => ticketRow(row.record, rules, now()));
    await Promise.all([
      tickets.bulkPut(rebuilt),
      search.bulkPut(rebuilt.map((row) => ({ id: row.id, tokens: row.tokens }))),
    ]);
    after = last.id;
  }
}
