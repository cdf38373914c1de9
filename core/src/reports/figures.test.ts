import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../calendar/builtin-calendars';
import { findSlaClock, loadDefaultProfile } from '../profile';
import { type InspectionRun, inspectionRunSchema } from '../records/inspection-run';
import { type InspectionTemplate, inspectionTemplateSchema } from '../records/inspection-template';
import type { Ticket } from '../records/ticket';
import { type TicketDraft, newTicket } from '../records/ticket-create';
import { type TicketAction, transition } from '../records/ticket-status';
import { MINUTE_MS, isoDateToDayNumber, parseInstant } from '../time/shanghai-time';
import { buildReport, reportAsOf } from './build-report';
import { formatDuration, formatRate } from './format';
import {
  failedItems,
  inspectionCompletion,
  inspectionDaysInPeriod,
  runsInPeriod,
} from './inspection-figures';
import { inspectionLedger, ticketLedger } from './ledgers';
import { WHOLE_CONTRACT, monthPeriod, reportPeriod } from './period';
import {
  meanTimeToResolve,
  overallCompliance,
  resolutionRate,
  slaBreaches,
  slaCompliance,
  ticketsByChannel,
  ticketsInPeriod,
} from './ticket-figures';

/*
 * February 2026 on subsystem 1 (互联网+人社: faults answered within 30 minutes around the clock, resolved
 * within 30 minutes of its 09:00–17:30 working-day schedule) and subsystem 5 (网站群: resolved within 2
 * hours around the clock). The Spring Festival holiday runs 2026-02-15…23; Saturdays 02-14 and 02-28
 * are 调休 working days. Every number below is worked out by hand in the comments.
 */
const calendar = builtinCalendar();
const profile = loadDefaultProfile();
const at = parseInstant;
const february = monthPeriod('2026-02');
const asOf = reportAsOf(february, at('2026-03-05T12:00'));
const context = { profile, calendar, asOf };

let idCounter = 0;
function nextId(): string {
  idCounter += 1;
  return `00000000-0000-4000-8000-${String(idCounter).padStart(12, '0')}`;
}

function ticket(
  draft: Partial<TicketDraft> & Pick<TicketDraft, 'receivedAt' | 'title'>,
  steps: readonly [TicketAction, string, string?][] = [],
): Ticket {
  const created = newTicket(
    {
      subsystemId: 1,
      channel: 'phone',
      reporter: { unit: '省人社厅', person: '王老师', phone: '' },
      category: 'fault',
      severity: 'ordinary',
      resolution: '已处理',
      ...draft,
    },
    { actor: 'zhangsan', at: draft.receivedAt, id: nextId() },
  );
  if (!created.ok) throw new Error(created.reason);
  return steps.reduce((current, [action, time, reason]) => {
    const result = transition(current, action, {
      actor: 'zhangsan',
      at: at(time),
      ...(reason ? { reason } : {}),
    });
    if (!result.ok) throw new Error(result.reason);
    return result.ticket;
  }, created.ticket);
}

