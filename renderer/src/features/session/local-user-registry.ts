import { Dexie, type Table } from 'dexie';
import { toStoreError } from '../../store';

/** A person who uses this PC (browser profile). Their records live in their own database. */
export interface LocalUser {
  /** What records and history store as the actor; the name as typed, normalized. */
  readonly id: string;
  readonly displayName: string;
  readonly createdAt: number;
}

/**
 * The list of local users, in its own small database: it holds names only, never records, so a
 * user's data is reachable only through their own database (`yunwei-local-<id>`). The name has no
 * `local-` so that no user name can collide with it.
 */
export const REGISTRY_DATABASE_NAME = 'yunwei-profiles';

export class LocalUserRegistry extends Dexie {
  declare readonly users: Table<LocalUser, string>;

  constructor(name: string = REGISTRY_DATABASE_NAME) {
    super(name, { cache: 'disabled' });
    this.version(1).stores({ users: 'id, createdAt' });
  }
}

const MAX_NAME_LENGTH = 32;

/** A name the registry refuses: the message says why, in Chinese. */
export class UserNameError extends Error {
  override readonly name = 'UserNameError';
}

export type NameCheck =
  { readonly ok: true; readonly name: string } | { readonly ok: false; readonly reason: string };

/**
 * The name as it will be stored: full-width letters folded (NFKC), spaces trimmed and collapsed.
 * Until the sync issue brings accounts, the name is the user id, so it must be unique on this PC.
 */
export function checkUserName(typed: string): NameCheck {
  const name = typed.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (name === '') return { ok: false, reason: '请填写姓名' };
  if (name.length > MAX_NAME_LENGTH) return { ok: false, reason: `姓名不能超过 ${MAX_NAME_LENGTH} 个字符` };
  if (/\p{Cc}/u.test(name)) return { ok: false, reason: '姓名不能包含控制字符' };
  return { ok: true, name };
}

export async function listLocalUsers(registry: LocalUserRegistry): Promise<LocalUser[]> {
  try {
    return await registry.users.orderBy('createdAt').toArray();
  } catch (error) {
    throw toStoreError(error, '读取本机用户列表');
  }
}

export async function findLocalUser(registry: LocalUserRegistry, id: string): Promise<LocalUser | undefined> {
  try {
    return await registry.users.get(id);
  } catch (error) {
    throw toStoreError(error, '读取本机用户');
  }
}

/** Adds a user; refuses an empty, over-long or already used name with a Chinese reason. */
export async function createLocalUser(
  registry: LocalUserRegistry,
  typedName: string,
  now: number,
): Promise<LocalUser> {
  const checked = checkUserName(typedName);
  if (!checked.ok) throw new UserNameError(checked.reason);
  const user: LocalUser = { id: checked.name, displayName: checked.name, createdAt: now };
  try {
    await registry.transaction('rw', registry.users, async () => {
      if ((await registry.users.get(user.id)) !== undefined) {
        throw new UserNameError(
          `本机已有名为“${user.displayName}”的用户：请直接在列表中选择，或换一个名字（例如加上部门）`,
        );
      }
      await registry.users.add(user);
    });
  } catch (error) {
    if (error instanceof UserNameError) throw error;
    throw toStoreError(error, '创建本机用户');
  }
  return user;
}
