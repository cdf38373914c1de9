import type { SyncStatus } from './sync-status';

type Message =
  | { readonly kind: 'status'; readonly status: SyncStatus }
  | { readonly kind: 'sync-now' }
  | { readonly kind: 'hello' };

export interface StatusChannel {
  post(message: Message): void;
  listen(listener: (message: Message) => void): () => void;
  close(): void;
}

function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  if (kind === 'sync-now' || kind === 'hello') return true;
  return kind === 'status' && typeof (value as { status?: unknown }).status === 'object';
}

/**
 * Only one window of a user runs the engine (a Web Lock); the others show its status and pass their
 * “立即同步” to it over this channel, named after the database.
 */
export function openStatusChannel(databaseName: string): StatusChannel {
  const channel = new BroadcastChannel(`yunwei-sync-status:${databaseName}`);
  const listeners = new Set<(message: Message) => void>();
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (!isMessage(event.data)) return;
    for (const listener of listeners) listener(event.data);
  };
  return {
    post: (message) => channel.postMessage(message),
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => channel.close(),
  };
}
