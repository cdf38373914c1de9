import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../db/database';
import { type DatabaseTarget, openDatabase } from '../db/open-database';
import { runMigrations } from '../db/migrations/run-migrations';
import { createThrowawayPostgresDatabase } from '../db/throwaway-postgres';

/**
 * The databases every integration suite runs against: PGlite always, PostgreSQL when DATABASE_URL
 * points at a server. Each test database is new and empty: a temp directory for PGlite, a database
 * created for the occasion (and dropped after) on PostgreSQL, so suites never touch existing data.
 */
export interface TestBackend {
  name: 'PGlite' | 'PostgreSQL';
  /** Why this backend cannot run here; the suite is skipped with this reason in its title. */
  skipReason?: string;
  createTarget(): Promise<TestTarget>;
}

export interface TestTarget {
  target: DatabaseTarget;
  dispose(): Promise<void>;
}

const postgresUrl = process.env.DATABASE_URL || undefined;

export const pgliteBackend: TestBackend = {
  name: 'PGlite',
  async createTarget() {
    const dataDir = await mkdtemp(join(tmpdir(), 'yunwei-server-test-'));
    return { target: { dataDir }, dispose: () => rm(dataDir, { recursive: true, force: true }) };
  },
};

export const postgresBackend: TestBackend = {
  name: 'PostgreSQL',
  skipReason: postgresUrl === undefined ? 'DATABASE_URL is not set' : undefined,
  createTarget: async () => {
    const database = await createThrowawayPostgresDatabase(requirePostgresUrl(), 'yunwei_test');
    return { target: { databaseUrl: database.databaseUrl }, dispose: database.drop };
  },
};

export const testBackends: readonly TestBackend[] = [pgliteBackend, postgresBackend];

export function suiteTitle(backend: TestBackend): string {
  return backend.skipReason === undefined ? backend.name : `${backend.name} (skipped: ${backend.skipReason})`;
}

/** Errors with no query to fail belong to no test; throwing makes Vitest report them. */
export function failOnBackgroundError(error: Error): never {
  throw error;
}

export function openTestDatabase(target: DatabaseTarget): Promise<Database> {
  return openDatabase(target, { onBackgroundError: failOnBackgroundError });
}

/** A new database at the current schema, and how to throw it away. */
export async function createMigratedDatabase(
  backend: TestBackend,
): Promise<{ db: Database; dispose(): Promise<void> }> {
  const { target, dispose } = await backend.createTarget();
  const db = await openTestDatabase(target);
  await runMigrations(db);
  return {
    db,
    async dispose() {
      await db.close();
      await dispose();
    },
  };
}

function requirePostgresUrl(): string {
  if (postgresUrl === undefined) throw new Error('DATABASE_URL is not set');
  return postgresUrl;
}
