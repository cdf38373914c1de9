import { dateOf, lastDayOfMonth } from '../obligations/dates';
import { visitObligations } from '../obligations/visits';
import { monthLabel } from '../records/kinds/common';
import { DAY_MS } from '../time/shanghai-time';
import { type Reminder, type ReminderContext, type ReminderRecords, atTime } from './reminder';

/** When on the first of the month's last 5 days the visit reminder comes. */
export const VISIT_REMINDER_TIME = '08:00';
/** The month's last this many days: the obligations' at-risk span for a visit. */
const LAST_DAYS = 5;

/**
 * The service manager's units not yet visited this month, once the month is in its last 5 days: one
 * reminder for the month naming the units, from 08:00 of the first of those days.
 */
export function visitReminders(records: ReminderRecords, context: ReminderContext): Reminder[] {
  const { scope } = context.user;
  const documentSystem = context.profile.documentSystem;
  if (documentSystem === undefined || (scope !== null && scope.role !== 'service_manager')) return [];
  const month = dateOf(context.now).slice(0, 7);
  const lastDay = lastDayOfMonth(month);
  const firesAt = atTime(lastDay, VISIT_REMINDER_TIME) - (LAST_DAYS - 1) * DAY_MS;
  if (context.now < firesAt) return [];
  const unitIds = scope === null ? null : scope.unitIds;
  const unvisited = visitObligations(documentSystem, records.visits, {
    profile: context.profile,
    calendar: context.calendar,
    contractYear: { from: `${month}-01`, to: lastDay },
    now: context.now,
    scope: { subsystemIds: null, unitIds },
  }).filter((obligation) => obligation.state === 'at_risk' || obligation.state === 'due');
  if (unvisited.length === 0) return [];
  const names = unvisited.map((obligation) => {
    const unit = documentSystem.units.find((candidate) => candidate.id === obligation.unitId);
    return unit?.name ?? `单位 ${obligation.unitId ?? ''}`;
  });
  return [
    {
      cause: `visit:${month}`,
      kind: 'visit',
      title: `${monthLabel(month)}还有 ${unvisited.length} 个单位未回访`,
      body: `${lastDay} 前须回访：${names.join('、')}`,
      link: '/visits',
      firesAt,
    },
  ];
}
