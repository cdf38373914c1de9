import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBenchServer } from './bench-server';
import { type LoadOptions, type LoadResult, loadAccounts, runLoad } from './load-clients';
import { createThrowawayPostgresDatabase } from '../../server/src/db/throwaway-postgres';

/** The load on a new PGlite data directory (a temp folder, removed after). */
export async function loadOnPglite(options: LoadOptions): Promise<LoadResult> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'yunwei-bench-load-'));
  try {
    return await loadOn({ dataDir }, options);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The load on a new database of the PostgreSQL server at `serverUrl` (dropped after). */
export async function loadOnPostgres(serverUrl: string, options: LoadOptions): Promise<LoadResult> {
  const database = await createThrowawayPostgresDatabase(serverUrl, 'yunwei_bench');
  try {
    return await loadOn({ databaseUrl: database.databaseUrl }, options);
  } finally {
    await database.drop();
  }
}

async function loadOn(
  target: { dataDir: string } | { databaseUrl: string },
  options: LoadOptions,
): Promise<LoadResult> {
  const server = await startBenchServer({
    target,
    accounts: loadAccounts(options.clients),
    password: options.password,
  });
  try {
    return await runLoad(server.url, options);
  } finally {
    await server.close();
  }
}
