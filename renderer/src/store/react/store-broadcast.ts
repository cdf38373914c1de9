import type { StoreRecordType } from '../save/record-kinds';

/** What one window tells the others after a save, so their lists and detail views refresh. */
export interface SavedMessage {
  readonly recordType: StoreRecordType;
  readonly recordId: string;
}

export interface StoreBroadcast {
  announce(message: SavedMessage): void;
  /** Hears the other windows' saves until the returned function is called. */
  listen(listener: (message: SavedMessage) => void): () => void;
  /** Releases the announcing channel (a later announce opens it again). */
  close(): void;
}

const RECORD_TYPES: readonly string[] = ['ticket', 'inspectionTemplate', 'inspectionRun'];

interface Envelope extends SavedMessage {
  readonly sender: string;
}

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const { recordType, recordId, sender } = value as {
    recordType?: unknown;
    recordId?: unknown;
    sender?: unknown;
  };
  return (
    typeof recordType === 'string' &&
    RECORD_TYPES.includes(recordType) &&
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
        listener({ recordType: event.data.recordType, recordId: event.data.recordId });
      };
      return () => channel.close();
    },
    close() {
      announcer?.close();
      announcer = null;
    },
  };
}
