import { createHash } from 'node:crypto';
import pg from 'pg';
import { errorReason } from '../error-reason';
import { type Database, type QueryResult, type Queryable, type SqlParam, assertChannel } from './database';
import { PG_TYPE, RAW_TEXT_ARRAY_TYPES, RAW_TEXT_TYPES, rawText } from './type-parsers';

export interface PostgresOptions {
  /**
   * Errors that belong to no query, such as an idle pooled connection dropped by a server restart
   * (the pool replaces it). Unhandled, node-postgres would crash the process with them.
   */
  onBackgroundError: (error: Error) => void;
}

const CONNECT_TIMEOUT_MS = 10_000;

/** Connects to a PostgreSQL server and checks it answers before returning. */
export async function openPostgresDatabase(url: string, options: PostgresOptions): Promise<Database> {
  const target = redactDatabaseUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    application_name: 'yunwei-desk',
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types: sharedTypeParsers(),
  });
  // After close() the pool's connections are being shut down: pg-pool's end() resolves once it has
  // asked each to end, not once each has, so the server may still terminate one (e.g. a DROP DATABASE
  // … WITH (FORCE) right after) and report it. Such an error belongs to nobody.
  let closed = false;
  pool.on('error', (error) => {
    if (!closed) options.onBackgroundError(error);
  });
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end();
    throw new Error(`无法连接 PostgreSQL（${target}）：${errorReason(error)}`, { cause: error });
  }

  const root = queryableOver(pool);
  return {
    kind: 'postgresql',
    query: root.query,
    exec: root.exec,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(queryableOver(client));
        await client.query('commit');
        client.release();
        return result;
      } catch (error) {
        await rollbackAndRelease(client, options);
        throw error;
      }
    },
    listen: (channel, onPayload) => listenOn(url, assertChannel(channel), onPayload, options),
    close: () => {
      closed = true;
      return pool.end();
    },
  };
}

/** How long a dropped listening connection waits before it connects again. */
const LISTEN_RECONNECT_MS = 1000;

/**
 * LISTEN on a connection of its own (a pooled one would be handed to queries and lose it). When that
 * connection drops, e.g. the server restarts, the error goes to `onBackgroundError` and it connects
 * again every second until it succeeds; notifications sent meanwhile are lost, which the callers
 * accept (clients also sync on their own timer). A first connection that fails is retried the same way.
 */
async function listenOn(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  options: PostgresOptions,
): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const client = new pg.Client({
      connectionString: url,
      application_name: 'yunwei-desk-listen',
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    let lost = false;
    const onLost = (error: Error) => {
      if (lost || stopped) return;
      lost = true;
      current = undefined;
      options.onBackgroundError(
        new Error(`接收数据库通知的连接中断，稍后重连：${errorReason(error)}`, { cause: error }),
      );
      // The connection already failed and that was reported: a failure to end it adds nothing.
      void client.end().catch(() => undefined);
      retry = setTimeout(reconnect, LISTEN_RECONNECT_MS);
    };
    client.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    client.on('error', onLost);
    client.on('end', () => onLost(new Error('连接已关闭')));
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
    } catch (error) {
      lost = true;
      // `error` is what the caller hears about; ending the half-open connection may fail the same way.
      await client.end().catch(() => undefined);
      throw error;
    }
    current = client;
  };
  const reconnect = () => {
    if (stopped) return;
    connect().catch((error: unknown) => {
      options.onBackgroundError(
        new Error(`无法重连接收数据库通知的连接：${errorReason(error)}`, { cause: error }),
      );
      retry = setTimeout(reconnect, LISTEN_RECONNECT_MS);
    });
  };

  try {
    await connect();
  } catch (error) {
    options.onBackgroundError(
      new Error(
        `无法在 PostgreSQL 上监听通知（${redactDatabaseUrl(url)}），稍后重试：${errorReason(error)}`,
        {
          cause: error,
        },
      ),
    );
    retry = setTimeout(reconnect, LISTEN_RECONNECT_MS);
  }
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await current?.end();
  };
}

async function rollbackAndRelease(client: pg.PoolClient, options: PostgresOptions): Promise<void> {
  try {
    await client.query('rollback');
    client.release();
  } catch (rollbackError) {
    // The connection is in an unknown state: destroy it rather than hand it to the next caller.
    const failure = new Error(`事务回滚失败，已丢弃该数据库连接：${errorReason(rollbackError)}`, {
      cause: rollbackError,
    });
    client.release(failure);
    options.onBackgroundError(failure);
  }
}

function queryableOver(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row extends object>(
      sql: string,
      params: readonly SqlParam[] = [],
    ): Promise<QueryResult<Row>> {
      const result = await target.query<Row & pg.QueryResultRow>({
        name: statementName(sql),
        text: sql,
        values: [...params],
      });
      return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(script: string) {
      // Without parameters node-postgres uses the simple query protocol, which runs several statements.
      await target.query(script);
    },
  };
}

/**
 * Every statement is prepared once per connection under a name derived from its text, so the server
 * parses and plans it once instead of on every call (the sync statements are long CTEs run on every
 * push and pull). The texts are constants of the code, so their number is bounded.
 */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `y${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/** Each statement's name, hashed once per process instead of on every call. */
const statementNames = new Map<string, string>();

type PgTypeId = Parameters<typeof pg.types.getTypeParser>[0];

function sharedTypeParsers(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  for (const type of RAW_TEXT_TYPES) types.setTypeParser(type, 'text', rawText);
  // pg-types' TypeId enum leaves out array types, which its runtime parses all the same.
  const parseTextArray: (value: string) => unknown = pg.types.getTypeParser(
    PG_TYPE.textArray as PgTypeId,
    'text',
  );
  for (const type of RAW_TEXT_ARRAY_TYPES) types.setTypeParser(type, 'text', parseTextArray);
  return types;
}

/** The URL without its password, for messages and logs. Throws when it is not a PostgreSQL URL. */
export function redactDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not chained: the parser's error carries the whole input, password included.
    throw new Error('DATABASE_URL 不是有效的地址，应形如 postgresql://用户@主机:端口/数据库');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`DATABASE_URL 的协议应为 postgresql:// 或 postgres://，而不是 ${parsed.protocol}//`);
  }
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}
