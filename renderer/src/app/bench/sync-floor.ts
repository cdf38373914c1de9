import { ticketSchema } from '@core/records';
import { MAX_PULL_LIMIT, SYNC_SCHEMA_VERSION } from '@core/sync/protocol';
import { ticketRow, type TicketRow, type YunweiDatabase } from '../../store';
import { type SyncAccount, createHttpTransport } from '../../sync';

/**
 * The floor of the sync bench (bench/sync): the rows an initial sync ends with, written by a bare
 * Dexie bulkPut, nothing merged, validated or recorded in history. The rows are the server's own
 * records, pulled page by page through the app's transport and turned into ticket rows by the store's
 * `ticketRow`; the writes are timed, one transaction per pull page. Only the ticket rows: the sync's
 * search rows come after it (the backlog walk, timed apart as `search_index_build_s`) and its merge
 * states are its own bookkeeping, so both would only flatter the comparison.
 *
 * The pulling is timed apart (`pullSeconds`, the bench's `pull_only_s`): every page through the
 * transport (HTTP, JSON, the response's schema check) with nothing written, the server's and the
 * network's share of an initial sync, for reading the bench, not a target.
 */
export interface FloorResult {
  readonly records: number;
  readonly seconds: number;
  readonly pullSeconds: number;
}

export async function timeRawBulkPut(db: YunweiDatabase, account: SyncAccount): Promise<FloorResult> {
  const { pages, pullSeconds } = await pullAllTickets(db, account);
  const started = performance.now();
  for (const rows of pages) {
    await db.transaction('rw', db.tickets, () => db.tickets.bulkPut(rows));
  }
  const seconds = (performance.now() - started) / 1000;
  return { records: pages.reduce((sum, rows) => sum + rows.length, 0), seconds, pullSeconds };
}

async function pullAllTickets(
  db: YunweiDatabase,
  account: SyncAccount,
): Promise<{ readonly pages: TicketRow[][]; readonly pullSeconds: number }> {
  const transport = createHttpTransport(account);
  const pages: TicketRow[][] = [];
  const now = Date.now();
  let pullMs = 0;
  let cursor: string | null = null;
  for (;;) {
    const started = performance.now();
    const page = await transport.pull({ schemaVersion: SYNC_SCHEMA_VERSION, cursor, limit: MAX_PULL_LIMIT });
    pullMs += performance.now() - started;
    const rows: TicketRow[] = [];
    for (const change of page.changes) {
      if (change.kind !== 'record' || change.recordType !== 'ticket') continue;
      rows.push(ticketRow(ticketSchema.parse(change.values), db.slaRules, now));
    }
    pages.push(rows);
    cursor = page.cursor;
    if (!page.hasMore) return { pages, pullSeconds: pullMs / 1000 };
  }
}
