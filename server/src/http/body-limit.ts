import type { FastifyRequest } from 'fastify';
import { ApiError } from './api-error';

/**
 * A route's own body limit, checked from Content-Length before anything is read, so the 413 names
 * this route's limit (the framework's own message names the global one).
 */
export function limitBody(maxBytes: number, what: string) {
  return async (request: FastifyRequest): Promise<void> => {
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > maxBytes) {
      throw new ApiError(
        413,
        'payload_too_large',
        `${what}不能超过 ${formatBytes(maxBytes)}（收到 ${length} 字节）`,
      );
    }
  };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} 字节`;
}
