import { serverMetaMigration } from './001_server_meta';
import type { Migration } from './migration';

/** Every migration, in order. Append new ones; never edit or remove a released one. */
export const allMigrations: readonly Migration[] = [serverMetaMigration];