// A: received on the 调休 Saturday 02-14, when the working-day clock runs. Response 20 min (met);
// resolved 45 working minutes later: 15 minutes over the 30-minute clock.
const onMakeUpSaturday = ticket(
  { receivedAt: at('2026-02-14T10:00'), title: '社保查询页面报错', rootCause: '数据库连接池耗尽' },
  [
    ['respond', '2026-02-14T10:20'],
    ['resolve', '2026-02-14T10:45'],
  ],
);
// B: 10 working minutes on Friday 02-13, then waiting on the requester over the 调休 Saturday and the
// whole holiday, resumed 02-24 09:00 and resolved 09:15: 25 working minutes (met). Natural time
// 02-13 17:00 → 02-24 09:15 = 10 days 16 h 15 min = 15,375 minutes.
const pausedOverHoliday = ticket({ receivedAt: at('2026-02-13T17:00'), title: '单位用户无法登录' }, [
  ['respond', '2026-02-13T17:05'],
  ['wait', '2026-02-13T17:10', '等待报告人提供截图'],
  ['resume', '2026-02-24T09:00'],
  ['resolve', '2026-02-24T09:15'],
]);
// C: received on an ordinary Saturday; the resolution clock starts Monday 09:00: 20 minutes (met).
// Natural time 02-07 10:00 → 02-09 09:20 = 2,840 minutes.
const overWeekend = ticket(
  { receivedAt: at('2026-02-07T10:00'), title: '统计报表导出失败', channel: 'wechat' },
  [
    ['respond', '2026-02-07T10:10'],
    ['resolve', '2026-02-09T09:20'],
  ],
);
// D: response after 50 minutes (20 over); still open at the month's end. Its resolution clock has run
// 210 min on 02-25 and 510 min on each of 02-26, 02-27 and the 调休 Saturday 02-28: 1,740 minutes,
// 1,710 over.
const stillOpen = ticket(
  { receivedAt: at('2026-02-25T14:00'), title: '单点登录间歇失败', channel: 'inspection' },
  [['respond', '2026-02-25T14:50']],
);
// E: subsystem 5, an emergency on a holiday, 24×7 clocks: 5 min to respond, 90 min to resolve (met).
const onHoliday = ticket(
  {
    receivedAt: at('2026-02-20T08:00'),
    title: '网站首页无法打开',
    subsystemId: 5,
    severity: 'emergency',
    channel: 'wechat',
  },
  [
    ['respond', '2026-02-20T08:05'],
    ['resolve', '2026-02-20T09:30'],
  ],
);
// G: a consultation; the contract sets no clock for it. 30 minutes to resolve.
const consultation = ticket(
  { receivedAt: at('2026-02-26T10:00'), title: '咨询年度报表口径', category: 'consultation' },
  [
    ['respond', '2026-02-26T10:10'],
    ['resolve', '2026-02-26T10:30'],
  ],
);
// Outside the document: received in January, and a deleted one.
const january = ticket({ receivedAt: at('2026-01-30T10:00'), title: '上月问题' });
const deleted = { ...ticket({ receivedAt: at('2026-02-11T10:00'), title: '误登记' }), deleted: true };

const allTickets = [
  onMakeUpSaturday,
  pausedOverHoliday,
  overWeekend,
  stillOpen,
  onHoliday,
  consultation,
  january,
  deleted,
];
const tickets = ticketsInPeriod(allTickets, february, WHOLE_CONTRACT);

describe('ticket figures of a hand-built February', () => {
  it('counts the tickets received in the period and nothing else', () => {
    expect(tickets.map((counted) => counted.title)).toEqual([
      '统计报表导出失败',
      '单位用户无法登录',
      '社保查询页面报错',
      '网站首页无法打开',
      '单点登录间歇失败',
      '咨询年度报表口径',
    ]);
    expect(
      ticketsInPeriod(allTickets, february, { subsystemIds: [5] }).map((counted) => counted.title),
    ).toEqual(['网站首页无法打开']);
  });

  it('computes the resolution rate: 5 of 6, 83.3%', () => {
    expect(resolutionRate(tickets, asOf)).toEqual({ received: 6, resolved: 5, rate: 5 / 6 });
    expect(formatRate(5 / 6)).toBe('83.3%');
  });

  it('computes MTTR in natural time: (45 + 15375 + 2840 + 90 + 30) / 5 minutes', () => {
    const mttr = meanTimeToResolve(tickets, asOf);
    expect(mttr).toEqual({ resolved: 5, meanMs: 3676 * MINUTE_MS });
    expect(formatDuration(mttr.meanMs)).toBe('2 天 13 小时 16 分钟');
  });

  it('computes SLA compliance per subsystem and clock, with pauses and the 调休 Saturday honoured', () => {
    expect(findSlaClock(profile, 1, 'consultation', 'ordinary', 'response')).toBeUndefined();
    const rows = slaCompliance(tickets, context);
    expect(rows).toEqual([
      // response: B, C, A met; D 50 min > 30 breached; G has no clock.
      { subsystemId: 1, kind: 'response', met: 3, breached: 1, pending: 0, notSet: 1, rate: 0.75 },
      // resolution: B (pause honoured) and C met; A (counted on the 调休 Saturday) and D breached.
      { subsystemId: 1, kind: 'resolution', met: 2, breached: 2, pending: 0, notSet: 1, rate: 0.5 },
      { subsystemId: 5, kind: 'response', met: 1, breached: 0, pending: 0, notSet: 0, rate: 1 },
      { subsystemId: 5, kind: 'resolution', met: 1, breached: 0, pending: 0, notSet: 0, rate: 1 },
    ]);
    expect(overallCompliance(rows)).toEqual([
      { kind: 'response', met: 4, breached: 1, pending: 0, notSet: 1, rate: 0.8 },
      { kind: 'resolution', met: 3, breached: 2, pending: 0, notSet: 1, rate: 0.6 },
    ]);
  });

  it('lists the breaches with their overrun and the recorded reasons', () => {
    const breaches = slaBreaches(tickets, context).map((breach) => ({
      title: breach.ticket.title,
      kind: breach.kind,
      overrunMinutes: breach.overrunMs / MINUTE_MS,
      stopped: breach.stopped,
      reasons: breach.reasons,
    }));
    expect(breaches).toEqual([
      {
        title: '社保查询页面报错',
        kind: 'resolution',
        overrunMinutes: 15,
        stopped: true,
        reasons: ['原因分析：数据库连接池耗尽'],
      },
      { title: '单点登录间歇失败', kind: 'response', overrunMinutes: 20, stopped: true, reasons: [] },
      { title: '单点登录间歇失败', kind: 'resolution', overrunMinutes: 1710, stopped: false, reasons: [] },
    ]);
  });

  it('counts tickets by channel in the fixed order, zeros included', () => {
    expect(ticketsByChannel(tickets).map((row) => [row.label, row.count])).toEqual([
      ['电话', 3],
      ['微信群', 2],
      ['QQ群', 0],
      ['现场', 0],
      ['工单系统', 0],
      ['邮件', 0],
      ['巡检', 1],
    ]);
  });

  it('writes one ledger row per ticket with each clock’s verdict', () => {
    const ledger = ticketLedger(tickets, context);
    expect(ledger.rows).toHaveLength(6);
    const row = (title: string) => ledger.rows.find((candidate) => candidate[8] === title);
    expect(row('社保查询页面报错')?.slice(9, 14)).toEqual([
      '2026-02-14 10:20',
      '达标',
      '2026-02-14 10:45',
      '超时 15 分钟',
      '已解决',
    ]);
    expect(row('单点登录间歇失败')?.slice(9, 14)).toEqual([
      '2026-02-25 14:50',
      '超时 20 分钟',
      '',
      '超时 1 天 4 小时 30 分钟',
      '未解决',
    ]);
    expect(row('咨询年度报表口径')?.[10]).toBe('未约定');
  });
});

