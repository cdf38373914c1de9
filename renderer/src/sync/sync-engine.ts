import { blobReferences } from '@core/sync/blob-references';
import {
  MAX_PULL_LIMIT,
  MAX_PUSH_OPS,
  SYNC_SCHEMA_VERSION,
  type PullResponse,
  type PushOp,
  type SessionUser,
} from '@core/sync/protocol';
import {
  applyCalendarNotices,
  applyPreparedPage,
  indexSearchBacklog,
  localRecordIds,
  readSearchBacklog,
  preparePulledPage,
  getBlob,
  readPushBatch,
  readStoredCalendar,
  readSyncMeta,
  recordPushResults,
  rejectLocally,
  retrySyncProblems,
  type SyncedRecord,
  type YunweiDatabase,
} from '../store';
import { backoffDelay } from './backoff';
import { type Failure, classifyFailure } from './classify-failure';
import type { SyncStatus } from './sync-status';
import type { SyncTransport } from './transport';

/** §12: batches of at most 500 ops and about 6 MB (the server takes 8 MB). */
const PUSH_MAX_BYTES = 6 * 1024 * 1024;
/** The server's largest page: an initial sync of a year's tickets is hundreds of pages. */
export const PULL_PAGE_LIMIT = MAX_PULL_LIMIT;
/** A save starts a round this long after the last of a burst of saves. */
export const SAVE_DEBOUNCE_MS = 1_000;
/** Rounds run on this timer too, so a missed poke is caught. */
export const PERIODIC_SYNC_MS = 5 * 60_000;

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const REAL_TIMERS: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type StatusPatch = Partial<Omit<SyncStatus, 'pendingOps' | 'rejectedOps' | 'syncProblems'>>;

export interface SyncEngineOptions {
  readonly db: YunweiDatabase;
  readonly transport: SyncTransport;
  readonly user: SessionUser;
  /** Hears every change of the engine's part of the status. */
  readonly onStatus: (patch: StatusPatch) => void;
  /** Hears the records a pull (or a retried problem) changed, after their transaction committed. */
  readonly onApplied: (changed: readonly SyncedRecord[]) => void;
  /** Hears how long a round's search index walk took, in ms (the sync bench reports it apart). */
  readonly onSearchIndexed?: (ms: number) => void;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly timers?: Timers;
}

export type RoundOutcome = { readonly ok: true } | { readonly ok: false; readonly failure: Failure };

/**
 * The sync worker of one user's database (docs/sync-protocol.md §12). A round pushes the outbox
 * (blobs first) until it is empty, then pulls until the server has nothing more, then retries the
 * records it could not show. Rounds start on `start`, a poke, a local save (debounced), `syncNow`,
 * reconnecting, and every few minutes; a failed round is retried with exponential backoff and full
 * jitter; a 401 or a schema mismatch stops the engine until the user acts.
 */
export class SyncEngine {
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly timers: Timers;
  private readonly uploadedBlobs = new Set<string>();
  private attempt = 0;
  private eventsAttempt = 0;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private indexing: Promise<void> | null = null;
  /** Whether this engine saw the search backlog gone since its last initial sync: no need to look. */
  private searchIndexed = false;
  private again = false;
  private stopped = true;
  private halted = false;
  private events: AbortController | null = null;
  private eventsTimer: unknown = null;

  constructor(private readonly options: SyncEngineOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.timers = options.timers ?? REAL_TIMERS;
  }

  start(): void {
    this.stopped = false;
    this.halted = false;
    this.trigger();
    // A walk cut short (the app closed) resumes now, network or not.
    this.indexSearchInBackground();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.closeEvents();
  }

  /**
   * After a local save or a poke: a round soon, once a burst of them is over. Asked during a round, it
   * still comes (the round may have pulled or pushed before the change): the round's end leaves it be.
   */
  requestSync(): void {
    if (this.stopped || this.halted) return;
    this.schedule(SAVE_DEBOUNCE_MS);
  }

  /** “立即同步”, or the browser came back online: a round now, the backoff forgotten. */
  syncNow(): void {
    if (this.stopped) return;
    this.halted = false;
    this.attempt = 0;
    this.trigger();
  }

  /** Resolves when the round in progress (if any) and any round it asked for have finished. */
  async idle(): Promise<void> {
    while (this.running !== null || this.indexing !== null) await (this.running ?? this.indexing);
  }

