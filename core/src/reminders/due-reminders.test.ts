import { describe, expect, it } from 'vitest';
import type { UserScope } from '../auth/roles';
import {
  YEAR_2026,
  testAssignment,
  testCalendar,
  testDutyLog,
  testProfile,
  testRun,
  testTemplate,
  testTicket,
  testVisit,
} from '../obligations/test-records';
import { reportSubmissionId, reportSubmissionSchema } from '../records/kinds/report-submission';
import { formatInstant, parseInstant } from '../time/shanghai-time';
import { dueReminders } from './due-reminders';
import type { Reminder, ReminderRecords } from './reminder';

/*
 * Hand-worked dates: 2026-02-13 is a Friday, 02-14 a 调休 Saturday (a working day), 02-15…23 the
 * Spring Festival holiday (02-16 its second day), 02-24 a Tuesday. Subsystem 5's ordinary fault
 * ticket must be responded to in 10 minutes and resolved in 120 (round the clock).
 */
const check0830 = testTemplate('portal-0830', 5, { kind: 'daily', days: 'workdays', dueBy: '08:30' });
const monthly = testTemplate('s8-monthly', 8, { kind: 'monthly', dueDay: 5 }, '月度巡检');
const NONE: ReminderRecords = {
  tickets: [],
  inspectionTemplates: [],
  inspectionRuns: [],
  dutyAssignments: [],
  dutySwaps: [],
  dutyLogs: [],
  visits: [],
};
const ENGINEER_5: UserScope = { role: 'engineer', subsystemIds: [5] };

function remindersAt(
  now: string,
  records: Partial<ReminderRecords>,
  scope: UserScope | null = ENGINEER_5,
  user = 'zhang',
): Reminder[] {
  return dueReminders(
    { ...NONE, ...records },
    {
      user: { id: user, scope },
      profile: testProfile,
      calendar: testCalendar,
      contractYear: YEAR_2026,
      now: parseInstant(now),
    },
  );
}

/** cause and the Beijing time it fires at, `YYYY-MM-DD HH:MM`. */
function fired(reminders: readonly Reminder[]): [string, string][] {
  return reminders.map((reminder) => [
    reminder.cause,
    formatInstant(reminder.firesAt).slice(0, 16).replace('T', ' '),
  ]);
}