// A daily check on subsystem 1, on working days, due by 10:00. February 2026 has 16 working days:
// 02-02…06, 02-09…13, 02-14 (调休), 02-24…27, 02-28 (调休); none in the holiday 02-15…23.
const template: InspectionTemplate = inspectionTemplateSchema.parse({
  id: nextId(),
  subsystemId: 1,
  createdBy: 'lisi',
  createdAt: at('2026-01-01T09:00'),
  updatedAt: at('2026-01-01T09:00'),
  deleted: false,
  templateId: 's1-daily',
  version: 1,
  name: '互联网+人社平台每日检测',
  schedule: { kind: 'daily', days: 'workdays', dueBy: '10:00' },
  items: [
    { id: 'cpu', label: 'CPU 利用率', required: true, kind: 'number', unit: '%', max: 80 },
    { id: 'login', label: '登录功能', required: true, kind: 'pass-fail' },
  ],
});

function run(day: string, finish: string, failedCpu?: Ticket): InspectionRun {
  return inspectionRunSchema.parse({
    id: nextId(),
    subsystemId: 1,
    createdBy: 'lisi',
    createdAt: at(`${day}T09:00`),
    updatedAt: at(`${day}T${finish}`),
    deleted: false,
    templateId: 's1-daily',
    templateVersion: 1,
    scheduledFor: day,
    startedAt: at(`${day}T09:00`),
    finishedAt: at(`${day}T${finish}`),
    inspector: 'lisi',
    results: [
      {
        itemId: 'cpu',
        value: failedCpu === undefined ? 35 : 92,
        ok: failedCpu === undefined,
        note: failedCpu === undefined ? '' : 'CPU 持续高于 90%',
        photoSha256: null,
        ticketId: failedCpu?.id ?? null,
      },
      { itemId: 'login', value: true, ok: true, note: '', photoSha256: null, ticketId: null },
    ],
  });
}

// 13 on time, 02-14 late (10:30 > 10:00), 02-27 and 02-28 missed; 02-25's run found the CPU high and
// opened ticket D.
const onTimeDays = [
  '2026-02-02',
  '2026-02-03',
  '2026-02-04',
  '2026-02-05',
  '2026-02-06',
  '2026-02-09',
  '2026-02-10',
  '2026-02-11',
  '2026-02-12',
  '2026-02-13',
  '2026-02-24',
  '2026-02-26',
];
const runs = [
  ...onTimeDays.map((day) => run(day, '09:40')),
  run('2026-02-25', '09:45', stillOpen),
  run('2026-02-14', '10:30'),
];

