import type { TicketClockStatus } from '@core/sla';
import { formatShort } from './format-time';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A span as people say it, precise where it matters: seconds only under an hour (where a ticking
 * display is useful), minutes under a day, hours beyond. "9 分 05 秒", "1 小时 05 分", "2 天 3 小时".
 * The sign is ignored: callers say "剩余" or "已超时".
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`时长无效：${ms}`);
  const abs = Math.abs(ms);
  if (abs < MINUTE) return `${Math.floor(abs / SECOND)} 秒`;
  if (abs < HOUR) {
    const minutes = Math.floor(abs / MINUTE);
    const seconds = Math.floor((abs % MINUTE) / SECOND);
    return `${minutes} 分 ${String(seconds).padStart(2, '0')} 秒`;
  }
  if (abs < DAY) {
    const hours = Math.floor(abs / HOUR);
    const minutes = Math.floor((abs % HOUR) / MINUTE);
    return minutes === 0 ? `${hours} 小时` : `${hours} 小时 ${String(minutes).padStart(2, '0')} 分`;
  }
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  return hours === 0 ? `${days} 天` : `${days} 天 ${hours} 小时`;
}

/** How a clock looks: its tone picks a colour, and the words carry the same meaning without it. */
export type ClockTone = 'running' | 'warning' | 'breached' | 'paused' | 'met' | 'late';

export interface ClockView {
  readonly tone: ClockTone;
  /** A short word that says the state without colour: 计时中, 即将超时, 已超时, 已暂停, 已达标, 超时完成. */
  readonly badge: string;
  /** The main line, e.g. "剩余 9 分 05 秒", "超出 12 分 30 秒", "用时 8 分 10 秒". */
  readonly headline: string;
  /** The deadline or the stop, e.g. "截止 02-14 09:40", "02-14 09:38 响应". */
  readonly detail: string;
}

/**
 * A clock as the ticket list and the ticket page show it. Warning at 75 % of the budget and breach at
 * 100 % come from core (`warning`, `breached`); this only words them.
 */
export function describeClock(clock: TicketClockStatus, now: number, stopWord: string): ClockView {
  const used = `用时 ${formatDuration(clock.elapsedMs)}`;
  if (clock.stoppedAt !== null) {
    const detail = `${formatShort(clock.stoppedAt, now)} ${stopWord}`;
    return clock.breached
      ? {
          tone: 'late',
          badge: '超时完成',
          headline: clock.remainingMs < 0 ? `超出 ${formatDuration(clock.remainingMs)}` : '晚于截止时间',
          detail,
        }
      : { tone: 'met', badge: '已达标', headline: used, detail };
  }
  const deadline = clock.deadline === null ? '' : `截止 ${formatShort(clock.deadline, now)}`;
  if (clock.breached) {
    // remainingMs can still be positive for a working-hours clock past its deadline instant (a
    // deadline at 17:30 is breached at 17:45 although no service time passed since).
    const over = clock.remainingMs < 0 ? `超出 ${formatDuration(clock.remainingMs)}` : '已过截止时间';
    return { tone: 'breached', badge: '已超时', headline: over, detail: deadline };
  }
  if (clock.state === 'paused') {
    return {
      tone: 'paused',
      badge: '已暂停',
      headline: `剩余 ${formatDuration(clock.remainingMs)}`,
      detail: '等待报告人，暂停计时',
    };
  }
  const remaining = `剩余 ${formatDuration(clock.remainingMs)}`;
  if (clock.warning) {
    return {
      tone: 'warning',
      badge: '即将超时',
      headline: remaining,
      detail: `${deadline}（已用 ${Math.floor(clock.fraction * 100)}%）`,
    };
  }
  return { tone: 'running', badge: '计时中', headline: remaining, detail: deadline };
}
