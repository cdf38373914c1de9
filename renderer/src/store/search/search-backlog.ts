import type { YunweiDatabase } from '../database/yunwei-database';
import { toStoreError } from '../errors/to-store-error';
import type { SearchBacklog } from '../rows/row-types';
import { rowsAfterKey } from '../queries/index-queries';
import { ticketSearchRows } from '../rows/ticket-search-rows';
import { SYNC_META_KEY } from '../sync/sync-meta';

/** Tickets per transaction: long enough to amortise one, short enough that a save waits little. */
export const BACKLOG_CHUNK = 200;

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
 * Writes the search rows of every ticket, in id order, `chunk` tickets per transaction, and clears
 * the backlog when it reaches the end. Each transaction reads the position, the tickets and writes
 * their rows and the new position together, so a save or a pull between two transactions is never
 * overwritten by older rows, and a deferred page (which resets the position) is always walked again.
 * Returns whether the backlog is gone.
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
        db.ticketSearch.bulkPut(rows.flatMap((row) => ticketSearchRows(row.record))),
        db.syncMeta.put(next === undefined ? rest : { ...rest, searchBacklog: next }),
      ]);
      return next;
    });
  } catch (error) {
    throw toStoreError(error, '建立搜索索引', db.disconnectedReason);
  }
}
