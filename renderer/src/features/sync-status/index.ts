export { SyncStatusBadge } from './SyncStatusBadge';
export { SyncStatusPage } from './SyncStatusPage';
