import { z } from 'zod';

/**
 * What the login screen remembers on this PC (localStorage: survives restarts) and which server
 * account is signed in in this window (sessionStorage: survives a reload, not closing the app, so
 * every start asks for the password again). Storage failing (a policy disables site data) only costs
 * the convenience, so it is logged and the fallback used.
 */
const LOGIN_TAB_KEY = 'yunwei.loginTab';
const SERVER_ADDRESS_KEY = 'yunwei.serverAddress';
const USERNAME_KEY = 'yunwei.lastUsername';
const ACTIVE_ACCOUNT_KEY = 'yunwei.activeAccount';
const LOCKED_KEY = 'yunwei.locked';

export type LoginTab = 'server' | 'local';

function using<T>(storage: () => Storage, action: (storage: Storage) => T, fallback: T): T {
  try {
    return action(storage());
  } catch (error) {
    console.warn('无法使用浏览器存储记住登录信息，下次需要重新填写：', error);
    return fallback;
  }
}
const local = () => window.localStorage;
const session = () => window.sessionStorage;

export function rememberedLoginTab(): LoginTab | null {
  const value = using(local, (storage) => storage.getItem(LOGIN_TAB_KEY), null);
  return value === 'server' || value === 'local' ? value : null;
}

export function rememberLoginTab(tab: LoginTab): void {
  using(local, (storage) => storage.setItem(LOGIN_TAB_KEY, tab), undefined);
}

export function rememberedServerAddress(): string | null {
  return using(local, (storage) => storage.getItem(SERVER_ADDRESS_KEY), null);
}

export function rememberedUsername(): string | null {
  return using(local, (storage) => storage.getItem(USERNAME_KEY), null);
}

export function rememberServerLogin(address: string, username: string): void {
  using(
    local,
    (storage) => {
      storage.setItem(SERVER_ADDRESS_KEY, address);
      storage.setItem(USERNAME_KEY, username);
    },
    undefined,
  );
}

const activeAccountSchema = z.strictObject({ serverKey: z.string(), username: z.string() });
export type ActiveAccount = z.infer<typeof activeAccountSchema>;

export function activeAccount(): ActiveAccount | null {
  const raw = using(session, (storage) => storage.getItem(ACTIVE_ACCOUNT_KEY), null);
  if (raw === null) return null;
  try {
    const parsed = activeAccountSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function setActiveAccount(account: ActiveAccount | null): void {
  using(
    session,
    (storage) =>
      account === null
        ? storage.removeItem(ACTIVE_ACCOUNT_KEY)
        : storage.setItem(ACTIVE_ACCOUNT_KEY, JSON.stringify(account)),
    undefined,
  );
}

/** A reload of a locked window must come back locked, or reloading would be a way around the lock. */
export function isLockRemembered(): boolean {
  return using(session, (storage) => storage.getItem(LOCKED_KEY) === '1', false);
}

export function rememberLock(locked: boolean): void {
  using(
    session,
    (storage) => (locked ? storage.setItem(LOCKED_KEY, '1') : storage.removeItem(LOCKED_KEY)),
    undefined,
  );
}
