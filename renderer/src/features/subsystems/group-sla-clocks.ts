import type { SlaClockDisplay, SlaClockSource } from '@core/profile';
import {
  TICKET_CATEGORIES,
  TICKET_CATEGORY_LABELS,
  TICKET_SEVERITIES,
  TICKET_SEVERITY_LABELS,
  type TicketCategory,
  type TicketSeverity,
} from '@core/records/classification';
import { clockCellText } from './sla-clock-text';

export interface SlaClockCell {
  /** e.g. "10 分钟（7×24 小时）" */
  readonly text: string;
  readonly source: SlaClockSource;
}

/** Ticket kinds that share the same response and resolution clocks, shown as one row. */
export interface SlaClockGroup {
  readonly categories: readonly TicketCategory[];
  readonly severities: readonly TicketSeverity[];
  /** "故障" when every severity shares the clocks, else e.g. "故障·紧急" or "咨询、需求·一般、重大". */
  readonly label: string;
  readonly response: SlaClockCell | undefined;
  readonly resolution: SlaClockCell | undefined;
}

interface ClockPair {
  readonly response: SlaClockCell | undefined;
  readonly resolution: SlaClockCell | undefined;
}

function signatureOf(pair: ClockPair): string {
  return JSON.stringify([pair.response ?? null, pair.resolution ?? null]);
}

/**
 * A subsystem has up to 6 categories × 3 severities × 2 clocks; most of them repeat. Severities of a
 * category with identical clocks are merged first, then categories with identical severities and
 * clocks, keeping the order of the classification lists.
 */
export function groupSlaClocks(clocks: readonly SlaClockDisplay[]): SlaClockGroup[] {
  const pairs = new Map<string, { response?: SlaClockCell; resolution?: SlaClockCell }>();
  for (const display of clocks) {
    const key = `${display.category}/${display.severity}`;
    const pair = pairs.get(key) ?? {};
    pair[display.kind] = { text: clockCellText(display), source: display.source };
    pairs.set(key, pair);
  }

  const byCategory: { category: TicketCategory; severities: TicketSeverity[]; pair: ClockPair }[] = [];
  for (const category of TICKET_CATEGORIES) {
    const bySignature = new Map<string, { severities: TicketSeverity[]; pair: ClockPair }>();
    for (const severity of TICKET_SEVERITIES) {
      const found = pairs.get(`${category}/${severity}`);
      if (found === undefined) continue;
      const pair: ClockPair = { response: found.response, resolution: found.resolution };
      const signature = signatureOf(pair);
      const entry = bySignature.get(signature) ?? { severities: [], pair };
      entry.severities.push(severity);
      bySignature.set(signature, entry);
    }
    for (const entry of bySignature.values()) byCategory.push({ category, ...entry });
  }

  const merged = new Map<
    string,
    { categories: TicketCategory[]; severities: TicketSeverity[]; pair: ClockPair }
  >();
  for (const entry of byCategory) {
    const key = `${entry.severities.join(',')}|${signatureOf(entry.pair)}`;
    const group = merged.get(key) ?? { categories: [], severities: entry.severities, pair: entry.pair };
    group.categories.push(entry.category);
    merged.set(key, group);
  }

  return [...merged.values()].map(({ categories, severities, pair }) => ({
    categories,
    severities,
    label: labelOf(categories, severities),
    response: pair.response,
    resolution: pair.resolution,
  }));
}

function labelOf(categories: readonly TicketCategory[], severities: readonly TicketSeverity[]): string {
  const categoryText = categories.map((category) => TICKET_CATEGORY_LABELS[category]).join('、');
  if (severities.length === TICKET_SEVERITIES.length) return categoryText;
  return `${categoryText}·${severities.map((severity) => TICKET_SEVERITY_LABELS[severity]).join('、')}`;
}
