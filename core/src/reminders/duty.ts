import { dateOf } from '../obligations/dates';
import { findSubsystem } from '../profile/find-sla-clock';
import { currentRoster, dutiesOf } from '../records/kinds/duty-roster';
import { DAY_MS, dayNumberToIsoDate, isoDateToDayNumber, weekdayOf } from '../time/shanghai-time';
import { type Reminder, type ReminderContext, type ReminderRecords, atTime } from './reminder';

/** When the day before a duty its reminder comes: in working hours, with time to arrange things. */
export const DUTY_REMINDER_TIME = '16:00';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'] as const;

/**
 * The user's duty days as the roster stands (swaps applied), from 16:00 the day before until the day
 * ends, so a PC switched on in the morning of the duty still shows it.
 */
export function dutyReminders(records: ReminderRecords, context: ReminderContext): Reminder[] {
  const today = dateOf(context.now);
  const tomorrow = dayNumberToIsoDate(isoDateToDayNumber(today) + 1);
  const roster = currentRoster(records.dutyAssignments, records.dutySwaps);
  return dutiesOf(roster, context.user.id).flatMap((entry): Reminder[] => {
    if (entry.date !== today && entry.date !== tomorrow) return [];
    const firesAt = atTime(entry.date, DUTY_REMINDER_TIME) - DAY_MS;
    if (context.now < firesAt) return [];
    const where =
      entry.subsystemId === null ? '全合同' : findSubsystem(context.profile, entry.subsystemId).shortName;
    const weekday = WEEKDAYS[weekdayOf(isoDateToDayNumber(entry.date))] ?? '';
    return [
      {
        cause: `duty:${entry.assignmentId}`,
        kind: 'duty',
        title: `${entry.date === today ? '今天' : '明天'}值班：${where}`,
        body: `${entry.date}（星期${weekday}）由你值班（${where}），值班结束请填写值班记录`,
        link: '/duty',
        firesAt,
      },
    ];
  });
}

/** Duty logs handed over to the user and not yet signed off, from the hand-over on. */
export function handOverReminders(records: ReminderRecords, context: ReminderContext): Reminder[] {
  return records.dutyLogs.flatMap((log): Reminder[] => {
    if (log.deleted || log.handOverTo !== context.user.id || log.signedOffAt !== null) return [];
    if (log.handedOverAt === null || log.handedOverAt > context.now) return [];
    return [
      {
        cause: `handover:${log.id}:${log.handedOverAt}`,
        kind: 'handover',
        title: `值班交接待签收：${log.onDuty} ${log.date}`,
        body:
          log.handOverNote.trim() === ''
            ? `${log.onDuty} 已把 ${log.date} 的值班交接给你，请查看值班记录并签收`
            : `${log.onDuty} 已把 ${log.date} 的值班交接给你，交接事项：${log.handOverNote.trim().slice(0, 60)}`,
        link: `/duty/log/${log.id}`,
        firesAt: log.handedOverAt,
      },
    ];
  });
}
