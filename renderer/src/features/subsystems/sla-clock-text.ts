import { isMinutesClock } from '@core/profile/clock';
import type { SlaClockDisplay } from '@core/profile';

/**
 * A clock's length and when it runs, e.g. "10 分钟（7×24 小时）". A working-day period names no
 * schedule: it always follows the working calendar.
 */
export function clockCellText(display: SlaClockDisplay): string {
  return isMinutesClock(display.clock)
    ? `${display.durationLabel}（${display.scheduleLabel}）`
    : display.durationLabel;
}

/** The whole clock as one line, e.g. "故障·紧急 响应 10 分钟（7×24 小时）". */
export function slaClockText(display: SlaClockDisplay): string {
  return `${display.categoryLabel}·${display.severityLabel} ${display.kindLabel} ${clockCellText(display)}`;
}

/** 万元 with the two decimals the tender uses, e.g. "38.42". */
export function budgetText(budget: number): string {
  return budget.toFixed(2);
}