describe('the 08:30 check: at 08:00 and at 08:20 on working days, until it is done', () => {
  const templates = { inspectionTemplates: [check0830, monthly] };

  it.each([
    ['2026-02-14 07:59', []], // 调休 Saturday, not yet 08:00
    ['2026-02-14 08:00', [['inspection:portal-0830:2026-02-14:30', '2026-02-14 08:00']]],
    ['2026-02-14 08:19', [['inspection:portal-0830:2026-02-14:30', '2026-02-14 08:00']]],
    ['2026-02-14 08:20', [['inspection:portal-0830:2026-02-14:10', '2026-02-14 08:20']]],
    ['2026-02-14 08:30', []], // due: the dashboard tells it is overdue, no more reminders
    ['2026-02-13 08:00', [['inspection:portal-0830:2026-02-13:30', '2026-02-13 08:00']]], // Friday
    ['2026-02-15 08:20', []], // Sunday in the holiday
    ['2026-02-16 08:00', []], // Spring Festival
    ['2026-02-16 08:20', []],
    ['2026-02-24 08:25', [['inspection:portal-0830:2026-02-24:10', '2026-02-24 08:20']]],
  ] as const)('at %s', (now, expected) => {
    expect(fired(remindersAt(now, templates))).toEqual(expected);
  });

  it('pops up a check owed every day (网站群, holidays included) on working days only', () => {
    const everyDay = testTemplate('s5-daily-0830', 5, { kind: 'daily', days: 'every_day', dueBy: '08:30' });
    const checks = (now: string) =>
      fired(remindersAt(now, { inspectionTemplates: [everyDay] }).filter((one) => one.kind === 'inspection'));
    expect(checks('2026-02-14 08:00')).toEqual([
      ['inspection:s5-daily-0830:2026-02-14:30', '2026-02-14 08:00'],
    ]);
    expect(checks('2026-02-16 08:00')).toEqual([]);
    expect(checks('2026-02-22 08:20')).toEqual([]); // a Sunday within the holiday
    expect(checks('2026-02-28 08:20')).toHaveLength(1); // the second 调休 Saturday
    expect(checks('2026-03-07 08:20')).toEqual([]); // an ordinary Saturday
  });

  it('says which check and how long is left, and opens the inspections', () => {
    const [reminder] = remindersAt('2026-02-14 08:00', templates);
    expect(reminder).toMatchObject({
      kind: 'inspection',
      title: '巡检提醒：门户网站功能测试巡检',
      body: '网站群今天须在 08:30 前完成巡检，尚未完成（还剩 30 分钟）',
      link: '/inspections',
    });
  });

  it('is not reminded once finished, nor while the run is only started', () => {
    const finished = testRun(check0830, '2026-02-14', '2026-02-14 08:10');
    expect(remindersAt('2026-02-14 08:20', { ...templates, inspectionRuns: [finished] })).toEqual([]);
    const open = testRun(check0830, '2026-02-14', null);
    expect(fired(remindersAt('2026-02-14 08:20', { ...templates, inspectionRuns: [open] }))).toHaveLength(1);
  });

  it('reaches the engineers of the subsystem and a name on this PC, not others', () => {
    const checks = (scope: UserScope | null) =>
      remindersAt('2026-02-14 08:00', templates, scope).filter((one) => one.kind === 'inspection');
    expect(checks({ role: 'engineer', subsystemIds: [1, 5] })).toHaveLength(1);
    expect(checks({ role: 'engineer', subsystemIds: [1] })).toEqual([]);
    expect(checks(null)).toHaveLength(1);
    expect(checks({ role: 'project_lead' })).toEqual([]);
    expect(checks({ role: 'service_manager', unitIds: [1] })).toEqual([]);
  });
});

describe('ticket clocks: at 75 % and at the breach, for the tickets the user holds', () => {
  const received = parseInstant('2026-02-24 09:00');
  const held = testTicket({ receivedAt: received, assignee: 'zhang' }, [['respond', '2026-02-24 09:05']]);
  const id = held.id;

  it.each([
    ['2026-02-24 10:29', []], // 89 of 120 minutes
    ['2026-02-24 10:30', [[`ticket_clock:75:${id}:resolution`, '2026-02-24 10:30']]],
    ['2026-02-24 10:59', [[`ticket_clock:75:${id}:resolution`, '2026-02-24 10:30']]],
    ['2026-02-24 11:00', [[`ticket_clock:75:${id}:resolution`, '2026-02-24 10:30']]], // the deadline is on time
    ['2026-02-24 11:01', [[`ticket_clock:breach:${id}:resolution`, '2026-02-24 11:00']]],
  ] as const)('at %s', (now, expected) => {
    expect(fired(remindersAt(now, { tickets: [held] }))).toEqual(expected);
  });

  it('finds the 75 % instant after a pause: 30 minutes waiting move it to 11:00', () => {
    const paused = testTicket({ receivedAt: received, assignee: 'zhang' }, [
      ['respond', '2026-02-24 09:05'],
      ['wait', '2026-02-24 09:30', '等待报告人提供截图'],
      ['resume', '2026-02-24 10:00'],
    ]);
    expect(fired(remindersAt('2026-02-24 11:05', { tickets: [paused] }))).toEqual([
      [`ticket_clock:75:${paused.id}:resolution`, '2026-02-24 11:00'],
    ]);
  });

  it('names the ticket and its deadline and opens it', () => {
    const [reminder] = remindersAt('2026-02-24 10:30', { tickets: [held] });
    expect(reminder).toMatchObject({
      kind: 'ticket_clock',
      title: '工单时限已用 75%：网站首页无法打开',
      body: '网站群工单须在 2026-02-24 11:00 前解决',
      link: `/tickets/${id}`,
    });
  });

  it('reminds both clocks of an unanswered ticket, and nothing for another holder or a stopped clock', () => {
    const unanswered = testTicket({ receivedAt: received, assignee: 'zhang' });
    expect(fired(remindersAt('2026-02-24 09:08', { tickets: [unanswered] }))).toEqual([
      [`ticket_clock:75:${unanswered.id}:response`, '2026-02-24 09:07'],
    ]);
    const other = testTicket({ receivedAt: received, assignee: 'wang' });
    expect(remindersAt('2026-02-24 11:30', { tickets: [other] })).toEqual([]);
    const resolved = testTicket({ receivedAt: received, assignee: 'zhang' }, [
      ['respond', '2026-02-24 09:05'],
      ['resolve', '2026-02-24 10:40'],
    ]);
    expect(remindersAt('2026-02-24 11:30', { tickets: [resolved] })).toEqual([]);
  });
});

