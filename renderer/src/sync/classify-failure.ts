import { isStoreError } from '../store';
import type { SyncPhase } from './sync-status';
import { SyncHttpError, SyncNetworkError } from './transport';

export interface Failure {
  readonly phase: Extract<SyncPhase, 'offline' | 'failing' | 'signed-out' | 'outdated'>;
  readonly message: string;
  /** False when retrying cannot help until the user acts (sign in again, upgrade). */
  readonly retry: boolean;
}

const SIGNED_OUT_CODES = new Set([
  'unauthorized',
  'invalid_token',
  'token_expired',
  'token_revoked',
  'account_disabled',
]);

/** What a failed round means for the user (docs/sync-protocol.md §11–§12). */
export function classifyFailure(error: unknown): Failure {
  if (error instanceof SyncNetworkError) {
    return {
      phase: 'offline',
      message: `无法连接服务器：${error.message}。修改都保存在本机，联网后会自动同步`,
      retry: true,
    };
  }
  if (error instanceof SyncHttpError) {
    if ([502, 503, 504].includes(error.status)) {
      return {
        phase: 'offline',
        message: `服务器暂时不可用（${error.status}）：${error.message}`,
        retry: true,
      };
    }
    if (error.status === 401 || SIGNED_OUT_CODES.has(error.code)) {
      return {
        phase: 'signed-out',
        message: `${error.message}：请重新登录，本机的修改会保留并在登录后同步`,
        retry: false,
      };
    }
    if (error.code === 'client_outdated' || error.code === 'server_outdated') {
      return { phase: 'outdated', message: error.message, retry: false };
    }
    return {
      phase: 'failing',
      message: `服务器拒绝了同步请求（${error.status} ${error.code}）：${error.message}`,
      retry: true,
    };
  }
  if (isStoreError(error)) return { phase: 'failing', message: error.message, retry: true };
  const reason = error instanceof Error ? error.message : String(error);
  return { phase: 'failing', message: `同步失败：${reason}`, retry: true };
}