describe('inspection figures of a hand-built February', () => {
  it('counts done / late / missed per schedule over the 16 working days', () => {
    const [row] = inspectionCompletion([template], runs, february, WHOLE_CONTRACT, calendar, asOf);
    expect(row).toMatchObject({
      owed: 16,
      onTime: 13,
      late: 1,
      missed: 2,
      open: 0,
      missedKeys: ['2026-02-27', '2026-02-28'],
    });
  });

  it('counts a slot not yet due as not owed while the month is running', () => {
    const midMonth = at('2026-02-14T09:30');
    const [row] = inspectionCompletion([template], runs, february, WHOLE_CONTRACT, calendar, midMonth);
    // 02-02…13 done on time (10), 02-14 open and due; 02-24 onward not yet open.
    expect(row).toMatchObject({ owed: 11, onTime: 10, late: 0, missed: 0, open: 1 });
  });

  it('gives each day of the daily check its state for the heat map: 14 late, 27 and 28 missed', () => {
    const days = inspectionDaysInPeriod([template], runs, february, WHOLE_CONTRACT, calendar, asOf);
    const byDate = new Map(days.map((day) => [day.date, day.value]));
    // 0 按时完成, 1 待完成, 2 迟做, 3 漏检; the Spring Festival days owe nothing and are absent.
    expect(days).toHaveLength(16);
    expect(byDate.get('2026-02-02')).toBe(0);
    expect(byDate.get('2026-02-14')).toBe(2);
    expect(byDate.get('2026-02-27')).toBe(3);
    expect(byDate.get('2026-02-28')).toBe(3);
    expect(byDate.has('2026-02-16')).toBe(false);
    expect(days.find((day) => day.date === '2026-02-25')?.recordIds).toHaveLength(1);
  });

  it('lists the failed items with the ticket they opened', () => {
    const failed = failedItems(runsInPeriod(runs, february, WHOLE_CONTRACT), [template], allTickets);
    expect(failed.map((item) => [item.itemLabel, item.result.note, item.ticket?.title])).toEqual([
      ['CPU 利用率', 'CPU 持续高于 90%', '单点登录间歇失败'],
    ]);
  });

  it('writes one ledger row per run', () => {
    const ledger = inspectionLedger(
      runsInPeriod(runs, february, WHOLE_CONTRACT),
      [template],
      allTickets,
      profile,
    );
    expect(ledger.rows).toHaveLength(14);
    expect(ledger.rows.find((row) => row[3] === '2026-02-25')?.slice(7)).toEqual([
      '2',
      '1',
      'CPU 利用率',
      '单点登录间歇失败',
    ]);
  });
});

describe('the monthly report', () => {
  const records = { tickets: allTickets, inspectionTemplates: [template], inspectionRuns: runs };
  const document = buildReport({
    kind: 'monthly',
    period: february,
    scope: WHOLE_CONTRACT,
    profile,
    calendar,
    asOf,
    records,
  });

  it('follows the usual outline', () => {
    expect(document.title).toBe('运维月报');
    expect(document.subtitle).toBe('全部运维子项　2026年2月');
    expect(document.sections.map((section) => section.heading)).toEqual([
      '一、运维工作概况',
      '二、系统运行情况',
      '三、巡检情况',
      '四、问题处理情况',
      '五、服务请求与变更',
      '六、值班保障',
      '七、培训与回访',
      '八、存在问题与建议',
      '九、下月工作计划',
    ]);
    expect(document.sections[3]?.subsections.map((section) => section.heading)[0]).toBe('（一）按来源渠道');
  });

  it('draws the daily inspections and the SLA compliance as the dashboard’s charts', () => {
    const charts = document.sections
      .flatMap((section) => [section, ...section.subsections])
      .flatMap((section) => section.blocks.map((block) => [section.heading, block] as const))
      .filter(([, block]) => block.kind === 'chart');
    expect(charts.map(([heading, block]) => [heading, block.kind === 'chart' ? block.caption : ''])).toEqual([
      ['三、巡检情况', '每日巡检完成情况'],
      ['（三）服务时限达标情况', '各运维子项服务时限达标率'],
    ]);
    const heatmap = charts[0]?.[1];
    expect(heatmap?.kind === 'chart' && JSON.stringify(heatmap.option)).toContain('"2026-02-27",3');
  });

  it('writes the narrative from the figures', () => {
    const problems = document.sections[3]?.blocks[0];
    expect(problems).toEqual({
      kind: 'paragraph',
      text: '本月共受理问题 6 个，已解决 5 个，解决率 83.3%，尚有 1 个正在处理；平均解决时长 2 天 13 小时 16 分钟；响应及时率 80.0%，解决及时率 60.0%。',
    });
    expect(document.sections[2]?.blocks[0]).toEqual({
      kind: 'paragraph',
      text: '本月计划巡检 16 次，已完成 14 次（其中逾期完成 1 次），漏检 2 次，完成率 87.5%；共完成巡检 14 次，巡检发现异常 1 项，已据此开具工单 1 个。',
    });
  });

  it('reports duty, on-site days, trainings and visits in their chapters (record-figures.test.ts)', () => {
    expect(
      [5, 6].flatMap(
        (index) => document.sections[index]?.subsections.map((section) => section.heading) ?? [],
      ),
    ).toEqual(['（一）值班情况', '（二）现场服务', '（一）培训', '（二）回访']);
  });

  it('plans next month’s inspections from the calendar: 22 working days in March 2026', () => {
    const plan = document.sections[8]?.blocks[0];
    expect(plan).toEqual({
      kind: 'paragraph',
      text: '互联网+人社：按计划完成“互联网+人社平台每日检测”22 次。',
    });
  });

  it('gives a valid document for a period with no records', () => {
    const empty = buildReport({
      kind: 'monthly',
      period: reportPeriod('2026-04-01', '2026-04-30'),
      scope: { subsystemIds: [5] },
      profile,
      calendar,
      asOf,
      records: { tickets: [], inspectionTemplates: [], inspectionRuns: [] },
    });
    expect(empty.sections[3]?.blocks[0]).toEqual({ kind: 'paragraph', text: '本月未受理问题。' });
    expect(empty.fileStem).toBe('运维月报-2026年4月-网站群');
  });
});

