import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface PostgresTarget {
  readonly databaseUrl: string;
  drop(): Promise<void>;
}

/**
 * A new, empty database on the PostgreSQL server of DATABASE_URL, made for this run and dropped
 * after it, so the bench never touches existing data (as the server's tests do).
 */
export async function createPostgresTarget(serverUrl: string): Promise<PostgresTarget> {
  // Lower-case hex only: safe to write into SQL as an identifier.
  const name = `yunwei_bench_${randomUUID().replaceAll('-', '')}`;
  await withAdminClient(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    drop: () =>
      withAdminClient(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`)),
  };
}

async function withAdminClient(
  serverUrl: string,
  work: (client: pg.Client) => Promise<unknown>,
): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
