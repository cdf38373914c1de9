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
