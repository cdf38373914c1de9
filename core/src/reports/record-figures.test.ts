import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../calendar/builtin-calendars';
import { loadDefaultProfile } from '../profile';
import {
  type DutyAssignment,
  type DutyLog,
  type DutySwap,
  type SensitivePeriod,
  dutyAssignmentSchema,
  dutyLogSchema,
  dutySwapSchema,
  sensitivePeriodSchema,
} from '../records/kinds/duty';
import { type OnSiteDay, onSiteDaySchema } from '../records/kinds/onsite';
import { type Training, trainingSchema } from '../records/kinds/training';
import { type Visit, visitSchema } from '../records/kinds/visit';
import { parseInstant } from '../time/shanghai-time';
import { type ReportRecords, buildLedgers, buildReport, reportAsOf } from './build-report';
import type { ReportDocument, ReportKind, ReportTable } from './document-model';
import { WHOLE_CONTRACT, monthPeriod, reportPeriod } from './period';
import { dutyFigures, onSiteFigures, trainingFigures, visitFigures } from './record-figures';
import { dutySentence, trainingSentence, visitSentence } from './record-sections';

/*
 * The Spring Festival of 2026: 2026-02-15…23 are holidays; Saturday 02-14 is a 调休 working day.
 * Every number below is worked out by hand in the comments.
 */
const calendar = builtinCalendar();
const profile = loadDefaultProfile();
const at = parseInstant;
const SHA = 'a'.repeat(64);

let serial = 0;
function id(): string {
  serial += 1;
  return `00000000-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`;
}

function envelope(createdAt = at('2026-02-01 09:00')) {
  return { id: id(), createdBy: 'lead', createdAt, updatedAt: createdAt, deleted: false };
}

const noRecords: ReportRecords = { tickets: [], inspectionTemplates: [], inspectionRuns: [] };

function request(
  records: Partial<ReportRecords>,
  period = monthPeriod('2026-02'),
  now = at('2026-03-05 12:00'),
  subsystemIds: readonly number[] = [],
  kind: ReportKind = 'monthly',
) {
  return {
    kind,
    period,
    scope: subsystemIds.length === 0 ? WHOLE_CONTRACT : { subsystemIds },
    profile,
    calendar,
    asOf: reportAsOf(period, now),
    records: { ...noRecords, ...records },
  };
}

function assignment(date: string, person: string, subsystemId: number | null = null): DutyAssignment {
  return dutyAssignmentSchema.parse({ ...envelope(), subsystemId, date, person });
}

function log(fields: Partial<DutyLog> & Pick<DutyLog, 'date' | 'onDuty'>): DutyLog {
  return dutyLogSchema.parse({
    ...envelope(),
    subsystemId: null,
    callsReceived: 0,
    events: [],
    notes: '',
    handOverTo: null,
    handOverNote: '',
    handedOverAt: null,
    signedOffAt: null,
    ...fields,
  });
}

function allText(document: ReportDocument): string {
  const sections = document.sections.flatMap((section) => [section, ...section.subsections]);
  return sections
    .flatMap((section) => [
      section.heading,
      ...section.blocks.flatMap((block) =>
        block.kind === 'paragraph' ? [block.text] : block.kind === 'table' ? block.rows.flat() : [],
      ),
    ])
    .join('\n');
}

function tableOf(document: ReportDocument, caption: string): ReportTable {
  const table = document.sections
    .flatMap((section) => [section, ...section.subsections])
    .flatMap((section) => section.blocks)
    .find((block): block is ReportTable => block.kind === 'table' && block.caption === caption);
  if (table === undefined) throw new Error(`no table ${caption}`);
  return table;
}

/*
 * 2026-02-13…17: the 13th (Friday) and 14th (调休 Saturday) are working days, the 15th–17th Spring
 * Festival holidays, so contract-wide duty days are 15, 16, 17. A sensitive period names subsystem 5
 * on the 13th, so 网站群 keeps duty of its own that day: 4 duty days in all.
 */
