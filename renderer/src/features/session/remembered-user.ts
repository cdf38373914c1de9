/** Which local user this browser profile (or the desktop app on this PC) opened last. */
const STORAGE_KEY = 'yunwei.localUserId';

/**
 * localStorage throws where a policy disables site data. Remembering the user is a convenience: the
 * chooser then asks on every start, which is the right fallback, so the failure is logged, not raised.
 */
function withStorage<T>(action: (storage: Storage) => T, fallback: T): T {
  try {
    return action(window.localStorage);
  } catch (error) {
    console.warn('无法使用 localStorage 记住本机用户，每次启动都需要重新选择：', error);
    return fallback;
  }
}

export function rememberedUserId(): string | null {
  return withStorage((storage) => storage.getItem(STORAGE_KEY), null);
}

export function rememberUser(userId: string): void {
  withStorage((storage) => storage.setItem(STORAGE_KEY, userId), undefined);
}

export function forgetRememberedUser(): void {
  withStorage((storage) => storage.removeItem(STORAGE_KEY), undefined);
}
