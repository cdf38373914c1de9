import type { Obligation } from '../obligations/obligation';
import type { ContractProfile } from '../profile/contract-profile';
import { DUTY_DAY_STATE_LABELS, type DutyDayState, type DutyDayStatus } from '../records/kinds/duty-roster';
import type { OnSiteWorkdays } from '../records/kinds/onsite-check';
import { CHART_COLORS, type ChartModel, baseOption, subsystemLabel } from './chart-model';

export interface OnSiteRow {
  readonly subsystemId: number;
  readonly result: OnSiteWorkdays;
}

/**
 * Working days on site against each subsystem's yearly minimum (`onSiteWorkdays`): done, and still
 * short. A click opens the on-site days counted (the on-site obligation's records).
 */
export function onSiteDaysChart(
  rows: readonly OnSiteRow[],
  obligations: readonly Obligation[],
  profile: ContractProfile,
): ChartModel {
  const withTarget = rows.filter((row) => row.result.required !== null);
  const idsOf = (row: OnSiteRow) =>
    obligations.find((obligation) => obligation.id === `onsite_workdays:${row.subsystemId}`)?.recordIds ?? [];
  return {
    option: {
      ...baseOption('现场服务工作日'),
      legend: { top: 0, right: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: '工作日', minInterval: 1 },
      yAxis: { type: 'category', data: withTarget.map((row) => subsystemLabel(profile, row.subsystemId)) },
      series: [
        {
          type: 'bar',
          stack: 'days',
          name: '已在现场',
          itemStyle: { color: CHART_COLORS.met },
          data: withTarget.map((row) => row.result.done),
        },
        {
          type: 'bar',
          stack: 'days',
          name: '尚差',
          itemStyle: { color: CHART_COLORS.broken },
          data: withTarget.map((row) => Math.max(0, (row.result.required ?? 0) - row.result.done)),
        },
      ],
    },
    links: [withTarget.map(idsOf), withTarget.map(idsOf)],
  };
}

const DUTY_STATES: readonly DutyDayState[] = [
  'complete',
  'today',
  'upcoming',
  'unsigned',
  'no_hand_over',
  'missing_log',
  'unassigned',
];

const DUTY_COLORS: Readonly<Record<DutyDayState, string>> = {
  complete: CHART_COLORS.met,
  today: CHART_COLORS.open,
  upcoming: CHART_COLORS.upcoming,
  unsigned: CHART_COLORS.late,
  no_hand_over: CHART_COLORS.late,
  missing_log: CHART_COLORS.late,
  unassigned: CHART_COLORS.broken,
};

/**
 * Duty days by month and state (`dutyDayStatuses`), stacked: how many rest days were kept, and what is
 * missing on the others. A click opens the duty logs of those days.
 */
export function dutyCoverageChart(statuses: readonly DutyDayStatus[]): ChartModel {
  const months = [...new Set(statuses.map((status) => status.date.slice(0, 7)))].sort();
  const present = DUTY_STATES.filter((state) => statuses.some((status) => status.state === state));
  const links = present.map((state) =>
    months.map((month) =>
      statuses
        .filter((status) => status.state === state && status.date.startsWith(month))
        .flatMap((status) => status.logIds),
    ),
  );
  const counts = present.map((state) =>
    months.map(
      (month) => statuses.filter((status) => status.state === state && status.date.startsWith(month)).length,
    ),
  );
  return {
    option: {
      ...baseOption('节假日值班'),
      legend: { top: 0, right: 0 },
      grid: { left: 8, right: 8, top: 64, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.map((month) => `${Number(month.slice(5))}月`) },
      yAxis: { type: 'value', name: '天', minInterval: 1 },
      series: present.map((state, index) => ({
        type: 'bar',
        stack: 'duty',
        name: DUTY_DAY_STATE_LABELS[state],
        itemStyle: { color: DUTY_COLORS[state] },
        data: counts[index] ?? [],
      })),
    },
    links,
  };
}
