import { indexSearchBacklog, type YunweiDatabase } from '../../store';
import { type SyncAccount, SyncEngine, createHttpTransport } from '../../sync';

/**
 * One sync round of the app's own engine, timed (bench/sync: the initial sync of a fresh database
 * and the incremental one after it). `runRound` is the step the engine's loop runs on every trigger:
 * push the outbox, pull over HTTP until the server has nothing more, each page merged and written by
 * the store in one transaction, then the search index of an initial sync's tickets. Only the loop
 * around it (timers, the poke stream) is left out, and the react-query invalidation that `onApplied`
 * drives in the app (no screen is open here).
 */
export interface SyncRoundResult {
  /** Records the round wrote (pulled changes applied), as the engine reports them. */
  readonly records: number;
  /** The round without its search index walk: the sync itself. */
  readonly seconds: number;
  /** The round's search index walk (an initial sync's tickets), part of the round's time. */
  readonly searchIndexSeconds: number;
}

export async function timeSyncRound(db: YunweiDatabase, account: SyncAccount): Promise<SyncRoundResult> {
  let records = 0;
  let searchIndexMs = 0;
  const engine = new SyncEngine({
    db,
    transport: createHttpTransport(account),
    user: account.user,
    onStatus: () => undefined,
    onApplied: (changed) => {
      records += changed.length;
    },
    onSearchIndexed: (ms) => {
      searchIndexMs += ms;
    },
  });
  const started = performance.now();
  const outcome = await engine.runRound();
  const roundMs = performance.now() - started;
  if (!outcome.ok) throw new Error(`同步失败（${outcome.failure.phase}）：${outcome.failure.message}`);
  return { records, seconds: (roundMs - searchIndexMs) / 1000, searchIndexSeconds: searchIndexMs / 1000 };
}

/** How many tickets the database holds (what a fresh client ended with). */
export function countTickets(db: YunweiDatabase): Promise<number> {
  return db.tickets.count();
}

/**
 * The backlog walk a round left, timed on its own: nothing since the round walks it (a backlog here
 * would be one the round failed to index, search scanning rows until a later round does).
 */
export async function timeSearchBacklog(db: YunweiDatabase): Promise<number> {
  const started = performance.now();
  if (!(await indexSearchBacklog(db))) throw new Error('建立搜索索引中途停止');
  return (performance.now() - started) / 1000;
}
