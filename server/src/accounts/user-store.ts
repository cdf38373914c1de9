import type { Role, UserScope } from '@core/auth/roles';
import type { Queryable } from '../db/database';

/** A row of `users`, as the server code uses it. Ids are int8, which come back as text. */
export interface UserRow {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly subsystemIds: number[];
  readonly unitIds: number[];
  readonly passwordHash: string;
  readonly verifierSalt: string;
  readonly failedLogins: number;
  readonly lockedUntil: Date | null;
  readonly disabledAt: Date | null;
  readonly createdAt: Date;
}

const COLUMNS = `id, name, role, subsystem_ids as "subsystemIds", unit_ids as "unitIds",
  password_hash as "passwordHash", verifier_salt as "verifierSalt", failed_logins as "failedLogins",
  locked_until as "lockedUntil", disabled_at as "disabledAt", created_at as "createdAt"`;

export async function findUserByName(db: Queryable, name: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(`select ${COLUMNS} from users where name = $1`, [name]);
  return rows[0];
}

/** Locks the row for the rest of the transaction (admin changes). */
export async function findUserForUpdate(db: Queryable, name: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(`select ${COLUMNS} from users where name = $1 for update`, [name]);
  return rows[0];
}

export async function listUsers(db: Queryable): Promise<UserRow[]> {
  return (await db.query<UserRow>(`select ${COLUMNS} from users order by name`)).rows;
}

export interface NewUser {
  readonly name: string;
  readonly scope: UserScope;
  readonly passwordHash: string;
  readonly verifierSalt: string;
}

export async function insertUser(db: Queryable, user: NewUser, now: number): Promise<void> {
  const { subsystemIds, unitIds } = scopeColumns(user.scope);
  const at = new Date(now);
  await db.query(
    `insert into users (name, role, subsystem_ids, unit_ids, password_hash, verifier_salt,
                        password_changed_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $7, $7)`,
    [user.name, user.scope.role, subsystemIds, unitIds, user.passwordHash, user.verifierSalt, at],
  );
}

export async function updateScope(
  db: Queryable,
  userId: string,
  scope: UserScope,
  now: number,
): Promise<void> {
  const { subsystemIds, unitIds } = scopeColumns(scope);
  await db.query(
    'update users set role = $2, subsystem_ids = $3, unit_ids = $4, updated_at = $5 where id = $1',
    [userId, scope.role, subsystemIds, unitIds, new Date(now)],
  );
}

/** A new password also clears a lockout: the admin has checked who is asking. */
export async function updatePassword(
  db: Queryable,
  userId: string,
  passwordHash: string,
  verifierSalt: string,
  now: number,
): Promise<void> {
  await db.query(
    `update users set password_hash = $2, verifier_salt = $3, failed_logins = 0, locked_until = null,
                      password_changed_at = $4, updated_at = $4
     where id = $1`,
    [userId, passwordHash, verifierSalt, new Date(now)],
  );
}

export async function markDisabled(db: Queryable, userId: string, now: number): Promise<void> {
  await db.query('update users set disabled_at = $2, updated_at = $2 where id = $1', [userId, new Date(now)]);
}

/**
 * Counts a wrong password in one statement (concurrent attempts cannot both read 4), locking the
 * account at the limit and starting the count again. Returns when the lock ends, if it now holds.
 */
export async function recordFailedLogin(
  db: Queryable,
  userId: string,
  maxFailures: number,
  lockUntil: number,
): Promise<Date | null> {
  const { rows } = await db.query<{ lockedUntil: Date | null; locked: boolean }>(
    `update users set
       failed_logins = case when failed_logins + 1 >= $2 then 0 else failed_logins + 1 end,
       locked_until = case when failed_logins + 1 >= $2 then $3 else locked_until end
     where id = $1
     returning locked_until as "lockedUntil", locked_until = $3 as locked`,
    [userId, maxFailures, new Date(lockUntil)],
  );
  const row = rows[0];
  return row?.locked === true ? row.lockedUntil : null;
}

export async function recordSuccessfulLogin(db: Queryable, userId: string): Promise<void> {
  await db.query('update users set failed_logins = 0, locked_until = null where id = $1', [userId]);
}

export function scopeOf(user: Pick<UserRow, 'role' | 'subsystemIds' | 'unitIds'>): UserScope {
  switch (user.role) {
    case 'engineer':
      return { role: 'engineer', subsystemIds: user.subsystemIds };
    case 'service_manager':
      return { role: 'service_manager', unitIds: user.unitIds };
    case 'project_lead':
    case 'auditor':
      return { role: user.role };
  }
}

function scopeColumns(scope: UserScope): { subsystemIds: number[]; unitIds: number[] } {
  return {
    subsystemIds: scope.role === 'engineer' ? scope.subsystemIds : [],
    unitIds: scope.role === 'service_manager' ? scope.unitIds : [],
  };
}