describe('reports: three days before and on the day, at 08:00', () => {
  const s10: UserScope = { role: 'engineer', subsystemIds: [10] };

  it.each([
    ['2026-03-07 07:59', []],
    ['2026-03-07 08:00', [['report:s10-day10-analysis:2026-03-10:3d', '2026-03-07 08:00']]],
    ['2026-03-09 17:00', [['report:s10-day10-analysis:2026-03-10:3d', '2026-03-07 08:00']]],
    ['2026-03-10 08:00', [['report:s10-day10-analysis:2026-03-10:day', '2026-03-10 08:00']]],
    ['2026-03-10 23:59', [['report:s10-day10-analysis:2026-03-10:day', '2026-03-10 08:00']]],
    ['2026-03-11 08:00', []],
  ] as const)('subsystem 10 at %s', (now, expected) => {
    const causes = fired(remindersAt(now, {}, s10)).filter(([cause]) => cause.includes('day10'));
    expect(causes).toEqual(expected);
  });

  it('says when, and reaches neither another subsystem nor an auditor', () => {
    const [reminder] = remindersAt('2026-03-10 08:00', {}, s10).filter((one) => one.cause.includes('day10'));
    expect(reminder?.title).toMatch(/^报告今天到期：/);
    const early = remindersAt('2026-03-07 08:00', {}, s10).find((one) => one.cause.includes('day10'));
    expect(early?.title).toMatch(/^报告将于 2026-03-10 到期：/);
    expect(remindersAt('2026-03-10 08:00', {}, { role: 'engineer', subsystemIds: [1] })).toEqual(
      remindersAt('2026-03-10 08:00', {}, { role: 'engineer', subsystemIds: [1] }).filter(
        (one) => !one.cause.includes('s10-'),
      ),
    );
    expect(remindersAt('2026-03-10 08:00', {}, { role: 'auditor' })).toEqual([]);
  });

  it('stops once the report is handed in (marked 已提交 on the dashboard)', () => {
    const obligationId = 'report:s10-day10-analysis:2026-03-10';
    const submission = reportSubmissionSchema.parse({
      id: reportSubmissionId(obligationId),
      subsystemId: 10,
      createdBy: 'wangjl',
      createdAt: parseInstant('2026-03-08 15:00'),
      updatedAt: parseInstant('2026-03-08 15:00'),
      deleted: false,
      obligationId,
      dueDate: '2026-03-10',
      submittedAt: parseInstant('2026-03-08 15:00'),
      submittedBy: 'wangjl',
      note: '',
    });
    const day10 = (now: string) =>
      fired(remindersAt(now, { reportSubmissions: [submission] }, s10)).filter(([cause]) =>
        cause.includes('day10'),
      );
    expect(day10('2026-03-10 08:00')).toEqual([]);
    // Next month's report is reminded as before.
    expect(day10('2026-04-07 08:00')).toEqual([
      ['report:s10-day10-analysis:2026-04-10:3d', '2026-04-07 08:00'],
    ]);
  });
});