describe('the period', () => {
  it('names a whole month as a month and any other range by its dates', () => {
    expect(reportPeriod('2026-02-01', '2026-02-28').kind).toBe('month');
    expect(reportPeriod('2026-01-01', '2026-06-30')).toEqual({
      fromDay: isoDateToDayNumber('2026-01-01'),
      toDay: isoDateToDayNumber('2026-06-30'),
      kind: 'range',
    });
  });

  it('refuses a range that ends before it starts, and a date that does not exist', () => {
    expect(() => reportPeriod('2026-03-01', '2026-02-01')).toThrow(
      '结束日期 2026-02-01 不能早于开始日期 2026-03-01',
    );
    expect(() => reportPeriod('2026-02-30', '2026-03-01')).toThrow('开始日期“2026-02-30”不是有效的日期');
  });
});

describe('the ticket record document', () => {
  it('lists every ticket of the period in the columns a portrait page has room for', () => {
    const document = buildReport({
      kind: 'tickets',
      period: february,
      scope: WHOLE_CONTRACT,
      profile,
      calendar,
      asOf,
      records: { tickets: allTickets, inspectionTemplates: [], inspectionRuns: [] },
    });
    const table = document.sections[1]?.blocks[0];
    if (table?.kind !== 'table') throw new Error('问题处理明细应为表格');
    expect(table.columns.map((column) => column.header)).toEqual([
      '序号',
      '运维子项',
      '接报时间',
      '报告人',
      '问题标题',
      '响应时限',
      '解决时限',
      '处理状态',
    ]);
    expect(table.rows[0]).toEqual([
      '1',
      '互联网+人社',
      '2026-02-07 10:00',
      '王老师',
      '统计报表导出失败',
      '达标',
      '达标',
      '已解决',
    ]);
    expect(table.rows).toHaveLength(6);
  });
});

describe('a ledger in a year whose holiday notice is not yet published', () => {
  it('marks a clock that counts by working hours 暂定, and leaves a 24×7 clock unmarked', () => {
    const received = at('2026-12-31T17:20');
    const opened = newTicket(
      {
        subsystemId: 1,
        channel: 'phone',
        reporter: { unit: '省人社厅办公室', person: '王老师', phone: '' },
        category: 'fault',
        severity: 'ordinary',
        title: '年末系统登录缓慢',
        receivedAt: received,
      },
      { actor: 'zhangsan', at: received },
    );
    if (!opened.ok) throw new Error(opened.reason);
    const ledger = ticketLedger([opened.ticket], { profile, calendar, asOf: at('2026-12-31T17:25') });
    // Subsystem 1: response within 30 minutes around the clock; resolution within 30 office minutes,
    // ten of them left on 31 December, the rest after 元旦 on a calendar 2027's notice may still change.
    expect([ledger.rows[0]?.[10], ledger.rows[0]?.[12]]).toEqual(['计时中', '计时中（暂定）']);
  });
});
