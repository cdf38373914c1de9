import { type Instant, formatInstant } from '../time/shanghai-time';

/** 97.3%; a rate that is not defined (nothing to count) is “—”. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** 2 小时 5 分钟, 3 天 4 小时, 45 分钟; rounded to the minute. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const totalMinutes = Math.round(ms / 60_000);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} 天`);
  if (hours > 0) parts.push(`${hours} 小时`);
  if (minutes > 0 || parts.length === 0) parts.push(`${minutes} 分钟`);
  return parts.join(' ');
}

/** 2026-02-14 10:00, the way a ledger prints a time. */
export function formatDateTime(instant: Instant | null): string {
  if (instant === null) return '';
  const iso = formatInstant(instant);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
