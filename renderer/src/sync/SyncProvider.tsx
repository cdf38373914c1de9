import { liveQuery } from 'dexie';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useAnnounceSynced, type YunweiDatabase } from '../store';
import { runWhileLocked } from './engine-lock';
import { createHttpTransport } from './http-transport';
import { openStatusChannel } from './status-channel';
import { resetSyncStatus, updateSyncStatus, useSyncStatusStore } from './status-store';
import type { SyncAccount } from './sync-account';
import { SyncContext, type SyncContextValue } from './sync-context';
import { SyncEngine } from './sync-engine';

export interface SyncProviderProps {
  /** The signed-in user's open database (useDatabase()). */
  readonly db: YunweiDatabase;
  /** The server account; null for a local, server-less user: then nothing syncs. */
  readonly account: SyncAccount | null;
  readonly children: ReactNode;
}

/**
 * Runs the sync of the signed-in account: ONE engine per user and PC, whatever the number of windows
 * (a Web Lock named after the database; the other windows wait for it and meanwhile show the running
 * engine's status). Must sit inside StoreProvider and the react-query provider: pulled records
 * refresh the caches and the other windows as a local save does.
 */
export function SyncProvider({ db, account, children }: SyncProviderProps) {
  const announce = useAnnounceSynced();
  const announceRef = useRef(announce);
  useEffect(() => {
    announceRef.current = announce;
  }, [announce]);
  const engineRef = useRef<SyncEngine | null>(null);
  const channel = useMemo(() => (account === null ? null : openStatusChannel(db.name)), [db, account]);

  useEffect(() => {
    resetSyncStatus();
    return resetSyncStatus;
  }, [db]);

  useCounts(db, account !== null, engineRef);

  useEffect(() => {
    if (account === null || channel === null) return;
    const engine = new SyncEngine({
      db,
      transport: createHttpTransport(account),
      user: account.user,
      onStatus: updateSyncStatus,
      onApplied: (changed) => announceRef.current(changed),
    });
    // Runs while this window holds the engine's lock; returns how to let go.
    const startEngine = () => {
      engineRef.current = engine;
      engine.start();
      const unsubscribe = useSyncStatusStore.subscribe((status) => channel.post({ kind: 'status', status }));
      const stopListening = channel.listen((message) => {
        if (message.kind === 'sync-now') engine.syncNow();
        if (message.kind === 'hello') channel.post({ kind: 'status', status: useSyncStatusStore.getState() });
      });
      return () => {
        stopListening();
        unsubscribe();
        engine.stop();
        engineRef.current = null;
      };
    };
    const stop = runWhileLocked(`yunwei-sync:${db.name}`, startEngine, (error) =>
      updateSyncStatus({
        phase: 'failing',
        lastError: { message: `无法启动同步（浏览器锁不可用）：${String(error)}`, at: Date.now() },
      }),
    );
    // While another window holds the engine: mirror its status (counts are read here).
    const stopMirroring = channel.listen((message) => {
      if (message.kind !== 'status' || engineRef.current !== null) return;
      const {
        pendingOps: _pending,
        rejectedOps: _rejected,
        syncProblems: _problems,
        ...rest
      } = message.status;
      updateSyncStatus(rest);
    });
    channel.post({ kind: 'hello' });
    const onOnline = () => engineRef.current?.syncNow();
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
      stopMirroring();
      stop();
      channel.close();
    };
  }, [db, account, channel]);

  const value = useMemo<SyncContextValue>(
    () => ({
      syncNow: () => {
        if (engineRef.current !== null) engineRef.current.syncNow();
        else channel?.post({ kind: 'sync-now' });
      },
    }),
    [channel],
  );
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}

/**
 * Keeps the pending, rejected and problem counts current in every window (Dexie's live queries see
 * other windows' writes too), and asks the engine for a round when the outbox grows (a save).
 */
function useCounts(
  db: YunweiDatabase,
  syncing: boolean,
  engineRef: { readonly current: SyncEngine | null },
): void {
  useEffect(() => {
    if (!syncing) return;
    let previousPending = -1;
    const subscription = liveQuery(() =>
      Promise.all([db.outbox.count(), db.rejections.count(), db.syncProblems.count()]),
    ).subscribe({
      next: ([pendingOps, rejectedOps, syncProblems]) => {
        updateSyncStatus({ pendingOps, rejectedOps, syncProblems });
        if (pendingOps > previousPending && previousPending !== -1) engineRef.current?.requestSync();
        previousPending = pendingOps;
      },
      error: (error: unknown) => {
        updateSyncStatus({
          lastError: { message: `读取待同步数量失败：${String(error)}`, at: Date.now() },
        });
      },
    });
    return () => subscription.unsubscribe();
  }, [db, syncing, engineRef]);
}
