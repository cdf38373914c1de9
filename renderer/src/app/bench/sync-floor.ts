import { ticketSchema } from '@core/records';
import { recordValues, type FieldStates } from '@core/sync/merge';
import {
  API_PATHS,
  MAX_PULL_LIMIT,
  SCHEMA_VERSION_HEADER,
  SYNC_SCHEMA_VERSION,
  type PullResponse,
} from '@core/sync/protocol';
import { ticketRow, type TicketRow, type YunweiDatabase } from '../../store';

/**
 * The floor of the sync bench (bench/sync): the rows an initial sync ends with, written by a bare
 * Dexie bulkPut, nothing merged, validated or recorded in history. The rows are the server's own
 * records (pulled page by page, untimed) turned into ticket rows by the store's `ticketRow`; only the
 * writes are timed, one transaction per pull page. Only the ticket rows: the sync's search rows come
 * after it (the backlog walk, timed apart as `search_index_build_s`) and its merge states are its own
 * bookkeeping, so both would only flatter the comparison.
 */
export interface FloorResult {
  readonly records: number;
  readonly seconds: number;
}

interface FloorPage {
  readonly rows: TicketRow[];
}

export async function timeRawBulkPut(
  db: YunweiDatabase,
  server: { readonly baseUrl: string; readonly token: string },
): Promise<FloorResult> {
  const pages = await pullAllTickets(db, server);
  const started = performance.now();
  for (const page of pages) {
    await db.transaction('rw', db.tickets, () => db.tickets.bulkPut(page.rows));
  }
  const seconds = (performance.now() - started) / 1000;
  return { records: pages.reduce((sum, page) => sum + page.rows.length, 0), seconds };
}

async function pullAllTickets(
  db: YunweiDatabase,
  server: { readonly baseUrl: string; readonly token: string },
): Promise<FloorPage[]> {
  const pages: FloorPage[] = [];
  const now = Date.now();
  let cursor: string | null = null;
  for (;;) {
    const response = await fetch(`${server.baseUrl}${API_PATHS.pull}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${server.token}`,
        [SCHEMA_VERSION_HEADER]: String(SYNC_SCHEMA_VERSION),
      },
      body: JSON.stringify({ schemaVersion: SYNC_SCHEMA_VERSION, cursor, limit: MAX_PULL_LIMIT }),
    });
    if (!response.ok) throw new Error(`拉取失败：${response.status} ${await response.text()}`);
    const page = (await response.json()) as PullResponse;
    const rows: TicketRow[] = [];
    for (const change of page.changes) {
      if (change.kind !== 'record' || change.recordType !== 'ticket') continue;
      const states: FieldStates = Object.fromEntries(change.fields.map((field) => [field.field, field]));
      const ticket = ticketSchema.parse(recordValues(states));
      rows.push(ticketRow(ticket, db.slaRules, now));
    }
    pages.push({ rows });
    cursor = page.cursor;
    if (!page.hasMore) return pages;
  }
}
