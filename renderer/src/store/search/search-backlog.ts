import type { YunweiDatabase } from '../database/yunwei-database';
import { toStoreError } from '../errors/to-store-error';
import type { SearchBacklog, TicketRow, TicketSearchRow } from '../rows/row-types';
import { rowsAfterKey } from '../queries/index-queries';
import { postingRowId } from '../rows/ticket-search-rows';
import { SYNC_META_KEY } from '../sync/sync-meta';

/**
 * Tickets per transaction: the walk indexes a chunk's distinct tokens, so a larger chunk writes fewer
 * index entries per ticket (a token shared by many tickets is one); a save waits for at most one such
 * transaction.
 */
export const BACKLOG_CHUNK = 2_000;
/** Tokens per posting row: few rows to put, while a search reads only a few kilobytes per chunk. */
export const POSTING_TOKENS = 32;

export interface SearchIndexProgress {
  /** Tickets the walk has indexed since it last started over (no total: counting 100,000 rows costs ~0.2 s). */
  readonly indexed: number;
}

/** The backlog, if tickets still lack search rows (search then scans rows instead of the index). */
export async function readSearchBacklog(db: YunweiDatabase): Promise<SearchBacklog | undefined> {
  return (await db.syncMeta.get(SYNC_META_KEY))?.searchBacklog;
}

/** How far the walk is, or null when every ticket has its search rows. */
export async function searchIndexProgress(db: YunweiDatabase): Promise<SearchIndexProgress | null> {
  try {
    const backlog = await readSearchBacklog(db);
    return backlog === undefined ? null : { indexed: backlog.indexed };
  } catch (error) {
    throw toStoreError(error, '读取搜索索引进度', db.disconnectedReason);
  }
}

export interface WalkOptions {
  /** Checked between transactions: the walk ends early (and resumes later) when it says so. */
  readonly shouldStop?: () => boolean;
  readonly onProgress?: (backlog: SearchBacklog) => void;
  readonly chunk?: number;
}

/**
 * Indexes every ticket, in id order, `chunk` tickets per transaction, and clears the backlog when it
 * reaches the end. A chunk is indexed in bulk (`postingRows`): a few rows listing, per distinct token,
 * the chunk's tickets that have it, instead of two rows per ticket with an index entry per token. Each transaction reads the position, the tickets and writes their postings and the new position
 * together, so a crash resumes at the chunk it cut short (rewriting the same posting keys), a save or
 * a pull between two transactions is never undone, and a deferred page (which resets the position) is
 * always walked again. Returns whether the backlog is gone.
 */
export async function indexSearchBacklog(db: YunweiDatabase, options: WalkOptions = {}): Promise<boolean> {
  const chunk = options.chunk ?? BACKLOG_CHUNK;
  for (;;) {
    if (options.shouldStop?.() === true) return false;
    const left = await indexOneChunk(db, chunk);
    if (left === undefined) return true;
    options.onProgress?.(left);
  }
}

async function indexOneChunk(db: YunweiDatabase, chunk: number): Promise<SearchBacklog | undefined> {
  try {
    return await db.transaction('rw', db.tickets, db.ticketSearch, db.syncMeta, async () => {
      const meta = await db.syncMeta.get(SYNC_META_KEY);
      const backlog = meta?.searchBacklog;
      if (meta === undefined || backlog === undefined) return undefined;
      const rows = await rowsAfterKey(db.tickets, backlog.after, chunk);
      const last = rows[rows.length - 1];
      const next: SearchBacklog | undefined =
        rows.length < chunk || last === undefined
          ? undefined
          : { after: last.id, indexed: backlog.indexed + rows.length };
      const { searchBacklog: _done, ...rest } = meta;
      await Promise.all([
        db.ticketSearch.bulkPut(postingRows(rows)),
        db.syncMeta.put(next === undefined ? rest : { ...rest, searchBacklog: next }),
      ]);
      return next;
    });
  } catch (error) {
    throw toStoreError(error, '建立搜索索引', db.disconnectedReason);
  }
}

/**
 * The posting rows of a chunk of tickets: its distinct tokens (of the tickets' `tokens`: every token
 * their search rows would hold, and exactly what search checks a row against) in order, `POSTING_TOKENS`
 * to a row, each with the ids of the chunk's tickets that have it. IndexedDB's cost is the put far
 * more than the index entry or the bytes (docs/local-store.md §6): a row per token still cost three
 * puts a ticket, a row per group of tokens costs a tenth of one. Keyed by the chunk's first ticket
 * and the group's first token, so walking the same chunk again rewrites the same rows.
 */
export function postingRows(rows: readonly Pick<TicketRow, 'id' | 'tokens'>[]): TicketSearchRow[] {
  const first = rows[0];
  if (first === undefined) return [];
  const byToken = new Map<string, string[]>();
  for (const row of rows) {
    for (const token of row.tokens) {
      const ids = byToken.get(token);
      if (ids === undefined) byToken.set(token, [row.id]);
      else ids.push(row.id);
    }
  }
  const tokens = [...byToken.keys()].sort();
  const postings: TicketSearchRow[] = [];
  for (let start = 0; start < tokens.length; start += POSTING_TOKENS) {
    const group = tokens.slice(start, start + POSTING_TOKENS);
    postings.push({
      id: postingRowId(first.id, group[0] as string),
      tokens: group,
      ticketIds: group.map((token) => byToken.get(token) ?? []),
    });
  }
  return postings;
}