function dutyScenario() {
  const sensitive: SensitivePeriod = sensitivePeriodSchema.parse({
    ...envelope(),
    name: '网站安全检查',
    from: '2026-02-13',
    to: '2026-02-13',
    subsystemIds: [5],
    note: '',
  });
  const on15 = assignment('2026-02-15', '张三');
  const on16 = assignment('2026-02-16', '李四');
  const on17 = assignment('2026-02-17', '王五');
  const on13 = assignment('2026-02-13', '钱七', 5);
  // 王五's 17th is covered by 赵六 (替班): the roster names 赵六.
  const cover: DutySwap = dutySwapSchema.parse({
    ...envelope(),
    subsystemId: null,
    assignmentA: on17.id,
    personA: '王五',
    assignmentB: null,
    personB: '赵六',
    at: at('2026-02-10 10:00'),
    reason: '家中有事',
  });
  const logs = [
    log({
      date: '2026-02-15',
      onDuty: '张三',
      callsReceived: 3,
      events: [{ summary: '门户首页打不开，重启后恢复', ticketIds: [] }],
      handOverTo: '李四',
      handOverNote: '关注门户负载',
      handedOverAt: at('2026-02-16 08:30'),
      signedOffAt: at('2026-02-16 08:40'),
    }),
    // Handed over to 赵六, who has not signed: a gap.
    log({
      date: '2026-02-16',
      onDuty: '李四',
      callsReceived: 2,
      handOverTo: '赵六',
      handedOverAt: at('2026-02-17 08:30'),
    }),
    // 17th: 赵六 wrote no log: a gap.
    log({
      date: '2026-02-13',
      onDuty: '钱七',
      subsystemId: 5,
      callsReceived: 1,
      events: [
        { summary: '扫描发现弱口令一处，已修改', ticketIds: [] },
        { summary: '检查组现场检查，配合完成', ticketIds: [] },
      ],
      handOverTo: '张三',
      handedOverAt: at('2026-02-14 08:30'),
      signedOffAt: at('2026-02-14 09:00'),
    }),
    // Deleted: counts for nothing.
    { ...log({ date: '2026-02-17', onDuty: '王五', callsReceived: 9 }), deleted: true },
  ];
  return {
    sensitivePeriods: [sensitive],
    dutyAssignments: [on13, on15, on16, on17],
    dutySwaps: [cover],
    dutyLogs: logs,
  };
}

describe('duty days covered and their events', () => {
  const period = reportPeriod('2026-02-13', '2026-02-17');

  it('counts each duty day of each duty scope: rostered, logged, handed over and signed off', () => {
    const duty = dutyFigures(request(dutyScenario(), period));
    expect(duty.rows.map((row) => [row.status.date, row.status.subsystemId, row.status.state])).toEqual([
      ['2026-02-13', 5, 'complete'],
      ['2026-02-15', null, 'complete'],
      ['2026-02-16', null, 'unsigned'],
      ['2026-02-17', null, 'missing_log'],
    ]);
    expect(duty).toMatchObject({
      days: 4,
      upcoming: 0,
      rostered: 4,
      logged: 3,
      logs: 3,
      handedOver: 3,
      signedOff: 2,
      calls: 6, // 1 + 3 + 2; the deleted log's 9 are not counted
      events: 3, // 2 + 1
    });
    expect(dutySentence('本期', duty)).toBe(
      '本期共有值班日 4 天，均已排班，值班记录 3 份，已交接 3 天，交接已签收 2 天；接听电话 6 个，处理事件 3 件。' +
        '存在缺口 2 处：2026-02-16 的交接尚未由 赵六 签收；2026-02-17 赵六 没有填写值班记录。',
    );
  });

  it('leaves a subsystem with no duty of its own to the contract-wide roster (no false gaps)', () => {
    const duty = dutyFigures(request(dutyScenario(), period, undefined, [1]));
    expect(duty.rows.map((row) => row.status.subsystemId)).toEqual([null, null, null]);
  });

  it('says a fully kept month in one sentence', () => {
    const days = ['2026-02-15', '2026-02-16'];
    const duty = dutyFigures(
      request(
        {
          dutyAssignments: days.map((date) => assignment(date, '张三')),
          dutyLogs: days.map((date) =>
            log({
              date,
              onDuty: '张三',
              handOverTo: '李四',
              handedOverAt: at(`${date} 20:00`),
              signedOffAt: at(`${date} 20:10`),
            }),
          ),
        },
        reportPeriod('2026-02-15', '2026-02-16'),
      ),
    );
    expect(dutySentence('本期', duty)).toBe(
      '本期共有值班日 2 天，均已排班，值班记录 2 份，交接均已签收；接听电话 0 个，处理事件 0 件。',
    );
  });

  it('does not judge the days still to come', () => {
    // Made on the 16th at noon: the 16th is today (值班中), the 17th upcoming.
    const duty = dutyFigures(request(dutyScenario(), period, at('2026-02-16 12:00')));
    expect(duty.rows.map((row) => row.status.state)).toEqual(['complete', 'complete', 'today', 'upcoming']);
    expect(duty.upcoming).toBe(1);
    expect(duty.gaps).toEqual([]);
  });

  it('makes 《值班记录》 one row per duty day with who, calls, events, hand-over and sign-off', () => {
    const document = buildReport(request(dutyScenario(), period, undefined, [], 'duty'));
    expect(document.title).toBe('值班记录');
    const table = tableOf(document, '值班记录');
    expect(table.columns.map((column) => column.header)).toEqual([
      '日期',
      '值班范围',
      '值班人员',
      '接听电话',
      '处理事件',
      '交接',
      '签收',
      '状态',
    ]);
    expect(table.rows).toEqual([
      [
        '2026-02-13',
        '网站群',
        '钱七',
        '1',
        '扫描发现弱口令一处，已修改；检查组现场检查，配合完成',
        '钱七 交 张三（2026-02-14 08:30）',
        '2026-02-14 09:00',
        '已完成',
      ],
      [
        '2026-02-15',
        '全合同',
        '张三',
        '3',
        '门户首页打不开，重启后恢复',
        '张三 交 李四（2026-02-16 08:30）',
        '2026-02-16 08:40',
        '已完成',
      ],
      ['2026-02-16', '全合同', '李四', '2', '无', '李四 交 赵六（2026-02-17 08:30）', '未签收', '交接未签收'],
      ['2026-02-17', '全合同', '赵六', '0', '', '', '', '缺值班记录'],
    ]);
    expect(tableOf(document, '值班交接事项').rows).toEqual([['2026-02-15', '全合同', '关注门户负载']]);
    const [ledger] = buildLedgers(request(dutyScenario(), period, undefined, [], 'duty'));
    expect(ledger?.rows.map((row) => [row[0], row[3]])).toEqual([
      ['1', '网站安全检查'],
      ['2', '春节'],
      ['3', '春节'],
      ['4', '春节'],
    ]);
  });
});

