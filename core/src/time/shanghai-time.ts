/**
 * Business time is Asia/Shanghai whatever the host's zone. China has kept UTC+08:00 without daylight
 * saving since 1991, so a fixed offset is exact for every date this product handles and needs neither
 * Intl nor the host's tz database (which differs between Electron, browsers and Node builds).
 */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;
export const MINUTES_PER_DAY = 24 * 60;

/** An instant: milliseconds since the Unix epoch (UTC). */
export type Instant = number;

/** A Shanghai calendar day as a count of days since 1970-01-01 (Shanghai). */
export type DayNumber = number;

export function dayNumberOf(instant: Instant): DayNumber {
  return Math.floor((instant + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The instant at which a Shanghai day starts (00:00 +08:00). */
export function startOfDay(day: DayNumber): Instant {
  return day * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOf(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isoDateToDayNumber(date: string): DayNumber {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`不是有效的日期（应为 YYYY-MM-DD）：${date}`);
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const day = ms / DAY_MS;
  if (dayNumberToIsoDate(day) !== date) throw new RangeError(`日期不存在：${date}`);
  return day;
}

export function dayNumberToIsoDate(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOfDay(day: DayNumber): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses an ISO-8601 date-time. Without an offset the time is read as Shanghai local time, which is what
 * an engineer typing "2026-02-13 17:00" means. A bare date is midnight in Shanghai.
 */
export function parseInstant(text: string): Instant {
  const trimmed = text.trim();
  if (ISO_DATE.test(trimmed)) return startOfDay(isoDateToDayNumber(trimmed));
  const match = ISO_INSTANT.exec(trimmed);
  if (!match) {
    throw new RangeError(`不是有效的时间（应为 ISO-8601，如 2026-02-13T17:00:00+08:00）：${text}`);
  }
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  const day = isoDateToDayNumber(`${y}-${mo}-${d}`);
  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = Number(s ?? 0);
  if (hours > 24 || minutes > 59 || seconds > 59 || (hours === 24 && (minutes > 0 || seconds > 0))) {
    throw new RangeError(`时间超出范围：${text}`);
  }
  const millis = Number((frac ?? '').padEnd(3, '0'));
  const wall = day * DAY_MS + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
  return wall - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined) return SHANGHAI_OFFSET_MS;
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  if (hours > 14 || minutes > 59) throw new RangeError(`时区偏移无效：${zone}`);
  return sign * (hours * 60 + minutes) * MINUTE_MS;
}

/** Formats an instant as Shanghai local time, e.g. `2026-02-13T17:30:00+08:00`. */
export function formatInstant(instant: Instant): string {
  if (!Number.isFinite(instant)) throw new RangeError(`无效的时间值：${instant}`);
  const local = new Date(instant + SHANGHAI_OFFSET_MS).toISOString();
  const seconds = local.slice(0, 19);
  const millis = local.slice(20, 23);
  return `${seconds}${millis === '000' ? '' : `.${millis}`}+08:00`;
}

/** Minutes since Shanghai midnight of the instant's day. */
export function minuteOfDay(instant: Instant): number {
  return (instant - startOfDay(dayNumberOf(instant))) / MINUTE_MS;
}
