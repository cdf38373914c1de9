import type { WorkingCalendar } from '@core/calendar';
import type { ContractProfile } from '@core/profile';
import {
  type InspectionResult,
  type InspectionRun,
  type InspectionTemplate,
  type Ticket,
  type TemplateContent,
  type TicketCategory,
  dueSlots,
  inspectionRunSchema,
  newTemplate,
  newTicket,
  templateContentFromProfile,
  transition,
} from '@core/records';
import {
  type DutyAssignment,
  type DutyLog,
  type Training,
  type Visit,
  dutyAssignmentSchema,
  dutyDays,
  dutyLogSchema,
  trainingSchema,
  visitSchema,
} from '@core/records/kinds';
import type { ReportPeriod, ReportRecords } from '@core/reports';
import {
  MINUTE_MS,
  type Instant,
  dayNumberToIsoDate,
  isoDateToDayNumber,
  startOfDay,
} from '@core/time/shanghai-time';

/**
 * A contract's half-year as the acceptance review sees it (January to June 2026): 5,000 tickets over
 * the 13 subsystems, and 4,000 inspection runs of the profile's checklists plus a morning and an
 * afternoon check per subsystem, some late, some with a failed item that opened a ticket; 60 trainings,
 * 120 duty days (assignments and logs) and 60 visits. Deterministic, so two runs time the same work.
 */
export const HALF_YEAR: ReportPeriod = {
  fromDay: isoDateToDayNumber('2026-01-01'),
  toDay: isoDateToDayNumber('2026-06-30'),
  kind: 'range',
};
export const TICKET_COUNT = 5_000;
export const RUN_COUNT = 4_000;
export const TRAINING_COUNT = 60;
export const DUTY_DAY_COUNT = 120;
export const VISIT_COUNT = 60;

const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(list: readonly T[], next: () => number): T {
  return list[Math.floor(next() * list.length)] as T;
}

function weighted<T>(choices: readonly (readonly [T, number])[], next: () => number): T {
  let roll = next() * choices.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (choices.at(-1) as readonly [T, number])[0];
}