describe('duty: from 16:00 the day before until the day ends', () => {
  const duty = testAssignment('2026-02-17', 'zhang', 5);

  it.each([
    ['2026-02-16 15:59', []],
    ['2026-02-16 16:00', [[`duty:${duty.id}`, '2026-02-16 16:00']]],
    ['2026-02-17 23:59', [[`duty:${duty.id}`, '2026-02-16 16:00']]],
    ['2026-02-18 00:00', []],
  ] as const)('at %s', (now, expected) => {
    expect(fired(remindersAt(now, { dutyAssignments: [duty] }))).toEqual(expected);
  });

  it('says the day and the subsystem, and follows a swap', () => {
    const [reminder] = remindersAt('2026-02-16 16:00', { dutyAssignments: [duty] });
    expect(reminder?.title).toBe('明天值班：网站群');
    expect(reminder?.body).toBe('2026-02-17（星期二）由你值班（网站群），值班结束请填写值班记录');
    const swap = {
      id: '00000000-0000-4000-8000-0000000000ff',
      createdBy: 'zhang',
      createdAt: parseInstant('2026-02-10 09:00'),
      updatedAt: parseInstant('2026-02-10 09:00'),
      deleted: false,
      subsystemId: 5,
      assignmentA: duty.id,
      personA: 'zhang',
      assignmentB: null,
      personB: 'wang',
      at: parseInstant('2026-02-10 09:00'),
      reason: '',
    };
    const swapped = { dutyAssignments: [duty], dutySwaps: [swap] };
    expect(remindersAt('2026-02-16 16:00', swapped)).toEqual([]);
    expect(fired(remindersAt('2026-02-16 16:00', swapped, ENGINEER_5, 'wang'))).toHaveLength(1);
  });
});

describe('hand-over: waiting for the receiver to sign off', () => {
  const handedOver = parseInstant('2026-02-17 08:40');
  const log = testDutyLog('2026-02-16', 'wang', {
    handOverTo: 'zhang',
    handOverNote: '机房空调告警已报修',
    handedOverAt: handedOver,
  });

  it('reminds the receiver from the hand-over until they sign', () => {
    expect(fired(remindersAt('2026-02-17 08:41', { dutyLogs: [log] }))).toEqual([
      [`handover:${log.id}:${handedOver}`, '2026-02-17 08:40'],
    ]);
    expect(remindersAt('2026-02-17 08:41', { dutyLogs: [log] })[0]?.link).toBe(`/duty/log/${log.id}`);
    const signed = { ...log, signedOffAt: parseInstant('2026-02-17 09:00') };
    expect(remindersAt('2026-02-17 09:01', { dutyLogs: [signed] })).toEqual([]);
    expect(remindersAt('2026-02-17 08:41', { dutyLogs: [log] }, ENGINEER_5, 'wang')).toEqual([]);
  });
});

describe('visits: units not yet visited in the last 5 days of the month', () => {
  const manager: UserScope = { role: 'service_manager', unitIds: [1, 2] };
  const unitName = (id: number) =>
    testProfile.documentSystem?.units.find((unit) => unit.id === id)?.name ?? '';

  it.each([
    ['2026-03-27 07:59', []],
    ['2026-03-27 08:00', [['visit:2026-03', '2026-03-27 08:00']]],
    ['2026-03-31 23:59', [['visit:2026-03', '2026-03-27 08:00']]],
    ['2026-02-24 08:00', [['visit:2026-02', '2026-02-24 08:00']]], // February has 28 days
  ] as const)('at %s', (now, expected) => {
    const visits = remindersAt(now, { visits: [testVisit('2026-03-03', [1])] }, manager).filter(
      (one) => one.kind === 'visit',
    );
    expect(fired(visits)).toEqual(expected);
  });

  it('names the units still to visit, and says nothing once all are visited', () => {
    const [reminder] = remindersAt('2026-03-27 08:00', { visits: [testVisit('2026-03-03', [1])] }, manager);
    expect(reminder?.title).toBe('2026年3月还有 1 个单位未回访');
    expect(reminder?.body).toBe(`2026-03-31 前须回访：${unitName(2)}`);
    expect(remindersAt('2026-03-27 08:00', { visits: [testVisit('2026-03-03', [1, 2])] }, manager)).toEqual(
      [],
    );
    expect(remindersAt('2026-03-27 08:00', {}, ENGINEER_5).filter((one) => one.kind === 'visit')).toEqual([]);
  });
});
