import {
  TARGET_COMPARISON_SYMBOLS,
  TARGET_METRIC_LABELS,
  type Target,
  type TargetComparison,
  type TargetMetric,
} from '../profile/obligations';
import type { Subsystem } from '../profile/subsystem';
import { formatDuration, formatRate } from '../reports/format';
import type { TicketDigest } from '../reports/ticket-digest';
import { meanTimeToResolveOf, resolutionRateOf } from '../reports/ticket-figures';
import { MINUTE_MS } from '../time/shanghai-time';
import { daysUntil, endOfDate, startOfDate } from './dates';
import {
  type NotTracked,
  type Obligation,
  type ObligationContext,
  type ObligationState,
  subsystemInScope,
} from './obligation';

/** Metrics the app measures from tickets; `onsite-workdays-per-year` is the on-site kind's. */
const MEASURED: ReadonlySet<TargetMetric> = new Set([
  'resolution-rate-percent',
  'mean-time-to-repair-minutes',
  'onsite-workdays-per-year',
]);

const UNMEASURED_REASONS: Readonly<Partial<Record<TargetMetric, string>>> = {
  'availability-percent': '应用内没有系统停机时长的记录，无法计算可用率',
  'fault-free-hours-per-year': '应用内没有系统停机时长的记录，无法计算无故障运行时间',
  'continuous-operation-years': '应用内没有系统停机时长的记录，无法计算连续运行时间',
  'hotline-lines': '热线门数不在应用中记录',
  'hotline-staff': '热线接听人员不在应用中记录',
};

export function compareTarget(value: number, comparison: TargetComparison, target: number): boolean {
  // Rates are computed in floating point: 99 % of 100 tickets must compare equal to 99.
  const rounded = Math.round(value * 1e9) / 1e9;
  switch (comparison) {
    case 'at-least':
      return rounded >= target;
    case 'more-than':
      return rounded > target;
    case 'at-most':
      return rounded <= target;
    case 'less-than':
      return rounded < target;
  }
}

/** A target's scope: the whole contract (in the user's scope) or one subsystem. */
interface TargetSource {
  readonly subsystem: Subsystem | null;
  readonly target: Target;
}

/**
 * Fault-ticket targets over the contract year, by the documents' own figures: the resolution rate
 * (故障解决率, `resolutionRate`) and the mean time to repair (`meanTimeToResolve`). Kept → met; missed
 * after the year → broken; missed while the year runs (open tickets can still be resolved) → at risk.
 */
export function targetObligations(
  tickets: readonly TicketDigest[],
  subsystems: readonly Subsystem[],
  context: ObligationContext,
): Obligation[] {
  const from = startOfDate(context.contractYear.from);
  const to = endOfDate(context.contractYear.to);
  const faults = tickets.filter(
    (ticket) =>
      !ticket.deleted &&
      ticket.category === 'fault' &&
      ticket.receivedAt >= from &&
      ticket.receivedAt < to &&
      ticket.receivedAt <= context.now &&
      subsystemInScope(context.scope, ticket.subsystemId),
  );
  const sources: TargetSource[] = [
    ...context.profile.commitments.targets.map((target) => ({ subsystem: null, target })),
    ...subsystems.flatMap((subsystem) => subsystem.targets.map((target) => ({ subsystem, target }))),
  ];
  // Grouped once: a subsystem's targets would each scan the year's faults again.
  const faultsBySubsystem = new Map<number, TicketDigest[]>();
  for (const ticket of faults) {
    const list = faultsBySubsystem.get(ticket.subsystemId);
    if (list === undefined) faultsBySubsystem.set(ticket.subsystemId, [ticket]);
    else list.push(ticket);
  }
  const yearOver = daysUntil(context.now, to) <= 0;
  return sources.flatMap(({ subsystem, target }): Obligation[] => {
    const own = subsystem === null ? faults : (faultsBySubsystem.get(subsystem.id) ?? []);
    const measured = measure(target, own);
    if (measured === null) return [];
    const { label, unit } = TARGET_METRIC_LABELS[target.metric];
    const kept = measured.value === null || compareTarget(measured.value, target.comparison, target.value);
    const state: ObligationState = kept ? 'met' : yearOver ? 'broken' : 'at_risk';
    return [
      {
        id: `target:${subsystem?.id ?? 'contract'}:${target.metric}`,
        kind: 'target',
        subsystemId: subsystem?.id ?? null,
        unitId: null,
        title: `${subsystem === null ? '全合同' : subsystem.shortName}：${label} ${TARGET_COMPARISON_SYMBOLS[target.comparison]} ${target.value}${unit === '%' ? '%' : ` ${unit}`}`,
        state,
        dueAt: to,
        detail: measured.detail,
        recordIds: measured.recordIds,
        clause: target.clause ?? null,
      },
    ];
  });
}

interface Measured {
  /** In the target's unit; null when there is nothing to measure yet. */
  readonly value: number | null;
  readonly detail: string;
  /** The tickets that pull the figure below the target. */
  readonly recordIds: readonly string[];
}

function measure(target: Target, faults: readonly TicketDigest[]): Measured | null {
  switch (target.metric) {
    case 'resolution-rate-percent': {
      const rate = resolutionRateOf(faults);
      const open = faults.filter((ticket) => ticket.resolvedAt === null);
      return {
        value: rate.rate === null ? null : rate.rate * 100,
        detail:
          rate.rate === null
            ? '本合同年度尚无故障工单'
            : `受理故障 ${rate.received} 个，已解决 ${rate.resolved} 个，解决率 ${formatRate(rate.rate)}`,
        recordIds: open.map((ticket) => ticket.id),
      };
    }
    case 'mean-time-to-repair-minutes': {
      const mttr = meanTimeToResolveOf(faults);
      const slow = faults.filter(
        (ticket) =>
          ticket.resolvedAt !== null && (ticket.resolvedAt - ticket.receivedAt) / MINUTE_MS >= target.value,
      );
      return {
        value: mttr.meanMs === null ? null : mttr.meanMs / MINUTE_MS,
        detail:
          mttr.meanMs === null
            ? '本合同年度尚无已解决的故障工单'
            : `已解决故障 ${mttr.resolved} 个，平均修复时间 ${formatDuration(mttr.meanMs)}`,
        recordIds: slow.map((ticket) => ticket.id),
      };
    }
    default:
      return null;
  }
}

/** The targets of the profile no figure of the app measures, with why. */
export function untrackedTargets(subsystem: Subsystem | null, targets: readonly Target[]): NotTracked[] {
  return targets
    .filter((target) => !MEASURED.has(target.metric))
    .map((target) => {
      const { label, unit } = TARGET_METRIC_LABELS[target.metric];
      return {
        source: subsystem === null ? '全合同 · 运维指标' : `运维子项 ${subsystem.id} · 运维指标`,
        subsystemId: subsystem?.id ?? null,
        text: `${label} ${TARGET_COMPARISON_SYMBOLS[target.comparison]} ${target.value} ${unit}`,
        reason: UNMEASURED_REASONS[target.metric] ?? '应用内没有计算该指标所需的记录',
      };
    });
}
