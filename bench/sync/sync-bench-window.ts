/**
 * The page-side hook as the sync bench sees it (renderer/src/app/bench: sync-floor.ts and
 * sync-measure.ts). Declared structurally: bench code does not import the renderer.
 */
import type { BenchDatabase } from '../local/bench-window';

export interface TimedRecords {
  readonly records: number;
  readonly seconds: number;
}

/** A sync round: `seconds` is the sync without the search index walk, which is `searchIndexSeconds`. */
export interface TimedRound extends TimedRecords {
  readonly searchIndexSeconds: number;
}

export interface FloorRecords extends TimedRecords {
  readonly pullSeconds: number;
}

/** renderer/src/sync's SyncAccount: the page's own origin is baseUrl ''. */
export interface BenchSyncAccount {
  readonly baseUrl: string;
  readonly token: string;
  readonly user: unknown;
}

export interface SyncBenchHook {
  openUserDatabase(userId: string): Promise<BenchDatabase>;
  /** The floor's writes, and apart (`pullSeconds`) the pulling of its rows through the app's transport. */
  timeRawBulkPut(db: BenchDatabase, account: BenchSyncAccount): Promise<FloorRecords>;
  timeSyncRound(db: BenchDatabase, account: BenchSyncAccount): Promise<TimedRound>;
  countTickets(db: BenchDatabase): Promise<number>;
  /** Seconds to build the search rows a round left (none since the round indexes them itself). */
  timeSearchBacklog(db: BenchDatabase): Promise<number>;
}

export interface SyncBenchWindow {
  __yunweiBench?: SyncBenchHook;
}
