import type { ContractProfile } from '../profile/contract-profile';
import type { TicketDigest } from '../reports/ticket-digest';
import { DAY_MS, type Instant } from '../time/shanghai-time';
import { CHART_COLORS, type ChartModel, baseOption, subsystemLabel } from './chart-model';

/** Ages of an open ticket, youngest first; the last bucket is open-ended. */
export const AGE_BUCKETS = [
  { label: '1 天内', upToDays: 1, color: CHART_COLORS.met },
  { label: '1–3 天', upToDays: 3, color: CHART_COLORS.open },
  { label: '3–7 天', upToDays: 7, color: CHART_COLORS.late },
  { label: '7 天以上', upToDays: Number.POSITIVE_INFINITY, color: CHART_COLORS.broken },
] as const;

export function ageBucket(receivedAt: Instant, now: Instant): number {
  const days = (now - receivedAt) / DAY_MS;
  return AGE_BUCKETS.findIndex((bucket) => days < bucket.upToDays);
}

/** What the chart needs of a ticket: a digest taken at `now` or settled before it. */
type OpenTicket = Pick<TicketDigest, 'id' | 'subsystemId' | 'receivedAt' | 'resolvedAt' | 'deleted'>;

/**
 * Open tickets (not resolved as of `now`) by subsystem, stacked by age. Subsystems with the most open
 * tickets at risk (`atRisk`: ids of tickets whose clocks are at risk or breached) come first, then by
 * how many are open. A click on a segment opens its tickets.
 */
export function openTicketsChart(
  tickets: readonly OpenTicket[],
  atRisk: ReadonlySet<string>,
  profile: ContractProfile,
  now: Instant,
): ChartModel {
  const open = tickets.filter(
    (ticket) => !ticket.deleted && ticket.receivedAt <= now && ticket.resolvedAt === null,
  );
  const bySubsystem = new Map<number, OpenTicket[]>();
  for (const ticket of open) {
    const list = bySubsystem.get(ticket.subsystemId) ?? [];
    list.push(ticket);
    bySubsystem.set(ticket.subsystemId, list);
  }
  const risky = (list: readonly OpenTicket[]) => list.filter((ticket) => atRisk.has(ticket.id)).length;
  const subsystemIds = [...bySubsystem.keys()].sort((a, b) => {
    const listA = bySubsystem.get(a) ?? [];
    const listB = bySubsystem.get(b) ?? [];
    return risky(listB) - risky(listA) || listB.length - listA.length || a - b;
  });
  const links = AGE_BUCKETS.map((_bucket, index) =>
    subsystemIds.map((subsystemId) =>
      (bySubsystem.get(subsystemId) ?? [])
        .filter((ticket) => ageBucket(ticket.receivedAt, now) === index)
        .sort((a, b) => a.receivedAt - b.receivedAt)
        .map((ticket) => ticket.id),
    ),
  );
  return {
    option: {
      ...baseOption('未解决工单（按子项、已开时长）'),
      legend: { top: 0, right: 0 },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: '工单数', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: subsystemIds.map((id) => {
          const count = risky(bySubsystem.get(id) ?? []);
          return count === 0
            ? subsystemLabel(profile, id)
            : `${subsystemLabel(profile, id)}（${count} 个有风险）`;
        }),
      },
      series: AGE_BUCKETS.map((bucket, index) => ({
        type: 'bar',
        stack: 'age',
        name: bucket.label,
        itemStyle: { color: bucket.color },
        data: (links[index] ?? []).map((ids) => ids.length),
      })),
    },
    links,
  };
}