  /** One round, start to end, without scheduling anything: the loop's step (and the tests'). */
  async runRound(): Promise<RoundOutcome> {
    this.options.onStatus({ phase: 'syncing', nextAttemptAt: null });
    try {
      const meta = await readSyncMeta(this.options.db);
      await this.pushAll(meta.clientId);
      await this.pullAll(meta.cursor);
      await this.indexSearch();
      await this.refreshCalendar();
      const solved = await retrySyncProblems(this.options.db, this.now());
      if (solved.length > 0) this.options.onApplied(solved);
      this.options.onStatus({
        phase: 'idle',
        lastSuccessAt: this.now(),
        lastError: null,
        nextAttemptAt: null,
      });
      return { ok: true };
    } catch (error) {
      const failure = classifyFailure(error);
      this.options.onStatus({
        phase: failure.phase,
        lastError: { message: failure.message, at: this.now() },
      });
      return { ok: false, failure };
    }
  }

  private trigger(): void {
    this.clearTimer();
    if (this.running !== null) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      const outcome = await this.runRound();
      if (this.stopped) return;
      if (outcome.ok) {
        this.attempt = 0;
        this.connectEvents();
        // A timer set during the round (a save, a poke) is sooner than the periodic one: keep it.
        if (!this.again && this.timer === null) this.schedule(PERIODIC_SYNC_MS);
      } else if (!outcome.failure.retry) {
        // Until the user acts (signs in, upgrades): a round asked for meanwhile would fail the same way.
        this.halted = true;
        this.again = false;
        this.clearTimer();
        this.closeEvents();
      } else {
        const delay = backoffDelay(this.attempt, this.random);
        this.attempt += 1;
        this.options.onStatus({ nextAttemptAt: this.now() + delay });
        if (!this.again) this.schedule(delay);
      }
    } while (this.again && !this.stopped);
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = this.timers.set(() => {
      this.timer = null;
      this.trigger();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  /**
   * The calendar notices an admin added (an unchanged answer is a bodiless 304). New or changed ones
   * recompute the open tickets' deadlines, which the UI then shows as changed records.
   */
  private async refreshCalendar(): Promise<void> {
    const { db, transport } = this.options;
    const stored = await readStoredCalendar(db);
    const answer = await transport.calendars(stored.etag);
    if (answer.kind === 'unchanged') return;
    const changed = await applyCalendarNotices(db, answer.notices, answer.etag, this.now());
    if (changed.length > 0) {
      this.options.onApplied(changed.map((recordId) => ({ recordType: 'ticket', recordId })));
    }
  }

  private async pushAll(clientId: string): Promise<void> {
    const { db, transport } = this.options;
    for (;;) {
      const batch = await readPushBatch(db, { maxOps: MAX_PUSH_OPS, maxBytes: PUSH_MAX_BYTES });
      await rejectLocally(db, batch.invalid, this.now());
      if (batch.ops.length === 0) {
        if (batch.invalid.length === 0) return;
        continue;
      }
      await this.uploadBlobs(batch.ops);
      const response = await transport.push({
        clientId,
        schemaVersion: SYNC_SCHEMA_VERSION,
        ops: [...batch.ops],
      });
      const counts = await recordPushResults(db, batch.ops, response, this.now());
      if (counts.applied + counts.rejected === 0 && response.results.length === 0) {
        throw new Error(`服务器没有返回 ${batch.ops.length} 项修改的处理结果，将稍后重试`);
      }
    }
  }

  /** §7: every blob an op refers to is on the server before the op is sent. */
  private async uploadBlobs(ops: readonly PushOp[]): Promise<void> {
    const { db, transport } = this.options;
    const hashes = new Set(
      ops.flatMap((op) =>
        op.fields.flatMap((write) => blobReferences(op.recordType, write.field, write.value)),
      ),
    );
    for (const sha256 of hashes) {
      if (this.uploadedBlobs.has(sha256)) continue;
      if (!(await transport.hasBlob(sha256))) {
        const blob = await getBlob(db, sha256);
        // Not on this PC either (a record pulled with someone else's attachment): the server decides.
        if (blob !== undefined) await transport.putBlob(sha256, blob.data);
      }
      this.uploadedBlobs.add(sha256);
    }
  }

  /**
   * Pulls until the server has nothing more. The next page is asked for as soon as a page arrives,
   * so the server's and the network's time overlap with writing the page; and a page is prepared
   * (its new records merged, checked and turned into rows) while the one before it commits, so this
   * thread works while IndexedDB writes. Pages are still applied (each with its cursor) one after the
   * other, in order. A first sync (no cursor yet) leaves tickets' search rows to the backlog walk that
   * follows the pull in the same round, and reads nothing for records this PC has never held.
   */
  private async pullAll(startCursor: string | null): Promise<void> {
    const { db, transport, user } = this.options;
    const deferSearch = startCursor === null;
    if (deferSearch) this.searchIndexed = false;
    const localIds = startCursor === null ? await localRecordIds(db) : undefined;
    const request = (cursor: string | null) =>
      transport.pull({ schemaVersion: SYNC_SCHEMA_VERSION, cursor, limit: PULL_PAGE_LIMIT });
    let next: Promise<PullResponse> | null = request(startCursor);
    // The page being written, settled to its failure (or null) so that a failure while the next page
    // is on its way is not an unhandled rejection; `waitForCommit` rethrows it.
    let committing: Promise<{ readonly failed: unknown } | null> = Promise.resolve(null);
    const waitForCommit = async () => {
      const outcome = await committing;
      if (outcome !== null) throw outcome.failed;
    };
    try {
      while (next !== null) {
        const page: PullResponse = await next;
        next = page.hasMore ? prefetched(request(page.cursor)) : null;
        const prepared = preparePulledPage(db, page, {
          at: this.now(),
          visibleSubsystemIds: user.visibleSubsystemIds,
          visibleUnitIds: user.unitIds,
          deferSearch,
          ...(localIds === undefined ? {} : { localIds }),
        });
        // The next page is prepared as if this one were written: if it fails, the round fails before
        // the next is applied.
        for (const change of page.changes) localIds?.add(change.recordId);
        await waitForCommit();
        committing = applyPreparedPage(db, prepared).then(
          (applied) => {
            if (applied.changed.length > 0) this.options.onApplied(applied.changed);
            return null;
          },
          (failed: unknown) => ({ failed }),
        );
      }
    } finally {
      await waitForCommit();
    }
  }

  /**
   * Within the round, after the pull: the search index of the tickets an initial sync (or a walk cut
   * short by a crash) left to the backlog walk, in bulk, so the round reports done with the index
   * complete. The walk is a transaction per chunk: saves interleave. A failure is logged and leaves the
   * backlog for the next round: the pulled records are written, and search stays complete meanwhile
   * (it scans rows).
   */
  private async indexSearch(): Promise<void> {
    // A walk resumed at start may be under way: it finishes first rather than walk the same chunks.
    while (this.indexing !== null) await this.indexing;
    if (this.searchIndexed) return;
    const { db, onSearchIndexed } = this.options;
    if ((await readSearchBacklog(db)) === undefined) {
      this.searchIndexed = true;
      return;
    }
    const started = this.now();
    try {
      this.searchIndexed = await indexSearchBacklog(db);
    } catch (error) {
      console.error('建立搜索索引失败，下一轮同步后重试：', error);
      return;
    }
    onSearchIndexed?.(this.now() - started);
  }

  /**
   * At start: a walk cut short (the app closed) resumes, network or not, a transaction at a time so
   * saves and the first round interleave. A failure leaves the backlog for the next round.
   */
  private indexSearchInBackground(): void {
    if (this.indexing !== null || this.stopped) return;
    this.indexing = indexSearchBacklog(this.options.db, { shouldStop: () => this.stopped })
      .then(
        (done) => {
          if (done) this.searchIndexed = true;
        },
        (error: unknown) => console.error('建立搜索索引失败，下一轮同步后重试：', error),
      )
      .finally(() => {
        this.indexing = null;
      });
  }

  /** §8: the poke stream, reconnected with its own backoff; a poke or a reconnect starts a round. */
  private connectEvents(): void {
    if (this.events !== null || this.stopped || this.halted) return;
    const controller = new AbortController();
    this.events = controller;
    const reconnecting = this.eventsAttempt > 0;
    this.options.transport
      .events(
        {
          onReady: () => {
            this.eventsAttempt = 0;
            if (reconnecting) this.requestSync();
          },
          onPoke: () => this.requestSync(),
        },
        controller.signal,
      )
      .catch((error: unknown) => {
        if (!controller.signal.aborted) console.warn('同步事件流中断，稍后重连：', error);
      })
      .finally(() => {
        if (this.events !== controller) return;
        this.events = null;
        if (this.stopped || this.halted) return;
        const delay = backoffDelay(this.eventsAttempt, this.random);
        this.eventsAttempt += 1;
        this.eventsTimer = this.timers.set(() => {
          this.eventsTimer = null;
          this.connectEvents();
        }, delay);
      });
  }

  private closeEvents(): void {
    if (this.eventsTimer !== null) this.timers.clear(this.eventsTimer);
    this.eventsTimer = null;
    const events = this.events;
    this.events = null;
    events?.abort();
  }
}

/**
 * A page asked for ahead of need. If the page before it fails to apply, the round ends without
 * awaiting it; its own failure then has nobody to tell, and the next round asks again.
 */
function prefetched(page: Promise<PullResponse>): Promise<PullResponse> {
  page.catch(() => undefined);
  return page;
}
