/**
 * The client half of sync (docs/sync-protocol.md): the engine that pushes the outbox and pulls
 * everyone else's changes into the local store, its status, and the rejected changes the user must
 * decide on. Mount <SyncProvider db account> inside StoreProvider (and the react-query provider).
 */
export type { SyncAccount } from './sync-account';
export { INITIAL_SYNC_STATUS, type SyncPhase, type SyncStatus } from './sync-status';
export { SyncProvider, type SyncProviderProps } from './SyncProvider';
export { useSyncNow, useSyncStatus } from './sync-context';
export { SyncEngine, type RoundOutcome, type SyncEngineOptions, type Timers } from './sync-engine';
export { createHttpTransport } from './http-transport';
export { SyncHttpError, SyncNetworkError, SyncProtocolError, type SyncTransport } from './transport';
export { backoffDelay } from './backoff';
export { fetchServerHistory } from './server-history';
export {
  discardRejectedChange,
  listRejectedChanges,
  listSyncProblems,
  resendRejectedChange,
  type RejectedChange,
  type SyncProblemRow,
} from '../store';
