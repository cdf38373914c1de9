import dayjs from 'dayjs';
import type { UpdateOutcome, UpdateStatus } from '@core/host';

export interface UpdateStatusLines {
  /** Where updates come from, or why this build does not update itself. */
  readonly source: string;
  /** When the last check ran and what came of it; null where there are no checks. */
  readonly lastCheck: string | null;
  readonly canCheck: boolean;
}

/** 关于's update lines, in the user's words. */
export function describeUpdateStatus(status: UpdateStatus): UpdateStatusLines {
  if (status.kind === 'not-applicable') return { source: status.reason, lastCheck: null, canCheck: false };
  return {
    source: `总部服务器 ${status.source}`,
    lastCheck:
      status.lastCheck === null
        ? '尚未检查'
        : `${dayjs(status.lastCheck.at).format('YYYY-MM-DD HH:mm')} ${describeOutcome(status.lastCheck.outcome)}`,
    canCheck: true,
  };
}

export function describeOutcome(outcome: UpdateOutcome): string {
  switch (outcome.status) {
    case 'up-to-date':
      return `已是最新版本（${outcome.currentVersion}）`;
    case 'available':
      return `发现新版本 ${outcome.latestVersion}，正在后台下载，退出运维台时安装`;
    case 'failed':
      return `检查失败：${outcome.reason}`;
    case 'not-applicable':
      return outcome.reason;
  }
}
