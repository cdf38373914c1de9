import { CLOCK_KIND_LABELS, CLOCK_KINDS } from '../profile/sla-policy';
import type { ContractProfile } from '../profile/contract-profile';
import type { ClockCompliance, SlaBreach } from '../reports/ticket-figures';

/** What a bar needs of a breach: the ticket it opens and the clock (`slaBreaches`' rows are such). */
export type BreachLink = Pick<SlaBreach, 'kind'> & {
  readonly ticket: Pick<SlaBreach['ticket'], 'id' | 'subsystemId'>;
};
import { CHART_COLORS, type ChartModel, baseOption, percent, subsystemLabel } from './chart-model';

/**
 * SLA compliance per subsystem, one bar per clock (响应, 解决): met / (met + breached), from
 * `slaCompliance`. A click on a bar opens the breached tickets of that subsystem and clock, from
 * `slaBreaches` over the same tickets (or the broken ticket-clock obligations, judged by the same
 * `clockOutcome`).
 */
export function slaComplianceChart(
  rows: readonly ClockCompliance[],
  breaches: readonly BreachLink[],
  profile: ContractProfile,
  title: string,
): ChartModel {
  const subsystemIds = [...new Set(rows.map((row) => row.subsystemId))].sort((a, b) => a - b);
  const series = CLOCK_KINDS.map((kind) => {
    const data = subsystemIds.map((subsystemId) => {
      const row = rows.find((candidate) => candidate.subsystemId === subsystemId && candidate.kind === kind);
      return {
        value: percent(row?.rate ?? null),
        met: row?.met ?? 0,
        breached: row?.breached ?? 0,
      };
    });
    return { kind, data };
  });
  // One pass over the breaches (a year may hold a hundred thousand), grouped by clock and subsystem.
  const breachedIds = new Map<string, string[]>();
  for (const breach of breaches) {
    const key = `${breach.kind}:${breach.ticket.subsystemId}`;
    const ids = breachedIds.get(key);
    if (ids === undefined) breachedIds.set(key, [breach.ticket.id]);
    else ids.push(breach.ticket.id);
  }
  const links = CLOCK_KINDS.map((kind) =>
    subsystemIds.map((subsystemId) => breachedIds.get(`${kind}:${subsystemId}`) ?? []),
  );
  return {
    option: {
      ...baseOption(title),
      legend: { top: 0, right: 0 },
      grid: { left: 8, right: 8, top: 64, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: subsystemIds.map((id) => subsystemLabel(profile, id)),
        axisLabel: { interval: 0, rotate: subsystemIds.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', min: 0, max: 100, name: '达标率（%）' },
      series: series.map(({ kind, data }) => ({
        type: 'bar',
        name: `${CLOCK_KIND_LABELS[kind]}时限`,
        itemStyle: { color: CHART_COLORS[kind] },
        data: data.map((point) => ({
          value: point.value,
          name: `达标 ${point.met} 个，超时 ${point.breached} 个`,
        })),
        label: { show: true, position: 'top', formatter: '{c}' },
      })),
    },
    links,
  };
}
