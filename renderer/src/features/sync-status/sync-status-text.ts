import type { RejectionCode } from '@core/sync/protocol';
import { formatInstant } from '@core/time/shanghai-time';
import type { SyncStatus } from '../../sync';

export type StatusTone = 'success' | 'processing' | 'warning' | 'error';

/** The header badge and the page's summary: one short label, its colour, and the sentences behind it. */
export interface StatusView {
  readonly label: string;
  readonly tone: StatusTone;
  /** What is failing and why, what happens next; empty when all is well. */
  readonly details: readonly string[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "09:30" today, "昨天 18:00", "03-08 18:00" this year, "2025-12-31 18:00" before: Beijing time. */
export function formatBeijingShort(at: number, now: number): string {
  const full = formatInstant(at).slice(0, 16).replace('T', ' ');
  const today = formatInstant(now).slice(0, 10);
  const yesterday = formatInstant(now - 24 * HOUR).slice(0, 10);
  if (full.startsWith(today)) return full.slice(11);
  if (full.startsWith(yesterday)) return `昨天 ${full.slice(11)}`;
  return full.startsWith(today.slice(0, 4)) ? full.slice(5) : full;
}

/** "刚刚", "5 分钟前", "3 小时前", "2 天前" — with the Beijing time beside it. */
export function describeLastSuccess(at: number | null, now: number): string {
  if (at === null) return '从未同步成功';
  const ago = Math.max(0, now - at);
  const relative =
    ago < MINUTE
      ? '刚刚'
      : ago < HOUR
        ? `${Math.floor(ago / MINUTE)} 分钟前`
        : ago < 24 * HOUR
          ? `${Math.floor(ago / HOUR)} 小时前`
          : `${Math.floor(ago / (24 * HOUR))} 天前`;
  return `${relative}（${formatBeijingShort(at, now)}）`;
}

/** "30 秒后", "2 分钟后"; "马上" when due. */
export function describeNextAttempt(at: number, now: number): string {
  const wait = at - now;
  if (wait < 1000) return '马上';
  if (wait < MINUTE) return `${Math.ceil(wait / 1000)} 秒后`;
  return `${Math.ceil(wait / MINUTE)} 分钟后`;
}

export function describeSyncStatus(status: SyncStatus, now: number): StatusView {
  const pending = status.pendingOps > 0 ? `待同步 ${status.pendingOps} 条` : null;
  const details: string[] = [];
  const error =
    status.lastError === null
      ? null
      : `${status.lastError.message}（${formatBeijingShort(status.lastError.at, now)}）`;
  const retry =
    status.nextAttemptAt === null ? null : `${describeNextAttempt(status.nextAttemptAt, now)}自动重试`;
  let view: { label: string; tone: StatusTone };
  switch (status.phase) {
    case 'syncing':
      view = { label: '正在同步…', tone: 'processing' };
      break;
    case 'idle':
      view = pending === null ? { label: '已同步', tone: 'success' } : { label: pending, tone: 'processing' };
      break;
    case 'offline':
      view = { label: pending === null ? '离线' : `离线 · ${pending}`, tone: 'warning' };
      details.push(`连不上服务器${error === null ? '' : `：${error}`}`);
      if (retry !== null) details.push(retry);
      details.push('修改都保存在本机，联网后自动同步。');
      break;
    case 'failing':
      view = { label: '同步出错', tone: 'error' };
      details.push(error ?? '同步失败，原因不明');
      if (retry !== null) details.push(retry);
      break;
    case 'signed-out':
      view = { label: '登录已失效', tone: 'error' };
      details.push(`${error ?? '服务器不再接受本机的登录凭据'}：请重新登录后继续同步，修改都保留在本机。`);
      break;
    case 'outdated':
      view = { label: '需要升级', tone: 'error' };
      details.push(`${error ?? '运维台与服务器的版本不一致'}：同步已暂停，修改都保留在本机。`);
      break;
  }
  if (status.rejectedOps > 0) {
    details.unshift(`有 ${status.rejectedOps} 条修改被服务器拒绝，需要处理：修改后重新发送，或放弃。`);
    // "已同步 · 4 条被拒" read as a contradiction: the rejected changes are exactly what is not synced.
    const rejected = `${status.rejectedOps} 条修改被拒，待处理`;
    if (view.tone !== 'error')
      view = { label: view.label === '已同步' ? rejected : `${view.label} · ${rejected}`, tone: 'error' };
  }
  if (status.syncProblems > 0) {
    details.push(
      `有 ${status.syncProblems} 条从服务器收到的记录与本机未同步的修改合并后不符合要求，暂时显示本机的版本。`,
    );
  }
  if (pending !== null && status.phase !== 'idle' && status.phase !== 'offline') details.push(`${pending}。`);
  return { ...view, details };
}

/** What each rejection code means for the user, and what to do about it (docs/sync-protocol.md §4). */
export const REJECTION_ADVICE: Readonly<Record<RejectionCode, string>> = {
  invalid: '数据不符合要求：打开记录改正后重新发送',
  unknown_field: '服务器不认识其中的字段：请升级运维台，或放弃这条修改',
  forbidden: '超出您的权限：放弃这条修改，或请项目负责人修改',
  record_type_mismatch: '记录类型与服务器上的不一致：请放弃这条修改',
  subsystem_mismatch: '运维子项不一致：重新发送',
  clock_drift: '本机时钟比服务器快：请校准电脑时间后重新发送',
  blob_missing: '附件未上传到服务器：重新发送会先上传附件',
  seq_reused: '发送序号冲突：重新发送',
};

export { RECORD_TYPE_LABELS } from '@core/records';

/** Where the record of a rejected change is opened to be fixed: its store kind's route. */
export { recordPath } from '../../store';
