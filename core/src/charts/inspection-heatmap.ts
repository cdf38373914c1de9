import type { Obligation } from '../obligations/obligation';
import type { DateRange } from '../records/kinds/common';
import { CHART_COLORS, type ChartModel, baseOption } from './chart-model';

/** How a day's scheduled checks went, worst of the day's checklists; the heat map's value. */
export const INSPECTION_DAY_STATES = [
  { value: 0, label: '按时完成', color: CHART_COLORS.met },
  { value: 1, label: '待完成', color: CHART_COLORS.open },
  { value: 2, label: '迟做', color: CHART_COLORS.late },
  { value: 3, label: '漏检', color: CHART_COLORS.broken },
] as const;

export interface InspectionDay {
  readonly date: string;
  /** An `INSPECTION_DAY_STATES` value. */
  readonly value: number;
  /** The runs of the day, and the checks owed that had none (their obligation ids). */
  readonly recordIds: readonly string[];
}

/**
 * The days of the daily checks among inspection obligations: a check done in time is 按时完成, one
 * finished after its due time 迟做 (broken with a run), one missed 漏检 (broken without), one still
 * open 待完成. Monthly checks have no day and are left to their own list.
 */
export function inspectionDays(obligations: readonly Obligation[]): InspectionDay[] {
  const days = new Map<string, { value: number; recordIds: string[] }>();
  for (const obligation of obligations) {
    if (obligation.kind !== 'inspection') continue;
    const key = obligation.id.slice(obligation.id.lastIndexOf(':') + 1);
    if (key.length !== 10) continue;
    let value: number;
    if (obligation.state === 'met') value = 0;
    else if (obligation.state === 'broken') value = obligation.recordIds.length > 0 ? 2 : 3;
    else value = 1;
    const day = days.get(key) ?? { value: 0, recordIds: [] };
    day.value = Math.max(day.value, value);
    day.recordIds.push(...obligation.recordIds);
    days.set(key, day);
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, day]) => ({ date, value: day.value, recordIds: day.recordIds }));
}

/** The calendar heat map of daily checks over a range (half a year reads well at 1366 px). */
export function inspectionHeatmapChart(days: readonly InspectionDay[], range: DateRange): ChartModel {
  return {
    option: {
      ...baseOption('每日巡检完成情况'),
      visualMap: {
        type: 'piecewise',
        orient: 'horizontal',
        top: 0,
        right: 0,
        pieces: INSPECTION_DAY_STATES.map((state) => ({
          value: state.value,
          label: state.label,
          color: state.color,
        })),
      },
      calendar: {
        top: 60,
        left: 40,
        right: 16,
        cellSize: ['auto', 16],
        range: [range.from, range.to],
        dayLabel: { nameMap: 'ZH', firstDay: 1 },
        monthLabel: { nameMap: 'ZH' },
        yearLabel: { show: false },
        itemStyle: { borderColor: '#fff', borderWidth: 1, color: '#f5f5f5' },
      },
      series: [
        {
          type: 'heatmap',
          coordinateSystem: 'calendar',
          name: '巡检',
          data: days.map((day) => [day.date, day.value]),
        },
      ],
    },
    links: [days.map((day) => day.recordIds)],
  };
}
