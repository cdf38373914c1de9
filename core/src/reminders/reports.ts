import { obligationScopeOf } from '../obligations/contract-obligations';
import { dateOf } from '../obligations/dates';
import { subsystemInScope } from '../obligations/obligation';
import { reportObligations } from '../obligations/reports';
import { DAY_MS } from '../time/shanghai-time';
import { type Reminder, type ReminderContext, type ReminderRecords, atTime, latestDue } from './reminder';

/** When on a day the report reminders come: the start of the working day. */
export const REPORT_REMINDER_TIME = '08:00';
/** The first reminder of a report comes this many days before its day. */
export const REPORT_LEAD_DAYS = 3;

/**
 * The next due day of each dated report of the user's subsystems (the 10th, 16th and 26th, month
 * ends, the year's end, the acceptance dates), reminded at 08:00 three days before and on the day, until
 * it is handed in (marked 已提交 on the dashboard). An auditor writes no report and is not reminded.
 */
export function reportReminders(
  records: Pick<ReminderRecords, 'reportSubmissions'>,
  context: ReminderContext,
): Reminder[] {
  const { scope } = context.user;
  if (scope?.role === 'auditor') return [];
  const obligationScope =
    scope === null ? { subsystemIds: null, unitIds: null } : obligationScopeOf(scope, context.profile);
  const subsystems = context.profile.subsystems.filter((subsystem) =>
    subsystemInScope(obligationScope, subsystem.id),
  );
  const obligations = reportObligations(
    subsystems,
    {
      profile: context.profile,
      calendar: context.calendar,
      contractYear: context.contractYear,
      now: context.now,
      scope: obligationScope,
    },
    records.reportSubmissions,
  );
  return obligations.flatMap((obligation): Reminder[] => {
    if (obligation.dueAt === null || obligation.state === 'met') return [];
    const date = dateOf(obligation.dueAt - 1);
    const onTheDay = atTime(date, REPORT_REMINDER_TIME);
    const moments = [
      { step: `${REPORT_LEAD_DAYS}d`, firesAt: onTheDay - REPORT_LEAD_DAYS * DAY_MS, when: `将于 ${date} ` },
      { step: 'day', firesAt: onTheDay, when: '今天' },
    ];
    const moment = latestDue(moments, context.now);
    if (moment === undefined || context.now >= obligation.dueAt) return [];
    return [
      {
        cause: `${obligation.id}:${moment.step}`,
        kind: 'report',
        title: `报告${moment.when}到期：${obligation.title}`,
        body: obligation.detail,
        link: '/dashboard',
        firesAt: moment.firesAt,
      },
    ];
  });
}
