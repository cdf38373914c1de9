import type { CalendarNotice, CalendarPutResponse } from '@core/calendar';
import type {
  HistoryResponse,
  PullRequestInput,
  PullResponse,
  PushRequest,
  PushResponse,
} from '@core/sync/protocol';

/** What the engine needs from the server (docs/sync-protocol.md); the HTTP one is http-transport.ts. */
export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse>;
  pull(request: PullRequestInput): Promise<PullResponse>;
  /** Whether the server has the blob and this user may fetch it (HEAD /blobs/<sha256>). */
  hasBlob(sha256: string): Promise<boolean>;
  putBlob(sha256: string, data: Blob): Promise<void>;
  /**
   * Listens to the event stream until it ends (resolves) or fails (rejects); `signal` closes it.
   * `onReady` once connected, `onPoke` for each poke.
   */
  events(handlers: EventHandlers, signal: AbortSignal): Promise<void>;
  history(recordId: string): Promise<HistoryResponse>;
  /** The calendar notices an admin added; `etag` from the last answer makes an unchanged one cheap. */
  calendars(etag: string | null): Promise<CalendarFetch>;
  /** The project lead adds or replaces a year's notice (PUT /calendars/YEAR). */
  putCalendar(notice: CalendarNotice): Promise<CalendarPutResponse>;
}

export type CalendarFetch =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'notices'; readonly notices: readonly CalendarNotice[]; readonly etag: string | null };

export interface EventHandlers {
  readonly onReady: () => void;
  readonly onPoke: () => void;
}

/** The server answered with an error body (docs/sync-protocol.md §11). */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}

/** The server could not be reached, or did not answer in time: nothing is known to have happened. */
export class SyncNetworkError extends Error {
  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.name = 'SyncNetworkError';
  }
}

/** The server answered something the protocol does not allow. */
export class SyncProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncProtocolError';
  }
}
