import { STORE_RECORD_TYPES, type StoreRecordType } from '../save/record-kinds';

/** What one window tells the others after a save, so their lists and detail views refresh. */
export interface SavedMessage {
  readonly recordType: StoreRecordType;
  readonly recordId: string;
}

/** What one window tells the others after a sync applied pulled records. */
export interface SyncedMessage {
  readonly recordType: 'synced';
  readonly recordIds: readonly string[];
}

export type StoreChangeMessage = SavedMessage | SyncedMessage;

export interface StoreBroadcast {
  announce(message: StoreChangeMessage): void;
  /** Hears the other windows' saves and syncs until the returned function is called. */
  listen(listener: (message: StoreChangeMessage) => void): () => void;
  /** Releases the announcing channel (a later announce opens it again). */
  close(): void;
}

type Envelope = StoreChangeMessage & { readonly sender: string };

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const { recordType, recordId, recordIds, sender } = value as {
    recordType?: unknown;
    recordId?: unknown;
    recordIds?: unknown;
    sender?: unknown;
  };
  if (recordType === 'synced') {
    return (
      typeof sender === 'string' &&
      Array.isArray(recordIds) &&
      recordIds.every((id) => typeof id === 'string')
    );
  }
  return (
    typeof recordType === 'string' &&
    (STORE_RECORD_TYPES as readonly string[]).includes(recordType) &&
    typeof recordId === 'string' &&
    typeof sender === 'string'
  );
}

/**
 * One BroadcastChannel name per database: windows of the same user on this PC see each other's saves,
 * other users' windows never hear them. A window ignores its own announcements (it has already
 * refreshed its caches). Channels are opened lazily so that a React effect can close and reopen them.
 */
export function openStoreBroadcast(databaseName: string): StoreBroadcast {
  const name = `yunwei-saves:${databaseName}`;
  const sender = crypto.randomUUID();
  let announcer: BroadcastChannel | null = null;
  return {
    announce(message) {
      announcer ??= new BroadcastChannel(name);
      const envelope: Envelope = { ...message, sender };
      announcer.postMessage(envelope);
    },
    listen(listener) {
      const channel = new BroadcastChannel(name);
      channel.onmessage = (event: MessageEvent<unknown>) => {
        if (!isEnvelope(event.data) || event.data.sender === sender) return;
        const { sender: _from, ...message } = event.data;
        listener(message);
      };
      return () => channel.close();
    },
    close() {
      announcer?.close();
      announcer = null;
    },
  };
}
