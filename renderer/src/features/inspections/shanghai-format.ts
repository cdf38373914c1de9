import { formatInstant, type Instant } from '@core/time/shanghai-time';

/** Beijing time to the minute, “2026-02-14 09:30”, whatever the PC's zone. */
export function formatMinute(instant: Instant): string {
  return formatInstant(instant).slice(0, 16).replace('T', ' ');
}

/** Beijing time of day, “09:30”. */
export function formatClock(instant: Instant): string {
  return formatInstant(instant).slice(11, 16);
}

/** A slot key as people say it: `2026-02-14` → “2026年2月14日”, `2026-02` → “2026年2月”. */
export function slotKeyText(key: string): string {
  const [year, month, day] = key.split('-');
  const head = `${Number(year)}年${Number(month)}月`;
  return day === undefined ? head : `${head}${Number(day)}日`;
}
