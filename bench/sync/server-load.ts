import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BenchServer, startBenchServer } from './bench-server';
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

/**
 * The load on `processes` server processes sharing one new database of the PostgreSQL server at
 * `serverUrl` (dropped after): the first creates the schema and the accounts, the others start on it.
 */
export async function loadOnPostgresProcesses(
  serverUrl: string,
  options: LoadOptions,
  processes: number,
): Promise<LoadResult> {
  const database = await createThrowawayPostgresDatabase(serverUrl, 'yunwei_bench');
  try {
    return await loadOn({ databaseUrl: database.databaseUrl }, options, processes);
  } finally {
    await database.drop();
  }
}

async function loadOn(
  target: { dataDir: string } | { databaseUrl: string },
  options: LoadOptions,
  processes = 1,
): Promise<LoadResult> {
  const servers: BenchServer[] = [];
  try {
    for (let index = 0; index < processes; index += 1) {
      servers.push(
        await startBenchServer({
          target,
          accounts: index === 0 ? loadAccounts(options.clients) : [],
          password: options.password,
        }),
      );
    }
    return await runLoad(
      servers.map((server) => server.url),
      options,
    );
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
}