function uuidFrom(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const TITLES: Readonly<Record<TicketCategory, readonly string[]>> = {
  fault: [
    '门户网站首页打不开',
    '社保卡查询接口超时',
    '养老保险待遇发放失败',
    '数据库备份任务报错',
    '核心交换机端口闪断',
    '医保结算接口返回错误',
    '统一身份认证登录异常',
  ],
  consultation: ['咨询继续教育学时如何补录', '咨询数据报送截止时间', '询问短信平台发送量统计口径'],
  data: ['更正参保人员身份证号', '补录上月考试成绩数据', '删除重复的单位信息'],
  requirement: ['新增统计报表导出字段', '调整网上办事大厅首页栏目', '增加公文流转催办提醒'],
  account: ['新入职人员开通系统账号', '重置经办人密码', '调整科室人员菜单权限'],
  security: ['等保测评发现弱口令', '漏洞扫描发现中间件高危漏洞'],
};
const UNITS = [
  '省人社厅办公室',
  '社保局信息科',
  '就业局',
  '医保中心',
  '人事考试院',
  '劳动监察总队',
  '信息中心',
];
const PEOPLE = ['王喆', '李堃', '赵昇', '张主任', '刘工', '陈处长', '杨老师', '周科长'];
const ENGINEERS = ['zhangsan', 'lisi', 'wangwu', 'zhaoliu'];
const DESCRIPTIONS = [
  '上午九点起页面显示 502，刷新无效，影响群众办事。',
  '接口响应超过三十秒，窗口排队较多，请尽快处理。',
  '夜间定时任务失败，日志提示磁盘空间不足。',
  '多名用户反映登录后跳转失败，浏览器为 Chrome。',
];
const CAUSES = ['数据库连接池耗尽', '应用服务内存溢出', '网络设备配置变更', '第三方接口故障', '磁盘空间不足'];
const RESOLUTIONS = [
  '已重启应用服务，恢复正常',
  '已扩容磁盘并清理日志',
  '已回退配置，业务恢复',
  '已协调对方修复接口',
];

/** The subsystems do not get equal shares: the big platforms get most calls. */
function subsystemWeights(profile: ContractProfile): (readonly [number, number])[] {
  return profile.subsystems.map((subsystem, index) => [
    subsystem.id,
    index % 4 === 0 ? 4 : index % 3 === 0 ? 2 : 1,
  ]);
}

function withSteps(
  ticket: Ticket,
  steps: readonly (readonly [Parameters<typeof transition>[1], Instant, string?])[],
  actor: string,
  next: () => number,
): Ticket {
  return steps.reduce((current, [action, at, reason]) => {
    const result = transition(current, action, {
      actor,
      at,
      eventId: uuidFrom(next),
      ...(reason === undefined ? {} : { reason }),
    });
    if (!result.ok) throw new Error(`生成工单 ${current.id} 的处理记录失败：${result.reason}`);
    return { ...result.ticket, updatedAt: at };
  }, ticket);
}

/** A working-hours moment of the period's day `day` (0-based). */
function receivedOn(day: number, next: () => number): Instant {
  const dayStart = startOfDay(HALF_YEAR.fromDay + day);
  const offHours = next() < 0.1;
  return (
    dayStart +
    (offHours ? Math.floor(next() * 24 * HOUR_MS) : 8 * HOUR_MS + Math.floor(next() * 10 * HOUR_MS))
  );
}

function ticketOf(
  ordinal: number,
  subsystemId: number,
  receivedAt: Instant,
  next: () => number,
  link?: { runId: string; itemId: string; title: string },
): Ticket {
  const category: TicketCategory =
    link === undefined
      ? weighted<TicketCategory>(
          [
            ['fault', 50],
            ['consultation', 20],
            ['account', 10],
            ['data', 10],
            ['requirement', 8],
            ['security', 2],
          ],
          next,
        )
      : 'fault';
  const actor = pick(ENGINEERS, next);
  const createdAt = receivedAt + Math.floor(next() * 20 * MINUTE_MS);
  const created = newTicket(
    {
      subsystemId,
      channel: link === undefined ? pick(['phone', 'wechat', 'qq', 'walk_in'] as const, next) : 'inspection',
      reporter: { unit: pick(UNITS, next), person: pick(PEOPLE, next), phone: `0851-868${10_000 + ordinal}` },
      category,
      severity: weighted(
        [
          ['ordinary', 85],
          ['major', 12],
          ['emergency', 3],
        ] as const,
        next,
      ),
      title: link?.title ?? `${pick(TITLES[category], next)}（${ordinal}）`,
      description: pick(DESCRIPTIONS, next),
      rootCause: category === 'fault' ? pick(CAUSES, next) : '',
      resolution: pick(RESOLUTIONS, next),
      receivedAt,
      ...(link === undefined ? {} : { inspectionLink: { runId: link.runId, itemId: link.itemId } }),
    },
    { actor, at: createdAt, id: uuidFrom(next), eventId: uuidFrom(next) },
  );
  if (!created.ok) throw new Error(`生成工单 ${ordinal} 失败：${created.reason}`);
  const responded = createdAt + Math.floor((5 + next() * 55) * MINUTE_MS);
  const steps: [Parameters<typeof transition>[1], Instant, string?][] = [['respond', responded]];
  let at = responded + Math.floor(next() * 2 * HOUR_MS);
  steps.push(['progress', at]);
  if (next() < 0.12) {
    steps.push(['wait', at + HOUR_MS, '等待报告人提供截图和账号']);
    at += HOUR_MS + Math.floor((1 + next() * 47) * HOUR_MS);
    steps.push(['resume', at]);
  }
  const end = startOfDay(HALF_YEAR.toDay + 1);
  const resolveAt = at + Math.floor((0.5 + next() * (next() < 0.1 ? 60 : 12)) * HOUR_MS);
  if (next() > 0.03 && resolveAt < end) {
    steps.push(['resolve', resolveAt]);
    const closeAt = resolveAt + Math.floor(next() * 3 * DAY_MS);
    if (next() < 0.6 && closeAt < end) steps.push(['close', closeAt]);
  }
  return withSteps(created.ticket, steps, actor, next);
}

function benchTemplates(profile: ContractProfile): TemplateContent[] {
  const items: TemplateContent['items'] = [
    { id: 'cpu', label: 'CPU 利用率', required: true, kind: 'number', unit: '%', max: 80 },
    { id: 'memory', label: '内存利用率', required: true, kind: 'number', unit: '%', max: 85 },
    { id: 'disk', label: '磁盘利用率', required: true, kind: 'number', unit: '%', max: 90 },
    { id: 'service', label: '应用服务状态', required: true, kind: 'pass-fail' },
    { id: 'backup', label: '数据备份情况', required: true, kind: 'pass-fail' },
  ];
  return profile.subsystems.flatMap((subsystem) =>
    (
      [
        ['am', '上午', '10:00'],
        ['pm', '下午', '17:00'],
      ] as const
    ).map(([slug, label, dueBy]) => ({
      templateId: `s${subsystem.id}-bench-${slug}`,
      subsystemId: subsystem.id,
      name: `${subsystem.shortName}${label}运行巡检`,
      schedule: { kind: 'daily' as const, days: 'every_day' as const, dueBy },
      items,
    })),
  );
}

function profileTemplates(profile: ContractProfile): TemplateContent[] {
  return profile.subsystems.flatMap((subsystem) =>
    subsystem.inspectionTemplates.map((checklist) => {
      const plan = subsystem.inspectionPlans.find((candidate) => candidate.template === checklist.id);
      const hours = plan?.schedule === undefined ? undefined : subsystem.schedules[plan.schedule]?.hours;
      return templateContentFromProfile(subsystem.id, checklist, plan, hours);
    }),
  );
}

function resultFor(
  item: InspectionTemplate['items'][number],
  fail: boolean,
): Omit<InspectionResult, 'ticketId'> {
  const base = {
    itemId: item.id,
    ok: !fail,
    note: fail ? '读数超出阈值，已开具工单' : '',
    photoSha256: null,
  };
  switch (item.kind) {
    case 'number':
      return { ...base, value: fail ? (item.max ?? 90) + 5 : Math.max(item.min ?? 0, (item.max ?? 60) - 30) };
    case 'pass-fail':
      return { ...base, value: !fail };
    case 'choice':
      return { ...base, value: item.options[0] ?? '', ok: true, note: '' };
    case 'text':
      return { ...base, value: '运行正常', ok: true, note: '' };
    case 'photo':
      return { ...base, value: null, ok: true, note: '' };
  }
}

export function halfYearRecords(profile: ContractProfile, calendar: WorkingCalendar): ReportRecords {
  const next = random(20261207);
  const templateAt = startOfDay(HALF_YEAR.fromDay - 10);
  const inspectionTemplates = [...profileTemplates(profile), ...benchTemplates(profile)].map((content) => {
    const made = newTemplate(content, { actor: 'lisi', at: templateAt, id: uuidFrom(next) });
    if (!made.ok) throw new Error(`生成巡检模板 ${content.templateId} 失败：${made.reason}`);
    return made.template;
  });

  const slots = inspectionTemplates.flatMap((template) =>
    template.schedule === null
      ? []
      : dueSlots(template.schedule, HALF_YEAR.fromDay, HALF_YEAR.toDay, calendar).map((slot) => ({
          template,
          slot,
          order: next(),
        })),
  );
  if (slots.length < RUN_COUNT)
    throw new Error(`巡检计划只有 ${slots.length} 个应检时段，不足 ${RUN_COUNT} 次`);
  const done = slots.sort((a, b) => a.order - b.order).slice(0, RUN_COUNT);

  const tickets: Ticket[] = [];
  const inspectionRuns: InspectionRun[] = done.map(({ template, slot }) => {
    // Late runs start after the due time but within the slot, so that they count as late, not missed.
    const lateRoom = Math.min(2 * HOUR_MS, (slot.closesAt - slot.dueAt) / 2);
    const startedAt =
      next() < 0.08 && lateRoom > 0
        ? slot.dueAt + Math.floor(next() * lateRoom)
        : slot.dueAt - Math.floor((1 + next() * 2) * HOUR_MS);
    const finishedAt = Math.min(slot.closesAt - 1, startedAt + Math.floor((10 + next() * 30) * MINUTE_MS));
    const id = uuidFrom(next);
    const failIndex = next() < 0.04 ? Math.floor(next() * template.items.length) : -1;
    const results = template.items.map((item, index) => {
      const result = resultFor(item, index === failIndex);
      if (result.ok) return { ...result, ticketId: null };
      const ticket = ticketOf(tickets.length + 1, template.subsystemId, finishedAt, next, {
        runId: id,
        itemId: item.id,
        title: `巡检发现“${item.label}”异常（${template.name}）`,
      });
      tickets.push(ticket);
      return { ...result, ticketId: ticket.id };
    });
    return inspectionRunSchema.parse({
      id,
      subsystemId: template.subsystemId,
      createdBy: 'lisi',
      createdAt: startedAt,
      updatedAt: finishedAt,
      deleted: false,
      templateId: template.templateId,
      templateVersion: template.version,
      scheduledFor: slot.key,
      startedAt,
      finishedAt,
      inspector: pick(ENGINEERS, next),
      results,
    });
  });

  const weights = subsystemWeights(profile);
  const days = HALF_YEAR.toDay - HALF_YEAR.fromDay + 1;
  while (tickets.length < TICKET_COUNT) {
    const ordinal = tickets.length + 1;
    tickets.push(
      ticketOf(ordinal, weighted(weights, next), receivedOn(Math.floor(next() * days), next), next),
    );
  }
  return {
    tickets,
    inspectionTemplates,
    inspectionRuns,
    trainings: benchTrainings(profile, next),
    ...benchDuty(calendar, next),
    visits: benchVisits(profile, next),
  };
}

const SHEET = {
  sha256: 'c'.repeat(64),
  name: '培训课件.pptx',
  mime: 'application/vnd.ms-powerpoint',
  size: 2_000_000,
};

/** Trainings of the subsystems' requirements, one in eight given for none; most meet their minimums. */
function benchTrainings(profile: ContractProfile, next: () => number): Training[] {
  const withRequirements = profile.subsystems.filter((subsystem) => subsystem.trainings.length > 0);
  const units = profile.documentSystem?.units ?? [];
  const days = HALF_YEAR.toDay - HALF_YEAR.fromDay + 1;
  return Array.from({ length: TRAINING_COUNT }, () => {
    const subsystem = pick(withRequirements, next);
    const requirement = next() < 0.125 ? null : pick(subsystem.trainings, next);
    const startAt = startOfDay(HALF_YEAR.fromDay + Math.floor(next() * days)) + 9 * HOUR_MS;
    return trainingSchema.parse({
      id: uuidFrom(next),
      subsystemId: subsystem.id,
      createdBy: pick(ENGINEERS, next),
      createdAt: startAt,
      updatedAt: startAt,
      deleted: false,
      requirementId: requirement?.id ?? null,
      unitId: requirement?.perDocumentSystemUnit === true ? pick(units, next).id : null,
      topic: requirement?.topic ?? '系统新功能介绍',
      audience: requirement?.audience ?? '业务工作人员',
      startAt,
      durationMinutes: next() < 0.1 ? 60 : 180,
      delivery: 'in_person',
      place: '省人社厅 3 楼会议室',
      trainers: [
        { name: '王老师', title: '高级工程师', level: 'senior' },
        { name: '李老师', title: '工程师', level: 'intermediate' },
      ],
      attendance: {
        kind: 'list',
        attendees: Array.from({ length: 8 + Math.floor(next() * 20) }, (_, index) => ({
          name: `${pick(PEOPLE, next)}${index + 1}`,
          unit: pick(UNITS, next),
        })),
      },
      materials: [SHEET],
      satisfaction: { score: 85 + Math.floor(next() * 15), comments: '' },
      notes: '',
    });
  });
}

/**
 * Duty on every rest day of the half-year for the whole contract, and 互联网+人社 keeping duty of its
 * own on the first rest days up to 120 duty days in all: a person rostered and a log each, handed over
 * to the next day's person and signed off, but for a few left unsigned.
 */
function benchDuty(
  calendar: WorkingCalendar,
  next: () => number,
): { dutyAssignments: DutyAssignment[]; dutyLogs: DutyLog[] } {
  const range = { from: dayNumberToIsoDate(HALF_YEAR.fromDay), to: dayNumberToIsoDate(HALF_YEAR.toDay) };
  const restDays = dutyDays(calendar, range, []).map((day) => day.date);
  const own = restDays.slice(0, Math.max(0, DUTY_DAY_COUNT - restDays.length));
  const shifts = [
    ...restDays.map((date) => ({ date, subsystemId: null })),
    ...own.map((date) => ({ date, subsystemId: 1 })),
  ];
  const dutyAssignments: DutyAssignment[] = [];
  const dutyLogs: DutyLog[] = [];
  for (const { date, subsystemId } of shifts) {
    const person = pick(PEOPLE, next);
    const receiver = PEOPLE[(PEOPLE.indexOf(person) + 1) % PEOPLE.length] as string;
    const at = startOfDay(isoDateToDayNumber(date)) - 7 * DAY_MS;
    const handedOverAt = startOfDay(isoDateToDayNumber(date) + 1) + 8 * HOUR_MS;
    const envelope = { createdBy: 'lead', createdAt: at, updatedAt: at, deleted: false };
    dutyAssignments.push(
      dutyAssignmentSchema.parse({ id: uuidFrom(next), ...envelope, subsystemId, date, person }),
    );
    dutyLogs.push(
      dutyLogSchema.parse({
        id: uuidFrom(next),
        ...envelope,
        createdBy: person,
        subsystemId,
        date,
        onDuty: person,
        callsReceived: Math.floor(next() * 8),
        events: Array.from({ length: Math.floor(next() * 3) }, () => ({
          summary: `${pick(TITLES.fault, next)}，已处理`,
          ticketIds: [],
        })),
        notes: '',
        handOverTo: receiver,
        handOverNote: next() < 0.3 ? '关注数据库备份任务' : '',
        handedOverAt,
        signedOffAt: next() < 0.05 ? null : handedOverAt + 10 * MINUTE_MS,
      }),
    );
  }
  return { dutyAssignments, dutyLogs };
}

/** The service manager's visits to the document system's units, one or two units each, each rated. */
function benchVisits(profile: ContractProfile, next: () => number): Visit[] {
  const units = profile.documentSystem?.units ?? [];
  if (units.length === 0) return [];
  const days = HALF_YEAR.toDay - HALF_YEAR.fromDay + 1;
  return Array.from({ length: VISIT_COUNT }, (_, index) => {
    const date = dayNumberToIsoDate(HALF_YEAR.fromDay + Math.floor(((index + next()) * days) / VISIT_COUNT));
    const first = units[index % units.length];
    const second = next() < 0.4 ? units[(index + 3) % units.length] : undefined;
    const unitIds = [first, second].flatMap((unit) => (unit === undefined ? [] : [unit.id]));
    const at = startOfDay(isoDateToDayNumber(date)) + 15 * HOUR_MS;
    return visitSchema.parse({
      id: uuidFrom(next),
      createdBy: 'manager',
      createdAt: at,
      updatedAt: at,
      deleted: false,
      date,
      visitor: '服务经理',
      unitIds,
      peopleMet: unitIds.map((unitId) => ({ name: pick(PEOPLE, next), unitId, title: '办公室主任' })),
      ticketIds: [],
      suggestions: next() < 0.5 ? '建议增加公文模板' : '',
      satisfaction: unitIds.map((unitId) => ({
        unitId,
        level: weighted(
          [
            ['satisfied', 8],
            ['basically_satisfied', 2],
            ['dissatisfied', 0.3],
          ] as const,
          next,
        ),
        comment: '',
      })),
      photos: [],
    });
  });
}
