import { SCHEMA_VERSION_HEADER, SYNC_SCHEMA_VERSION } from '@core/sync/protocol';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error';

/**
 * Every request of the authenticated API names the schema version it was written against; a client
 * and server that disagree must not exchange records. An older client is told to upgrade (426), a
 * newer one that the server must be upgraded first (409). Every response names the server's version.
 */
export function requireSchemaVersion(api: FastifyInstance): void {
  api.addHook('onRequest', async (request, reply) => {
    reply.header(SCHEMA_VERSION_HEADER, String(SYNC_SCHEMA_VERSION));
    const header = request.headers[SCHEMA_VERSION_HEADER];
    const text = Array.isArray(header) ? header[0] : header;
    if (text === undefined || text.trim() === '') {
      throw new ApiError(
        400,
        'schema_version_missing',
        `请求缺少 ${SCHEMA_VERSION_HEADER} 头（本服务器的数据结构版本为 ${SYNC_SCHEMA_VERSION}）`,
      );
    }
    if (!/^\d{1,6}$/.test(text.trim())) {
      throw new ApiError(
        400,
        'schema_version_missing',
        `${SCHEMA_VERSION_HEADER} 头应为正整数，收到 "${text}"`,
      );
    }
    assertSchemaVersion(Number(text.trim()));
  });
}

/** The check itself, also applied to the `schemaVersion` that push and pull bodies carry. */
export function assertSchemaVersion(version: number): void {
  if (version < SYNC_SCHEMA_VERSION) {
    throw new ApiError(
      426,
      'client_outdated',
      `客户端的数据结构版本为 ${version}，服务器为 ${SYNC_SCHEMA_VERSION}：请先升级运维台客户端，待同步的修改会保留在本机`,
    );
  }
  if (version > SYNC_SCHEMA_VERSION) {
    throw new ApiError(
      409,
      'server_outdated',
      `客户端的数据结构版本 ${version} 高于服务器的 ${SYNC_SCHEMA_VERSION}：请联系管理员升级中心服务，待同步的修改会保留在本机`,
    );
  }
}