function training(fields: Partial<Training>): Training {
  const startAt = fields.startAt ?? at('2026-02-10 09:00');
  return trainingSchema.parse({
    ...envelope(startAt),
    subsystemId: 8,
    requirementId: 's8-annual',
    unitId: null,
    topic: '基金监管系统操作培训',
    audience: '软件操作人员',
    startAt,
    durationMinutes: 120,
    delivery: 'in_person',
    place: '信息中心 3 楼会议室',
    trainers: [{ name: '王老师', title: '高级工程师', level: 'intermediate' }],
    attendance: {
      kind: 'list',
      attendees: Array.from({ length: 12 }, (_, index) => ({ name: `学员${index + 1}`, unit: '信息中心' })),
    },
    materials: [{ sha256: SHA, name: '培训课件.pptx', mime: 'application/vnd.ms-powerpoint', size: 1000 }],
    satisfaction: { score: 96, comments: '' },
    notes: '',
    ...fields,
  });
}

/*
 * Subsystem 8 owes one training a year: ≥ 12 attendees, an intermediate lecturer, ≥ 2 hours, materials.
 * February: one that meets it (12 people, 2 h) and one that does not (10 people, 90 minutes); January
 * had one that meets it. Subsystem 9's training with no requirement is outside the scope [8].
 */
function trainingScenario(): Training[] {
  return [
    training({ topic: '二月培训（合格）' }),
    training({
      topic: '二月补充培训',
      startAt: at('2026-02-20 14:00'),
      durationMinutes: 90,
      attendance: {
        kind: 'count',
        count: 10,
        signInSheet: { sha256: 'b'.repeat(64), name: '签到表.jpg', mime: 'image/jpeg', size: 10 },
      },
    }),
    training({ topic: '一月培训', startAt: at('2026-01-12 09:00') }),
    training({ subsystemId: 9, requirementId: null, topic: '人才网新功能介绍' }),
    { ...training({ topic: '已删除的培训' }), deleted: true },
  ];
}

