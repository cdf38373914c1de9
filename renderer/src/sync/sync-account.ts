import type { SessionUser } from '@core/sync/protocol';

/** A signed-in server account on this PC: what the engine needs to talk to the server. */
export interface SyncAccount {
  /** e.g. 'http://127.0.0.1:8080', or '' for the page's own origin. */
  readonly baseUrl: string;
  /** The bearer token from POST /api/v1/auth/login. */
  readonly token: string;
  readonly user: SessionUser;
}
