import type { Subsystem } from '../profile/subsystem';
import { daysOfRange, inRange } from '../records/kinds/common';
import type { OnSiteDay } from '../records/kinds/onsite';
import { onSiteWorkdays, stationedHeadcount } from '../records/kinds/onsite-check';
import { isoDateToDayNumber } from '../time/shanghai-time';
import { dateOf, endOfDate } from './dates';
import type { Obligation, ObligationContext, ObligationState } from './obligation';

/**
 * A subsystem's "≥ N working days on site a year" (subsystem 8: 60), by `onSiteWorkdays`: reached →
 * met; more days short than working days left → broken; behind the pace the year needs (fewer days
 * than N × the share of its working days gone, rounded down) → at risk; otherwise due by the year's end.
 */
export function onSiteWorkdayObligations(
  subsystems: readonly Subsystem[],
  days: readonly OnSiteDay[],
  context: ObligationContext,
): Obligation[] {
  const today = dateOf(context.now);
  return subsystems.flatMap((subsystem): Obligation[] => {
    const target = subsystem.targets.find((candidate) => candidate.metric === 'onsite-workdays-per-year');
    if (target === undefined) return [];
    const result = onSiteWorkdays(subsystem, days, context.calendar, context.contractYear, today);
    const required = result.required ?? target.value;
    const workdays = daysOfRange(context.contractYear).filter((date) =>
      context.calendar.isWorkday(isoDateToDayNumber(date)),
    ).length;
    const expected =
      workdays === 0 ? 0 : Math.floor((required * (workdays - result.workdaysLeft)) / workdays);
    let state: ObligationState;
    if (result.met) state = 'met';
    else if (required - result.done > result.workdaysLeft) state = 'broken';
    else state = result.done < expected ? 'at_risk' : 'due';
    const counted = days.filter(
      (day) =>
        !day.deleted &&
        day.subsystemId === subsystem.id &&
        day.presence === 'on_site' &&
        day.date <= today &&
        inRange(day.date, context.contractYear) &&
        context.calendar.isWorkday(isoDateToDayNumber(day.date)),
    );
    const pace = state === 'at_risk' ? `；按进度此时应有 ${expected} 个` : '';
    return [
      {
        id: `onsite_workdays:${subsystem.id}`,
        kind: 'onsite_workdays',
        subsystemId: subsystem.id,
        unitId: null,
        title: `${subsystem.shortName}：每年现场服务不少于 ${required} 个工作日`,
        state,
        dueAt: endOfDate(context.contractYear.to),
        detail: (result.met ? `现场服务已有 ${result.done} 个工作日，已达到` : result.reason) + pace,
        recordIds: counted.map((day) => day.id),
        clause: target.clause ?? null,
      },
    ];
  });
}

/**
 * A subsystem's stationed headcount (`stationedEngineers`) on every past working day of the year, by
 * `stationedHeadcount`: no short day → met; any → broken, naming the first few.
 */
export function stationedObligations(
  subsystems: readonly Subsystem[],
  days: readonly OnSiteDay[],
  context: ObligationContext,
): Obligation[] {
  const today = dateOf(context.now);
  return subsystems
    .filter((subsystem) => subsystem.stationedEngineers > 0)
    .map((subsystem) => {
      const result = stationedHeadcount(subsystem, days, context.calendar, context.contractYear, today);
      const short = result.shortDays.length;
      const shown = result.reasons.slice(0, 3).join('；');
      return {
        id: `stationed:${subsystem.id}`,
        kind: 'stationed',
        subsystemId: subsystem.id,
        unitId: null,
        title: `${subsystem.shortName}：驻场 ${result.required} 人`,
        state: short === 0 ? 'met' : 'broken',
        dueAt: null,
        detail:
          short === 0
            ? `截至昨日，每个工作日驻场均不少于 ${result.required} 人`
            : `${short} 个工作日驻场人数不足：${shown}${short > 3 ? ' 等' : ''}`,
        recordIds: days
          .filter(
            (day) =>
              !day.deleted && day.subsystemId === subsystem.id && inRange(day.date, context.contractYear),
          )
          .map((day) => day.id),
        clause: subsystem.stationedClause ?? null,
      };
    });
}
