import { StoreError } from './store-error';

export const QUOTA_MESSAGE =
  '磁盘空间不足，本次保存没有写入（之前保存的内容都还在）：请清理电脑磁盘空间或删除不需要的大附件后再保存。';
export const VERSION_MESSAGE =
  '本机数据已被更新版本的运维台升级，当前窗口的版本较旧：请重新加载页面（Ctrl+R）或更新运维台。已保存的内容都在。';
export const MISSING_INDEXEDDB_MESSAGE =
  '当前浏览器无法使用本地数据库（IndexedDB 不可用，常见于隐身/无痕窗口或禁用了网站数据），运维台无法离线保存：请使用运维台桌面版，或在 Chrome/Edge 的普通窗口中打开。';

interface NamedError {
  readonly name: string;
  readonly message: string;
  readonly inner?: unknown;
}

function isNamedError(value: unknown): value is NamedError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { name?: unknown }).name === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** The error and everything it wraps (Dexie wraps IndexedDB's DOMException in `inner`, others in `cause`). */
function errorChain(error: unknown): NamedError[] {
  const chain: NamedError[] = [];
  let current: unknown = error;
  while (isNamedError(current) && chain.length < 8) {
    chain.push(current);
    current = current.inner ?? (current as { cause?: unknown }).cause;
  }
  return chain;
}

/**
 * Turns whatever IndexedDB or Dexie threw into a StoreError with a Chinese message. `what` says what
 * was being done (保存工单, 打开本地数据库), so the message names it. A StoreError passes through.
 */
export function toStoreError(error: unknown, what: string, disconnectedReason?: string): StoreError {
  if (error instanceof StoreError) return error;
  const chain = errorChain(error);
  const names = new Set(chain.map((link) => link.name));
  if (names.has('QuotaExceededError')) return new StoreError('quota', QUOTA_MESSAGE, { cause: error });
  if (names.has('VersionError')) return new StoreError('version', VERSION_MESSAGE, { cause: error });
  if (names.has('DatabaseClosedError') && disconnectedReason !== undefined) {
    return new StoreError('version', disconnectedReason, { cause: error });
  }
  if (names.has('MissingAPIError'))
    return new StoreError('unknown', MISSING_INDEXEDDB_MESSAGE, { cause: error });
  const innermost = chain.at(-1);
  const reason = innermost === undefined ? String(error) : `${innermost.name}: ${innermost.message}`;
  return new StoreError(
    'unknown',
    `${what}失败（本地数据库报告：${reason}）。已保存的内容不受影响，请重试；如果反复出现，请重新加载页面。`,
    {
      cause: error,
    },
  );
}