describe('trainings against the contract minimums', () => {
  it('counts the period’s trainings and the contract year’s progress up to the period’s end', () => {
    const figures = trainingFigures(request({ trainings: trainingScenario() }, undefined, undefined, [8]));
    expect(figures.rows.map((row) => row.training.topic)).toEqual(['二月培训（合格）', '二月补充培训']);
    expect(figures).toMatchObject({ held: 2, attendees: 22, met: 1, notMet: 1, yearLabel: '2026 年度' });
    expect(figures.rows[1]?.check?.reasons).toEqual([
      '培训时长不足：合同要求不少于 2 小时，本次 1 小时 30 分钟',
      '参训人数少 2 人：合同要求不少于 12 人，本次 10 人',
    ]);
    // January's and February's good trainings both meet the one owed.
    expect(figures.progress).toEqual([
      expect.objectContaining({ requirementId: 's8-annual', owed: 1, done: 2, notMet: 1, remaining: 0 }),
    ]);
    expect(trainingSentence('本月', figures)).toBe(
      '本月开展培训 2 次，参训 22 人次，其中符合合同培训要求 1 次，未达要求 1 次。' +
        '2026 年度合同约定培训 1 次，截至本期末已完成 1 次，均已完成。',
    );
  });

  it('owes the year’s training when January’s report is made (February’s are not yet held)', () => {
    const figures = trainingFigures(
      request({ trainings: trainingScenario() }, monthPeriod('2026-01'), at('2026-02-02 09:00'), [8]),
    );
    expect(figures.progress[0]).toMatchObject({ done: 1, remaining: 0 });
    const december = trainingFigures(
      request({ trainings: trainingScenario() }, monthPeriod('2025-12'), at('2026-01-02 09:00'), [8]),
    );
    expect(december.progress[0]).toMatchObject({ done: 0, remaining: 1 });
    expect(trainingSentence('本月', december)).toBe(
      '本月未开展培训。2025 年度合同约定培训 1 次，截至本期末已完成 0 次，尚欠 1 次。',
    );
  });

  it('lists every training of the scope in the ledger with its check, and one outside the contract', () => {
    const [ledger] = buildLedgers(
      request({ trainings: trainingScenario() }, undefined, undefined, [], 'trainings'),
    );
    expect(ledger?.rows.map((row) => [row[1], row[4], row[5], row[9], row[11]])).toEqual([
      ['基金监管', '二月培训（合格）', '集中系统操作类培训；系统管理运维培训', '12', '符合要求'],
      ['人才博览会', '人才网新功能介绍', '合同要求以外', '12', '不计入合同要求'],
      [
        '基金监管',
        '二月补充培训',
        '集中系统操作类培训；系统管理运维培训',
        '10',
        '培训时长不足：合同要求不少于 2 小时，本次 1 小时 30 分钟；参训人数少 2 人：合同要求不少于 12 人，本次 10 人',
      ],
    ]);
  });
});

function visit(fields: Partial<Visit> & Pick<Visit, 'date' | 'unitIds'>): Visit {
  return visitSchema.parse({
    ...envelope(),
    visitor: '服务经理',
    peopleMet: [],
    ticketIds: [],
    suggestions: '',
    satisfaction: [],
    photos: [],
    ...fields,
  });
}

/*
 * The first quarter of 2026, reported on 2026-03-15: January and February are past, March is due. The
 * document system has 10 units, each owed one visit a month: 30 unit-months.
 */
function visitScenario(): Visit[] {
  return [
    visit({
      date: '2026-01-10',
      unitIds: [1, 2],
      satisfaction: [
        { unitId: 1, level: 'satisfied', comment: '' },
        { unitId: 2, level: 'basically_satisfied', comment: '希望加快响应' },
      ],
    }),
    visit({
      date: '2026-02-05',
      unitIds: [1],
      satisfaction: [{ unitId: 1, level: 'dissatisfied', comment: '' }],
    }),
    visit({
      date: '2026-03-03',
      unitIds: [3],
      satisfaction: [{ unitId: 3, level: 'satisfied', comment: '' }],
      suggestions: '建议增加公文模板',
    }),
    { ...visit({ date: '2026-01-20', unitIds: [4] }), deleted: true },
    // After the report was made: not counted.
    visit({ date: '2026-03-20', unitIds: [5] }),
  ];
}

