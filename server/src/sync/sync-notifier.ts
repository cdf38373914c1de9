import { type Visibility, canSee } from '@core/auth';
import { z } from 'zod';
import type { Database } from '../db/database';

/** The channel the commit trigger notifies (migration 007). */
export const SYNC_CHANNEL = 'yunwei_sync';

interface Subscriber {
  readonly visibility: Visibility;
  poke(seq: number): void;
  close(): void;
}

/**
 * One record's commit as the trigger announces it (migration 010): its new change seq, and where it is
 * placed now and was placed before, if this commit moved it: whoever reads either should hear of it.
 */
const commitNoticeSchema = z.object({
  seq: z.number().int().positive(),
  placements: z.array(z.object({ subsystemId: z.number().int(), unitIds: z.array(z.number().int()) })),
});

/**
 * Pokes the event streams of users who may read a committed record. The commit trigger notifies the
 * database with each record's new seq and its placement (and the one it just left); every server
 * process on the database listens, so a stream is poked whichever process committed. A process whose
 * listening connection is down misses pokes meanwhile; clients also sync on their own timer.
 *
 * A batch's records arrive as one notice each, in the same read from the database: the pokes they
 * cause are gathered until the event loop turns, so each stream gets one poke with the greatest seq.
 */
export class SyncNotifier {
  private readonly subscribers = new Set<Subscriber>();
  private readonly pending = new Map<Subscriber, number>();
  private flushScheduled = false;

  constructor(private readonly onMalformedNotice: (error: Error) => void) {}

  /** Starts hearing the database's commit notices; resolves with the function that stops it. */
  listen(db: Database): Promise<() => Promise<void>> {
    return db.listen(SYNC_CHANNEL, (payload) => this.receive(payload));
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => {
      this.subscribers.delete(subscriber);
      this.pending.delete(subscriber);
    };
  }

  /** A commit notice's payload, as the trigger wrote it. */
  receive(payload: string): void {
    let notice: z.infer<typeof commitNoticeSchema>;
    try {
      notice = commitNoticeSchema.parse(JSON.parse(payload));
    } catch (error) {
      this.onMalformedNotice(
        new Error(`数据库的提交通知无法识别：${payload.slice(0, 200)}`, { cause: error }),
      );
      return;
    }
    for (const subscriber of this.subscribers) {
      if (!notice.placements.some((placement) => canSee(subscriber.visibility, placement))) continue;
      this.pending.set(subscriber, Math.max(this.pending.get(subscriber) ?? 0, notice.seq));
    }
    if (this.pending.size > 0 && !this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Ends every stream, so the server can close. */
  closeAll(): void {
    for (const subscriber of this.subscribers) subscriber.close();
    this.subscribers.clear();
    this.pending.clear();
  }

  private flush(): void {
    this.flushScheduled = false;
    const pokes = [...this.pending];
    this.pending.clear();
    for (const [subscriber, seq] of pokes) subscriber.poke(seq);
  }
}
