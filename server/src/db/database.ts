/**
 * The one database interface the server codes against. Both implementations speak PostgreSQL's SQL:
 * embedded PGlite (PostgreSQL compiled to WASM) for a single machine, node-postgres for a real
 * PostgreSQL server. Values come back identically typed from both (see type-parsers.ts).
 */

export type DatabaseKind = 'pglite' | 'postgresql';

/**
 * What a query parameter may be. JSON goes in as a string (`$1::jsonb`) so both drivers send the same
 * text; bigint-sized numbers go in as strings for the same reason.
 */
export type SqlParam = string | number | boolean | null | Date | Uint8Array | readonly SqlParam[];

export interface QueryResult<Row> {
  rows: Row[];
  /** Rows returned by a SELECT, or affected by INSERT/UPDATE/DELETE. */
  rowCount: number;
}

export interface Queryable {
  /** One statement, parameters as `$1, $2, …`. `Row` is what the caller knows the SELECT returns. */
  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly SqlParam[],
  ): Promise<QueryResult<Row>>;
  /** A script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onPayload` with each notification on `channel` (PostgreSQL's LISTEN/NOTIFY) committed by
   * any connection to this database, until the returned function is called. `channel` is a constant
   * of the code: lower-case letters and underscores.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Waits for running queries, then releases the connection(s) or the embedded engine. */
  close(): Promise<void>;
}

/** The channel name, checked: LISTEN takes an identifier, which cannot be a query parameter. */
export function assertChannel(channel: string): string {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`通知频道名无效：${channel}`);
  return channel;
}
