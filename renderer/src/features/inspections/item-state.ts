import {
  evaluateItem,
  formatReading,
  type InspectionItem,
  type InspectionResult,
  type InspectionRun,
  type InspectionValue,
} from '@core/records';

/**
 * How an item looks on the run page:
 * - `empty`: nothing entered yet (a required one blocks finishing);
 * - `ok`: within its thresholds / passed;
 * - `abnormal`: failed or out of range, with evaluateItem's reason; such an item can open a ticket;
 * - `invalid`: the value does not fit the item and will not be saved.
 */
export type ItemState =
  | { readonly kind: 'empty' }
  | { readonly kind: 'ok' }
  | { readonly kind: 'abnormal'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly reason: string };

export function itemState(item: InspectionItem, value: InspectionValue | undefined): ItemState {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  const evaluation = evaluateItem(item, value);
  if (evaluation.ok) return { kind: 'ok' };
  if (evaluation.kind === 'invalid') return { kind: 'invalid', reason: evaluation.reason };
  return { kind: 'abnormal', reason: evaluation.reason };
}

/** The normal range of a number item in words, e.g. “正常范围 0%–80%”, “不高于 80%”; '' if unbounded. */
export function thresholdText(item: InspectionItem): string {
  if (item.kind !== 'number') return '';
  const { min, max, unit } = item;
  if (min !== undefined && max !== undefined) {
    return `正常范围 ${formatReading(min, unit)}–${formatReading(max, unit)}`;
  }
  if (max !== undefined) return `不高于 ${formatReading(max, unit)}`;
  if (min !== undefined) return `不低于 ${formatReading(min, unit)}`;
  return '未设阈值';
}

export function resultOf(run: InspectionRun, itemId: string): InspectionResult | undefined {
  return run.results.find((result) => result.itemId === itemId);
}

/** What the run page shows for a run: how far it got and what went wrong. */
export interface RunSummary {
  readonly filled: number;
  readonly total: number;
  /** Labels of required items still empty: finishing is refused while there are any. */
  readonly missingRequired: readonly string[];
  readonly abnormal: number;
  /** Abnormal results that opened a ticket. */
  readonly ticketed: number;
}

export function summarizeRun(run: InspectionRun, items: readonly InspectionItem[]): RunSummary {
  let filled = 0;
  let abnormal = 0;
  let ticketed = 0;
  const missingRequired: string[] = [];
  for (const item of items) {
    const result = resultOf(run, item.id);
    if (result === undefined) {
      if (item.required) missingRequired.push(item.label);
      continue;
    }
    filled += 1;
    if (!result.ok) abnormal += 1;
    if (result.ticketId !== null) ticketed += 1;
  }
  return { filled, total: items.length, missingRequired, abnormal, ticketed };
}
