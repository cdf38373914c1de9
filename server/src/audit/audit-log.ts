import type { JsonValue } from '@core/sync/json-value';
import type { Queryable } from '../db/database';

/** What the audit log records (等保: logins, lockouts, user and role changes, rejected operations). */
export const AUDIT_ACTIONS = [
  'login',
  'logout',
  'lockout',
  'user_add',
  'user_disable',
  'password_reset',
  'role_change',
  'sync_rejected',
  'calendar_import',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  login: '登录',
  logout: '注销',
  lockout: '账户锁定',
  user_add: '新增用户',
  user_disable: '停用用户',
  password_reset: '重置密码',
  role_change: '变更角色',
  sync_rejected: '同步操作被拒绝',
  calendar_import: '添加节假日安排',
};

export type AuditResult = 'success' | 'failure' | 'rejected';

export const AUDIT_RESULT_LABELS: Readonly<Record<AuditResult, string>> = {
  success: '成功',
  failure: '失败',
  rejected: '已拒绝',
};

export interface AuditEntry {
  /** Epoch ms. */
  readonly at: number;
  /** The account acting (a login name, or `cli:<os user>` for the admin CLI); null when unknown. */
  readonly actor: string | null;
  /** Client address; null for the CLI. */
  readonly ip: string | null;
  readonly action: AuditAction;
  /** What was acted on: a login name, `ticket/<id>`… */
  readonly target: string | null;
  readonly result: AuditResult;
  readonly detail: Readonly<Record<string, JsonValue>>;
}

export interface StoredAuditEntry extends AuditEntry {
  readonly id: string;
}

/** Appends entries in one statement (inside the caller's transaction when given one). */
export async function writeAudit(db: Queryable, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `insert into audit_log (at, actor, ip, action, target, result, detail)
     select to_timestamp((e->>'at')::float8 / 1000), e->>'actor', e->>'ip', e->>'action', e->>'target',
            e->>'result', e->'detail'
     from jsonb_array_elements($1::jsonb) as e`,
    [JSON.stringify(entries)],
  );
}

export interface AuditQuery {
  /** Only entries at or after this instant (epoch ms). */
  readonly since?: number;
  /** Only entries whose actor or target is this login name. */
  readonly user?: string;
  readonly limit: number;
}

/** Newest first. */
export async function listAudit(db: Queryable, query: AuditQuery): Promise<StoredAuditEntry[]> {
  const { rows } = await db.query<{
    id: string;
    at: Date;
    actor: string | null;
    ip: string | null;
    action: AuditAction;
    target: string | null;
    result: AuditResult;
    detail: Record<string, JsonValue>;
  }>(
    `select id, at, actor, ip, action, target, result, detail from audit_log
     where ($1::timestamptz is null or at >= $1)
       and ($2::text is null or actor = $2 or target = $2)
     order by at desc, id desc
     limit $3`,
    [query.since === undefined ? null : new Date(query.since), query.user ?? null, query.limit],
  );
  return rows.map((row) => ({ ...row, at: row.at.getTime() }));
}

/** Deletes entries older than the retention period; returns how many. */
export async function purgeAudit(db: Queryable, now: number, retentionDays: number): Promise<number> {
  const cutoff = new Date(now - retentionDays * 24 * 60 * 60 * 1000);
  const { rowCount } = await db.query('delete from audit_log where at < $1', [cutoff]);
  return rowCount;
}
