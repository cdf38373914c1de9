import { checkPassword, describeScope, loginNameSchema, type UserScope, userScopeSchema } from '@core/auth';
import { describeSchemaIssues } from '@core/host/schema-issues';
import { safeParseInChinese } from '@core/records/validation';
import { writeAudit } from '../audit/audit-log';
import { revokeUserSessions } from '../auth/session-store';
import { type Argon2Params, DEFAULT_ARGON2 } from '../auth/security-policy';
import type { Database, Queryable } from '../db/database';
import { hashPassword, newVerifierSalt } from './password-hashing';
import {
  findUserForUpdate,
  insertUser,
  listUsers,
  markDisabled,
  scopeOf,
  updatePassword,
  updateScope,
  type UserRow,
} from './user-store';

/** Who is acting and when: the admin CLI passes `cli:<os user>`. */
export interface AdminContext {
  readonly actor: string;
  readonly now: number;
  /** Unit ids of the contract's document system; a service manager may cover only these. */
  readonly knownUnitIds: readonly number[];
  readonly argon2?: Argon2Params;
}

/**
 * The HQ admin's account operations. Each one is a transaction with its audit row, so the log never
 * misses a change and never records one that did not happen.
 */
export async function addUser(
  db: Database,
  input: { readonly name: string; readonly scope: UserScope; readonly password: string },
  context: AdminContext,
): Promise<void> {
  const name = validName(input.name);
  const scope = validScope(input.scope, context);
  const passwordHash = await hashValidPassword(input.password, name, context);
  await db.transaction(async (tx) => {
    if ((await findUserForUpdate(tx, name)) !== undefined) throw new Error(`用户 ${name} 已存在`);
    await insertUser(tx, { name, scope, passwordHash, verifierSalt: newVerifierSalt() }, context.now);
    await audit(tx, context, 'user_add', name, { role: scope.role, scope: describeScope(scope) });
  });
}

/** Disables the account and ends its sessions. Returns how many sessions were live. */
export async function disableUser(db: Database, name: string, context: AdminContext): Promise<number> {
  return db.transaction(async (tx) => {
    const user = await existingUser(tx, name);
    if (user.disabledAt !== null) throw new Error(`用户 ${name} 已于 ${user.disabledAt.toISOString()} 停用`);
    await markDisabled(tx, user.id, context.now);
    const sessions = await revokeUserSessions(tx, user.id, context.now);
    await audit(tx, context, 'user_disable', name, { endedSessions: sessions });
    return sessions;
  });
}

/** Sets a new password, lifts a lockout, and ends the account's sessions. Returns how many were live. */
export async function resetPassword(
  db: Database,
  name: string,
  password: string,
  context: AdminContext,
): Promise<number> {
  const passwordHash = await hashValidPassword(password, name, context);
  return db.transaction(async (tx) => {
    const user = await existingUser(tx, name);
    await updatePassword(tx, user.id, passwordHash, newVerifierSalt(), context.now);
    const sessions = await revokeUserSessions(tx, user.id, context.now);
    await audit(tx, context, 'password_reset', name, {
      endedSessions: sessions,
      wasLocked: user.lockedUntil !== null,
    });
    return sessions;
  });
}

/**
 * Changes the role or its subsystems/units, and ends the account's sessions: the client signs in
 * again, learns its new scope, and its next pull starts over for that scope.
 */
export async function setUserScope(
  db: Database,
  name: string,
  scope: UserScope,
  context: AdminContext,
): Promise<number> {
  const next = validScope(scope, context);
  return db.transaction(async (tx) => {
    const user = await existingUser(tx, name);
    await updateScope(tx, user.id, next, context.now);
    const sessions = await revokeUserSessions(tx, user.id, context.now);
    await audit(tx, context, 'role_change', name, {
      from: describeScope(scopeOf(user)),
      to: describeScope(next),
      endedSessions: sessions,
    });
    return sessions;
  });
}

export type UserStatus = 'active' | 'locked' | 'disabled';

export interface UserSummary {
  readonly name: string;
  readonly scope: UserScope;
  readonly status: UserStatus;
  readonly lockedUntil: number | null;
  readonly createdAt: number;
}

export async function listUserSummaries(db: Queryable, now: number): Promise<UserSummary[]> {
  return (await listUsers(db)).map((user) => ({
    name: user.name,
    scope: scopeOf(user),
    status:
      user.disabledAt !== null
        ? 'disabled'
        : user.lockedUntil !== null && user.lockedUntil.getTime() > now
          ? 'locked'
          : 'active',
    lockedUntil:
      user.lockedUntil === null || user.lockedUntil.getTime() <= now ? null : user.lockedUntil.getTime(),
    createdAt: user.createdAt.getTime(),
  }));
}

function validName(name: string): string {
  const parsed = safeParseInChinese(loginNameSchema, name);
  if (!parsed.success)
    throw new Error(`用户名 "${name}" 无效：${parsed.error.issues.map((i) => i.message).join('；')}`);
  return parsed.data;
}

function validScope(scope: UserScope, context: AdminContext): UserScope {
  const parsed = safeParseInChinese(userScopeSchema, scope);
  if (!parsed.success) throw new Error(`角色设置无效：${describeSchemaIssues(parsed.error)}`);
  if (parsed.data.role === 'service_manager') {
    const unknown = parsed.data.unitIds.filter((id) => !context.knownUnitIds.includes(id));
    if (unknown.length > 0) {
      throw new Error(
        `合同档案中没有单位 ${unknown.join('、')}（可选：${context.knownUnitIds.join('、') || '无'}）`,
      );
    }
  }
  return parsed.data;
}

async function hashValidPassword(password: string, name: string, context: AdminContext): Promise<string> {
  const check = checkPassword(password, { loginName: name });
  if (!check.ok) throw new Error(check.reason);
  return hashPassword(password, context.argon2 ?? DEFAULT_ARGON2);
}

async function existingUser(tx: Queryable, name: string): Promise<UserRow> {
  const user = await findUserForUpdate(tx, name);
  if (user === undefined) throw new Error(`没有用户 ${name}`);
  return user;
}

function audit(
  tx: Queryable,
  context: AdminContext,
  action: 'user_add' | 'user_disable' | 'password_reset' | 'role_change',
  target: string,
  detail: Record<string, string | number | boolean>,
): Promise<void> {
  return writeAudit(tx, [
    { at: context.now, actor: context.actor, ip: null, action, target, result: 'success', detail },
  ]);
}
