import { PGlite, type Results, type Transaction } from '@electric-sql/pglite';
import { errorReason } from '../error-reason';
import { type Database, type QueryResult, type Queryable, type SqlParam, assertChannel } from './database';
import { RAW_TEXT_TYPES, rawText } from './type-parsers';

/**
 * Opens (creating on first use) an embedded PostgreSQL in `directory`. PGlite is one backend in this
 * process, so callers must make sure no other process opens the same directory (see data-dir-lock.ts).
 */
export async function openPgliteDatabase(directory: string): Promise<Database> {
  const parsers = Object.fromEntries([...RAW_TEXT_TYPES].map((type) => [type, rawText]));
  let engine: PGlite;
  try {
    engine = await PGlite.create({ dataDir: directory, parsers });
  } catch (error) {
    throw new Error(`无法打开嵌入式数据库（${directory}）：${errorReason(error)}`, { cause: error });
  }
  const root = queryableOver(engine);
  return {
    kind: 'pglite',
    query: root.query,
    exec: root.exec,
    transaction: (work) => engine.transaction((tx) => work(queryableOver(tx))),
    async listen(channel, onPayload) {
      const unlisten = await engine.listen(assertChannel(channel), onPayload);
      return () => unlisten();
    },
    close: () => engine.close(),
  };
}

function queryableOver(target: PGlite | Transaction): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly SqlParam[] = []) {
      return toQueryResult(await target.query<Row>(sql, [...params]));
    },
    async exec(script: string) {
      await target.exec(script);
    },
  };
}

function toQueryResult<Row>(result: Results<Row>): QueryResult<Row> {
  // A statement without result columns (UPDATE without RETURNING…) reports affected rows instead.
  const returnsRows = result.fields.length > 0;
  return { rows: result.rows, rowCount: returnsRows ? result.rows.length : (result.affectedRows ?? 0) };
}
