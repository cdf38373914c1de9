const DATABASE_NAME = 'yunwei-host';
const STORE_NAME = 'secure-tokens';

/**
 * Tokens for the browser build, in IndexedDB under this origin. A browser offers no OS keychain to a
 * web page, so a token here is as safe as the browser profile that holds it; the desktop app keeps
 * them in the OS keychain instead (safeStorage).
 */
export class IndexedDbTokenStore {
  private database: Promise<IDBDatabase> | undefined;

  constructor(private readonly factory: IDBFactory) {}

  async read(key: string): Promise<string | null> {
    const value = await this.run('readonly', (store) => store.get(key));
    if (value === undefined) return null;
    if (typeof value !== 'string')
      throw new Error(`浏览器中保存的凭据 ${key} 已损坏（不是文本），请重新登录`);
    return value;
  }

  async write(key: string, value: string): Promise<void> {
    await this.run('readwrite', (store) => store.put(value, key));
  }

  async delete(key: string): Promise<void> {
    await this.run('readwrite', (store) => store.delete(key));
  }

  private open(): Promise<IDBDatabase> {
    this.database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = this.factory.open(DATABASE_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () =>
        reject(new Error(`无法打开浏览器本地存储（IndexedDB）：${request.error?.message ?? '未知原因'}`));
      request.onblocked = () =>
        reject(new Error('浏览器本地存储被另一个运维台页面占用，请关闭其他页面后重试'));
    }).catch((error: unknown) => {
      // Forget the failed attempt so the next call tries again instead of failing forever.
      this.database = undefined;
      throw error;
    });
    return this.database;
  }

  private async run(
    mode: IDBTransactionMode,
    operation: (store: IDBObjectStore) => IDBRequest,
  ): Promise<unknown> {
    const database = await this.open();
    return new Promise((resolve, reject) => {
      const transaction = database.transaction(STORE_NAME, mode);
      const request = operation(transaction.objectStore(STORE_NAME));
      // Resolve on commit, not on request success, so a write is durable before the caller moves on.
      transaction.oncomplete = () => resolve(request.result);
      transaction.onabort = () =>
        reject(
          new Error(
            `浏览器本地存储操作失败：${transaction.error?.message ?? request.error?.message ?? '事务被中止'}`,
          ),
        );
    });
  }
}