describe('visits and unit coverage with satisfaction', () => {
  const quarter = reportPeriod('2026-01-01', '2026-03-31');
  const now = at('2026-03-15 12:00');

  it('counts visits, units, unit-months and satisfaction', () => {
    const figures = visitFigures(request({ visits: visitScenario() }, quarter, now));
    expect(figures).toMatchObject({
      applies: true,
      units: 10,
      unitsVisited: 3, // units 1, 2, 3
      unitMonths: 30,
      unitMonthsVisited: 4, // Jan: 1, 2; Feb: 1; Mar: 3
      satisfaction: { satisfied: 2, basically_satisfied: 1, dissatisfied: 1 },
      satisfactionRate: 0.75,
    });
    expect(figures.visits).toHaveLength(3);
    // Missed: January 8 units, February 9; March is still due.
    expect(figures.coverage?.gaps).toHaveLength(17);
    expect(visitSentence('本期', figures)).toBe(
      '本期回访 3 次，走访单位 3 个（共 10 个）；按月应回访 30 个单位·月，已回访 4 个；' +
        '收到满意度评价 4 条，其中满意 2 条、基本满意 1 条、不满意 1 条，满意率 75.0%。',
    );
  });

  it('belong to the document system: a scope without it owes and shows none', () => {
    const figures = visitFigures(request({ visits: visitScenario() }, quarter, now, [1]));
    expect(figures.applies).toBe(false);
    expect(visitSentence('本期', figures)).toBe('所选运维子项不含公文系统，没有回访要求。');
    expect(visitFigures(request({ visits: visitScenario() }, quarter, now, [3])).visits).toHaveLength(3);
  });

  it('makes 《回访记录》 with the units × months table and one ledger row per visit', () => {
    const document = buildReport(request({ visits: visitScenario() }, quarter, now, [], 'visits'));
    const coverage = tableOf(document, '各单位回访覆盖情况');
    expect(coverage.columns.map((column) => column.header)).toEqual(['单位', '1月', '2月', '3月']);
    expect(coverage.rows[0]).toEqual(['贵州省人力资源和社会保障厅', '已回访', '已回访', '本月待回访']);
    expect(coverage.rows[2]).toEqual(['贵州省职业技能鉴定考评指导中心', '未回访', '未回访', '已回访']);
    expect(tableOf(document, '回访记录').rows[0]).toEqual([
      '1',
      '2026-01-10',
      '服务经理',
      '贵州省人力资源和社会保障厅、贵州省就业局',
      '贵州省人力资源和社会保障厅：满意；贵州省就业局：基本满意',
      '',
    ]);
  });
});

function onSite(date: string, engineer: string, presence: OnSiteDay['presence'] = 'on_site'): OnSiteDay {
  return onSiteDaySchema.parse({
    ...envelope(),
    subsystemId: 8,
    date,
    engineer,
    presence,
    hours: presence === 'leave' ? 0 : 8,
    summary: '',
  });
}

describe('on-site days', () => {
  it('counts working days on site once, in the period and in the year against the minimum', () => {
    const days = [
      onSite('2026-01-05', '刘工'),
      onSite('2026-02-13', '刘工'),
      onSite('2026-02-13', '陈工'), // the same day: counted once
      onSite('2026-02-14', '刘工'), // 调休 Saturday: a working day
      onSite('2026-02-15', '刘工'), // a holiday: not a working day
      onSite('2026-02-12', '陈工', 'remote'),
    ];
    const rows = onSiteFigures(request({ onSiteDays: days }, undefined, undefined, [8]));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ subsystemId: 8, inPeriod: 2 });
    expect(rows[0]?.year).toMatchObject({ required: 60, done: 3, met: false });
    expect(rows[0]?.year.reason).toBe('现场服务已有 3 个工作日，合同要求不少于 60 个，还差 57 个');
  });
});

describe('the monthly report’s 值班保障 and 培训与回访 chapters', () => {
  it('say what the records say, with the same figures', () => {
    const records = {
      ...dutyScenario(),
      trainings: trainingScenario(),
      visits: visitScenario(),
    };
    const document = buildReport(request(records));
    const headings = document.sections.map((section) => section.heading);
    expect(headings).toContain('六、值班保障');
    expect(headings).toContain('七、培训与回访');
    const text = allText(document);
    // February: duty days 1, 7, 8 and 15–23 contract-wide (12; the 调休 Saturdays 14 and 28 are working
    // days), plus subsystem 5's 13th: 13 rows; rostered 4 (13, 15, 16, 17).
    const duty = dutyFigures(request(records));
    expect(duty.days).toBe(13);
    expect(duty.rostered).toBe(4);
    expect(text).toContain(dutySentence('本月', duty));
    expect(text).toContain(
      '本月开展培训 3 次，参训 34 人次，其中符合合同培训要求 1 次，未达要求 1 次，合同要求以外 1 次。',
    );
    expect(text).toContain('本月回访 1 次，走访单位 1 个（共 10 个）');
    expect(document.figures.find((figure) => figure.key === 'duty.days')?.value).toBe(13);
    expect(document.figures.find((figure) => figure.key === 'visits.satisfaction')?.text).toBe('0.0%');
  });

  it('say so when a period has none of these records', () => {
    const text = allText(buildReport(request({}, monthPeriod('2026-04'), at('2026-05-02 09:00'), [2])));
    // April 2026: 8 weekend days and the 清明 holiday's Monday the 6th.
    expect(text).toContain('本月共有值班日 9 天，已排班 0 天，值班记录 0 份，无交接');
    expect(text).toContain('本月未开展培训。所选运维子项没有按次数约定的培训要求。');
    expect(text).toContain('所选运维子项不含公文系统，没有回访要求。');
  });
});
