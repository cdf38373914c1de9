import {
  type DayNumber,
  type Instant,
  dayNumberToIsoDate,
  isoDateToDayNumber,
  startOfDay,
} from '../time/shanghai-time';

/**
 * The days a document covers, inclusive, as Shanghai days. A month, a half-year, a contract year or any
 * range are all the same thing here; `kind` only chooses how the period is named in the document.
 */
export interface ReportPeriod {
  readonly fromDay: DayNumber;
  readonly toDay: DayNumber;
  readonly kind: 'month' | 'range';
}

/** Which subsystems a document covers; an empty list is the whole contract. */
export interface ReportScope {
  readonly subsystemIds: readonly number[];
}

export const WHOLE_CONTRACT: ReportScope = { subsystemIds: [] };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period from one `YYYY-MM-DD` to another, both included; a whole calendar month is named as one. */
export function reportPeriod(from: string, to: string): ReportPeriod {
  const fromDay = parseDay(from, '开始日期');
  const toDay = parseDay(to, '结束日期');
  if (toDay < fromDay) throw new RangeError(`结束日期 ${to} 不能早于开始日期 ${from}`);
  const isWholeMonth =
    from.endsWith('-01') &&
    from.slice(0, 7) === to.slice(0, 7) &&
    dayNumberToIsoDate(toDay + 1).endsWith('-01');
  return { fromDay, toDay, kind: isWholeMonth ? 'month' : 'range' };
}

/** The calendar month `YYYY-MM`. */
export function monthPeriod(month: string): ReportPeriod {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new RangeError(`月份应为 YYYY-MM，收到“${month}”`);
  const fromDay = parseDay(`${month}-01`, '月份');
  const next = dayNumberToIsoDate(fromDay + 31).slice(0, 7);
  return { fromDay, toDay: isoDateToDayNumber(`${next}-01`) - 1, kind: 'month' };
}

export function periodStart(period: ReportPeriod): Instant {
  return startOfDay(period.fromDay);
}

/** The first instant after the period. */
export function periodEnd(period: ReportPeriod): Instant {
  return startOfDay(period.toDay + 1);
}

export function inPeriod(period: ReportPeriod, instant: Instant): boolean {
  return instant >= periodStart(period) && instant < periodEnd(period);
}

/** How the document names the period: 2026年2月, or 2026年1月1日至2026年6月30日. */
export function periodLabel(period: ReportPeriod): string {
  const from = dayNumberToIsoDate(period.fromDay);
  if (period.kind === 'month') return `${Number(from.slice(0, 4))}年${Number(from.slice(5, 7))}月`;
  return `${chineseDate(from)}至${chineseDate(dayNumberToIsoDate(period.toDay))}`;
}

/** What the narrative calls the period: 本月, or 本期 for any other range. */
export function periodNoun(period: ReportPeriod): string {
  return period.kind === 'month' ? '本月' : '本期';
}

export function inScope(scope: ReportScope, subsystemId: number): boolean {
  return scope.subsystemIds.length === 0 || scope.subsystemIds.includes(subsystemId);
}

export function chineseDate(isoDate: string): string {
  return `${Number(isoDate.slice(0, 4))}年${Number(isoDate.slice(5, 7))}月${Number(isoDate.slice(8, 10))}日`;
}

function parseDay(text: string, what: string): DayNumber {
  if (!ISO_DATE.test(text)) throw new RangeError(`${what}应为 YYYY-MM-DD，收到“${text}”`);
  try {
    return isoDateToDayNumber(text);
  } catch (error) {
    throw new RangeError(`${what}“${text}”不是有效的日期`, { cause: error });
  }
}
