import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface ThrowawayPostgresDatabase {
  readonly databaseUrl: string;
  drop(): Promise<void>;
}

/**
 * A new, empty database on the PostgreSQL server at `serverUrl`, named `<prefix>_<hex>`, and how to drop
 * it: the integration tests and the benchmarks never touch existing data.
 */
export async function createThrowawayPostgresDatabase(
  serverUrl: string,
  prefix: 'yunwei_test' | 'yunwei_bench',
): Promise<ThrowawayPostgresDatabase> {
  // Lowercase hex after a fixed prefix: safe to write into SQL as an identifier.
  const name = `${prefix}_${randomUUID().replaceAll('-', '')}`;
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
