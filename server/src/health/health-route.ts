import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import { errorReason } from '../error-reason';

export const HEALTH_PATH = '/api/v1/health';

export interface HealthOptions {
  db: Database;
  version: string;
  now: () => number;
  /** A database that does not answer within this time counts as down. */
  timeoutMs: number;
  /** The admin accepts sign-in over plain HTTP from other machines (`yunwei serve --allow-plain-http`). */
  plainHttpAllowed: boolean;
}

export interface HealthyResponse {
  status: 'ok';
  version: string;
  /** The schema version the database is at (latest applied migration). */
  schemaVersion: number;
  /** Identifies this database; a client seeing it change knows it talks to a new or restored one. */
  instanceId: string;
  /** Server clock, epoch ms (as every time of the protocol), so clients can see their skew. */
  serverTime: number;
  /** Clients refuse to send a password over plain HTTP to another machine unless this is true. */
  plainHttpAllowed: boolean;
}

export interface UnhealthyResponse {
  status: 'unavailable';
  version: string;
  serverTime: number;
  error: { code: 'database_unavailable'; message: string };
}

/**
 * Reachability probe for clients and monitoring. It reads the database on every call, so "ok" means
 * the server can actually serve; a database that fails or hangs gives 503 with the reason.
 */
export function registerHealthRoute(app: FastifyInstance, options: HealthOptions): void {
  app.get(HEALTH_PATH, async (request, reply) => {
    try {
      const state = await withTimeout(readDatabaseState(options.db), options.timeoutMs);
      const healthy: HealthyResponse = {
        status: 'ok',
        version: options.version,
        schemaVersion: state.schemaVersion,
        instanceId: state.instanceId,
        serverTime: options.now(),
        plainHttpAllowed: options.plainHttpAllowed,
      };
      return healthy;
    } catch (error) {
      request.log.warn({ err: error }, 'health check failed: database unavailable');
      const unhealthy: UnhealthyResponse = {
        status: 'unavailable',
        version: options.version,
        serverTime: options.now(),
        error: { code: 'database_unavailable', message: `数据库不可用：${errorReason(error)}` },
      };
      return reply.code(503).send(unhealthy);
    }
  });
}

async function readDatabaseState(db: Database): Promise<{ schemaVersion: number; instanceId: string }> {
  const { rows } = await db.query<{ schema_version: number | null; instance_id: string | null }>(
    `select (select max(version) from schema_migrations) as schema_version,
            (select instance_id from server_meta) as instance_id`,
  );
  const schemaVersion = rows[0]?.schema_version ?? null;
  const instanceId = rows[0]?.instance_id ?? null;
  if (schemaVersion === null || instanceId === null) {
    throw new Error('数据库尚未初始化（没有迁移记录或实例标识）');
  }
  return { schemaVersion, instanceId };
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${timeoutMs} 毫秒内没有响应`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
