/** The server's public API: what the `yunwei` CLI (or anything embedding the server) uses. */
export { APP_VERSION } from './app-version';
export { defaultDataDir } from './app-data-dir';
export { DataDirInUseError } from './db/data-dir-lock';
export type { DatabaseKind } from './db/database';
export type { DatabaseTarget } from './db/open-database';
export { redactDatabaseUrl } from './db/postgres-database';
export type { LogLevel } from './http/app';
export { type MigrateResult, migrate } from './migrate';
export { PortInUseError, type RunningServer, type ServerOptions, startServer } from './start-server';
export {
  type AdminContext,
  type UserStatus,
  type UserSummary,
  addUser,
  disableUser,
  listUserSummaries,
  resetPassword,
  setUserScope,
} from './accounts/user-admin';
export { type PasswordReader, readPasswordFromProcess } from './accounts/read-password';
export {
  AUDIT_ACTION_LABELS,
  AUDIT_RESULT_LABELS,
  type AuditQuery,
  type StoredAuditEntry,
  listAudit,
} from './audit/audit-log';
export { DEFAULT_SECURITY_POLICY, type SecurityPolicy } from './auth/security-policy';
export { withMigratedDatabase } from './db/with-database';
