import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type CalendarNotice, type WorkingCalendar, builtinCalendar } from '@core/calendar';
import { defaultDataDir } from '../app-data-dir';
import type { DatabaseTarget } from '../db/open-database';
import { PGLITE_SUBDIRECTORY } from '../db/open-database';
import { withMigratedDatabase } from '../db/with-database';
import { errorReason } from '../error-reason';
import { readAddedNotices } from './calendar-store';

/** Where the admin CLI finds the database `serve` uses: DATABASE_URL, else --data DIR, else the default folder. */
export function databaseTargetOf(
  env: Readonly<Record<string, string | undefined>>,
  dataOption: string | undefined,
): DatabaseTarget {
  return env.DATABASE_URL
    ? { databaseUrl: env.DATABASE_URL }
    : { dataDir: dataOption ?? defaultDataDir(env) };
}

/** Whether there is a database there at all: a data folder nobody has started a server in has none. */
export function databaseExists(target: DatabaseTarget): boolean {
  if (target.databaseUrl !== undefined) return true;
  return target.dataDir !== undefined && existsSync(join(target.dataDir, PGLITE_SUBDIRECTORY));
}

export interface LoadedCalendar {
  readonly calendar: WorkingCalendar;
  /** Why the database's notices could not be read, when they could not: the answer is then provisional. */
  readonly unreadable?: string;
}

/**
 * The shipped notices, and those an admin added in the database when there is one. The database is
 * opened only when `needed` says the shipped years do not answer, so that a shipped year works with
 * no database and beside a running embedded server (which holds its data folder locked).
 */
export async function loadCliCalendar(
  target: DatabaseTarget,
  needed: (shipped: WorkingCalendar) => boolean,
): Promise<LoadedCalendar> {
  const shipped = builtinCalendar();
  if (!needed(shipped) || !databaseExists(target)) return { calendar: shipped };
  let added: CalendarNotice[];
  try {
    added = await withMigratedDatabase(target, readAddedNotices);
  } catch (error) {
    return { calendar: shipped, unreadable: errorReason(error) };
  }
  return { calendar: builtinCalendar(added) };
}
