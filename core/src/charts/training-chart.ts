import type { Obligation } from '../obligations/obligation';
import type { ContractProfile } from '../profile/contract-profile';
import type { RequirementProgress } from '../records/kinds/training-check';
import { CHART_COLORS, type ChartModel, baseOption, subsystemLabel } from './chart-model';

/**
 * Training requirements with a number of sessions: sessions done (meeting the requirement) against
 * those still owed, one bar each, from `trainingProgress`. A click opens the sessions held for it
 * (the training obligation's records).
 */
export function trainingChart(
  progress: readonly RequirementProgress[],
  obligations: readonly Obligation[],
  profile: ContractProfile,
): ChartModel {
  const rows = progress.filter((row) => row.owed !== null);
  const idsOf = (row: RequirementProgress) =>
    obligations.find((obligation) => obligation.id === `training:${row.requirementId}`)?.recordIds ?? [];
  const labels = rows.map((row) => `${subsystemLabel(profile, row.subsystemId)}：${row.topic.slice(0, 12)}`);
  return {
    option: {
      ...baseOption('培训：已完成与尚欠场次'),
      legend: { top: 0, right: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: '场次', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: labels },
      series: [
        {
          type: 'bar',
          stack: 'sessions',
          name: '已完成',
          itemStyle: { color: CHART_COLORS.met },
          data: rows.map((row) => row.done),
        },
        {
          type: 'bar',
          stack: 'sessions',
          name: '尚欠',
          itemStyle: { color: CHART_COLORS.broken },
          data: rows.map((row) => row.remaining ?? 0),
        },
      ],
    },
    links: [rows.map(idsOf), rows.map(idsOf)],
  };
}
