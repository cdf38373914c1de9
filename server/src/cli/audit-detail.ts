import { ROLE_LABELS, ROLES, type Role } from '@core/auth';
import type { RejectionCode } from '@core/sync/protocol';
import type { JsonValue } from '@core/sync/json-value';
import { formatInstant } from '@core/time/shanghai-time';

/** Why a login was refused (server/src/auth/login.ts writes these codes). */
const LOGIN_REFUSALS: Readonly<Record<string, string>> = {
  wrong_password: '密码错误',
  unknown_user: '没有这个用户',
  locked: '账户已锁定',
  disabled: '账户已停用',
  rate_limited: '尝试过于频繁',
};

const REJECTIONS: Readonly<Record<RejectionCode, string>> = {
  invalid: '数据不符合要求',
  unknown_field: '含服务器不认识的字段',
  forbidden: '超出权限',
  record_type_mismatch: '记录类型不一致',
  subsystem_mismatch: '运维子项不一致',
  clock_drift: '客户端时钟偏快',
  blob_missing: '附件未上传',
  seq_reused: '发送序号冲突',
};

const CALENDAR_OUTCOMES: Readonly<Record<string, string>> = {
  added: '新增',
  replaced: '替换原有安排',
};

type Describe = (value: JsonValue) => string;

const text = (value: JsonValue): string =>
  typeof value === 'string'
    ? value
    : Array.isArray(value)
      ? value.map(text).join('、')
      : JSON.stringify(value);
const labelled =
  (label: string, table: Readonly<Record<string, string>> = {}): Describe =>
  (value) =>
    `${label}：${typeof value === 'string' ? (table[value] ?? value) : text(value)}`;

/** Each detail key the server writes, in the words of the table's other columns. */
const DETAILS: Readonly<Record<string, Describe>> = {
  code: labelled('类别', REJECTIONS),
  reason: labelled('原因', LOGIN_REFUSALS),
  failures: (value) => `连续失败 ${text(value)} 次`,
  lockedUntil: (value) => `锁定至 ${beijing(value)}`,
  role: labelled('角色', Object.fromEntries(ROLES.map((role: Role) => [role, ROLE_LABELS[role]]))),
  scope: labelled('权限'),
  from: labelled('原为'),
  to: labelled('改为'),
  endedSessions: (value) => `终止登录 ${text(value)} 个`,
  wasLocked: (value) => (value === true ? '原已锁定' : '原未锁定'),
  clientId: labelled('客户端'),
  seq: labelled('序号'),
  opId: labelled('操作'),
  fields: labelled('字段'),
  outcome: labelled('结果', CALENDAR_OUTCOMES),
  holidays: (value) => `节假日 ${text(value)} 项`,
};

/**
 * An audit entry's detail as one line for `yunwei audit`: reasons in Chinese, times in Beijing time
 * like the 时间 column, in the order the server wrote them; a key this table does not know is shown
 * as key=value rather than dropped.
 */
export function describeAuditDetail(detail: Readonly<Record<string, JsonValue>>): string {
  return Object.entries(detail)
    .map(([key, value]) => DETAILS[key]?.(value) ?? `${key}=${text(value)}`)
    .join('；');
}

/** An ISO instant ("…Z") as Beijing time, "2026-03-10 09:15:00"; anything else as it is. */
function beijing(value: JsonValue): string {
  const instant = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(instant) ? text(value) : formatInstant(instant).slice(0, 19).replace('T', ' ');
}
