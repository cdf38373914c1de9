import { indexSearchBacklog, type YunweiDatabase } from '../../store';
import { type SyncAccount, SyncEngine, createHttpTransport } from '../../sync';

/**
 * One sync round of the app's own engine, timed (bench/sync: the initial sync of a fresh database
 * and the incremental one after it). `runRound` is the step the engine's loop runs on every trigger:
 * push the outbox, pull over HTTP until the server has nothing more, each page merged and written by
 * the store in one transaction. Only the loop around it (timers, the poke stream) is left out, and
 * the react-query invalidation that `onApplied` drives in the app (no screen is open here).
 */
export interface SyncRoundResult {
  /** Records the round wrote (pulled changes applied), as the engine reports them. */
  readonly records: number;
  readonly seconds: number;
}

export async function timeSyncRound(db: YunweiDatabase, account: SyncAccount): Promise<SyncRoundResult> {
  let records = 0;
  const engine = new SyncEngine({
    db,
    transport: createHttpTransport(account),
    user: account.user,
    onStatus: () => undefined,
    onApplied: (changed) => {
      records += changed.length;
    },
  });
  const started = performance.now();
  const outcome = await engine.runRound();
  const seconds = (performance.now() - started) / 1000;
  if (!outcome.ok) throw new Error(`同步失败（${outcome.failure.phase}）：${outcome.failure.message}`);
  return { records, seconds };
}

/** How many tickets the database holds (what a fresh client ended with). */
export function countTickets(db: YunweiDatabase): Promise<number> {
  return db.tickets.count();
}

/**
 * The backlog walk an initial sync leaves (the tickets' search rows), timed on its own: in the app it
 * runs in the background after the round, search scanning rows until it is done.
 */
export async function timeSearchBacklog(db: YunweiDatabase): Promise<number> {
  const started = performance.now();
  if (!(await indexSearchBacklog(db))) throw new Error('建立搜索索引中途停止');
  return (performance.now() - started) / 1000;
}
