import type { DutyAssignment, DutyLog, DutySwap, SensitivePeriod } from '../records/kinds/duty';
import { DUTY_DAY_REASON_LABELS, type DutyDay, dutyDays } from '../records/kinds/duty-days';
import {
  DUTY_DAY_STATE_LABELS,
  type DutyDayStatus,
  currentRoster,
  dutyDayStatuses,
} from '../records/kinds/duty-roster';
import { dateOf, startOfDate } from './dates';
import {
  type Obligation,
  type ObligationContext,
  type ObligationState,
  subsystemInScope,
} from './obligation';

export interface DutyRecords {
  readonly assignments: readonly DutyAssignment[];
  readonly swaps: readonly DutySwap[];
  readonly logs: readonly DutyLog[];
  readonly sensitivePeriods: readonly SensitivePeriod[];
}

/**
 * Duty on every rest day of the working calendar and every day of a sensitive period, by
 * `dutyDayStatuses`: contract-wide for the days the whole contract keeps duty, and per subsystem for
 * sensitive periods naming subsystems. Complete → met; ahead and rostered, or today → due; ahead
 * with no one rostered → at risk; past with no one rostered → broken; a log missing, not handed over
 * or not signed off → overdue (it can still be written).
 */
export function dutyObligations(records: DutyRecords, context: ObligationContext): Obligation[] {
  const today = dateOf(context.now);
  const days = dutyDays(context.calendar, context.contractYear, records.sensitivePeriods);
  const roster = currentRoster(records.assignments, records.swaps);
  const byDate = new Map(days.map((day) => [day.date, day]));
  const subsystemIds = [...new Set(days.flatMap((day) => (day.subsystems === 'all' ? [] : day.subsystems)))]
    .filter((id) => subsystemInScope(context.scope, id))
    .sort((a, b) => a - b);
  const statuses = [
    ...dutyDayStatuses(days, roster, records.logs, null, today),
    ...subsystemIds.flatMap((id) =>
      dutyDayStatuses(
        days.filter((day) => day.subsystems !== 'all'),
        roster,
        records.logs,
        id,
        today,
      ),
    ),
  ];
  return statuses.map((status) => {
    const day = byDate.get(status.date) as DutyDay;
    const assignmentIds = roster.entries
      .filter((entry) => entry.date === status.date && entry.subsystemId === status.subsystemId)
      .map((entry) => entry.assignmentId);
    const why = [...day.reasons.map((reason) => DUTY_DAY_REASON_LABELS[reason]), ...day.names].join('、');
    return {
      id: `duty:${status.subsystemId ?? 'contract'}:${status.date}`,
      kind: 'duty' as const,
      subsystemId: status.subsystemId,
      unitId: null,
      title: `${status.date}（${why}）值班`,
      state: dutyState(status, today),
      dueAt: startOfDate(status.date),
      detail:
        status.reason !== ''
          ? status.reason
          : `${DUTY_DAY_STATE_LABELS[status.state]}${status.people.length === 0 ? '' : `：${status.people.join('、')}`}`,
      recordIds: [...assignmentIds, ...status.logIds],
      clause: null,
    };
  });
}

function dutyState(status: DutyDayStatus, today: string): ObligationState {
  switch (status.state) {
    case 'complete':
      return 'met';
    case 'upcoming':
    case 'today':
      return 'due';
    case 'unassigned':
      return status.date > today ? 'at_risk' : 'broken';
    case 'missing_log':
    case 'no_hand_over':
    case 'unsigned':
      return 'overdue';
  }
}
