import type { Visibility } from '@core/auth';

interface Subscriber {
  readonly visibility: Visibility;
  poke(seq: number): void;
  close(): void;
}

/**
 * Pokes the event streams of users who can see a commit, in this process. Several server processes
 * on one PostgreSQL would need LISTEN/NOTIFY between them; until then a client that misses a poke
 * still syncs on its own timer.
 */
export class SyncNotifier {
  private readonly subscribers = new Set<Subscriber>();

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** After a commit: `subsystemIds` are those of the changed records (current and former). */
  publish(seq: number, subsystemIds: readonly number[]): void {
    for (const subscriber of this.subscribers) if (sees(subscriber, subsystemIds)) subscriber.poke(seq);
  }

  /** Whether a commit in these subsystems would poke anyone (else its seq need not be read). */
  wouldPoke(subsystemIds: readonly number[]): boolean {
    for (const subscriber of this.subscribers) if (sees(subscriber, subsystemIds)) return true;
    return false;
  }

  /** Ends every stream, so the server can close. */
  closeAll(): void {
    for (const subscriber of this.subscribers) subscriber.close();
    this.subscribers.clear();
  }

  get size(): number {
    return this.subscribers.size;
  }
}

function sees(subscriber: Subscriber, subsystemIds: readonly number[]): boolean {
  const { visibility } = subscriber;
  return visibility.all || subsystemIds.some((id) => visibility.subsystemIds.includes(id));
}
