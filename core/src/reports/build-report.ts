import type { WorkingCalendar } from '../calendar/working-calendar';
import type { ChartModel } from '../charts/chart-model';
import { inspectionHeatmapChart } from '../charts/inspection-heatmap';
import { slaComplianceChart } from '../charts/sla-chart';
import type { ContractProfile } from '../profile';
import { CLOCK_KIND_LABELS } from '../profile/sla-policy';
import type { InspectionRun } from '../records/inspection-run';
import { dueSlots } from '../records/inspection-schedule';
import type { InspectionTemplate } from '../records/inspection-template';
import type { ReportRemark, ReportRemarkSection } from '../records/kinds/report-remark';
import type { Ticket } from '../records/ticket';
import { type Instant, dayNumberToIsoDate } from '../time/shanghai-time';
import {
  REPORT_KIND_TITLES,
  type ReportBlock,
  type ReportChart,
  type ReportDocument,
  type ReportFigure,
  type ReportKind,
  type ReportTable,
  numberSections,
  paragraph,
} from './document-model';
import { formatDateTime, formatDuration, formatRate } from './format';
import {
  type FailedItem,
  type ScheduleCompletion,
  currentTemplates,
  failedItems,
  inspectionCompletion,
  inspectionDaysInPeriod,
  runsInPeriod,
} from './inspection-figures';
import { type Ledger, inspectionLedger, pickColumns, subsystemName, ticketLedger } from './ledgers';
import {
  type DutyFigures,
  type KindRecords,
  type OnSiteRow,
  type TrainingFigures,
  type VisitFigures,
  dutyFigures,
  onSiteFigures,
  trainingFigures,
  visitFigures,
} from './record-figures';
import {
  dutyLedger,
  dutySentence,
  onSiteSentence,
  onSiteTable,
  remarkBlocks,
  trainingGapsBlocks,
  trainingLedger,
  trainingProgressTable,
  trainingSentence,
  visitCoverageTable,
  visitLedger,
  visitSentence,
} from './record-sections';
import {
  type ReportPeriod,
  type ReportScope,
  inScope,
  monthPeriod,
  periodEnd,
  periodLabel,
  periodNoun,
} from './period';
import {
  type ClockCompliance,
  type SlaBreach,
  type TicketFigureContext,
  meanTimeToResolve,
  overallCompliance,
  resolutionRate,
  resolvedAt,
  slaBreaches,
  slaCompliance,
  ticketsByCategory,
  ticketsByChannel,
  ticketsBySeverity,
  ticketsInPeriod,
} from './ticket-figures';

/**
 * The records a document is made from: tickets and inspections, and the kinds of `KindRecords` (duty,
 * trainings, visits, on-site days), of which a list a caller does not read counts as none.
 */
export interface ReportRecords extends KindRecords {
  readonly tickets: readonly Ticket[];
  readonly inspectionTemplates: readonly InspectionTemplate[];
  readonly inspectionRuns: readonly InspectionRun[];
  /** The engineers' remarks on monthly reports (月报说明); a caller that keeps none passes none. */
  readonly reportRemarks?: readonly ReportRemark[];
}

export interface ReportRequest {
  readonly kind: ReportKind;
  readonly period: ReportPeriod;
  readonly scope: ReportScope;
  readonly profile: ContractProfile;
  readonly calendar: WorkingCalendar;
  /**
   * The moment the figures are taken at. Callers pass the earlier of now and the period's end, so a
   * month's report made in the next month says what was true at the month's end, and can be redone.
   */
  readonly asOf: Instant;
  readonly records: ReportRecords;
}

/** The cut-off a request should use: the period's end, or now while the period is still running. */
export function reportAsOf(period: ReportPeriod, now: Instant): Instant {
  return Math.min(now, periodEnd(period));
}

export function buildReport(request: ReportRequest): ReportDocument {
  const facts = gatherFacts(request);
  switch (request.kind) {
    case 'monthly':
    case 'summary':
      return overviewReport(request, facts);
    case 'tickets':
      return ticketsReport(request, facts);
    case 'inspections':
      return inspectionsReport(request, facts);
    case 'duty':
      return dutyReport(request, facts);
    case 'trainings':
      return trainingsReport(request, facts);
    case 'visits':
      return visitsReport(request, facts);
  }
}

/** The ledgers (台账) of a document kind: one row per ticket, inspection run, duty day, training or visit. */
export function buildLedgers(request: ReportRequest): Ledger[] {
  const tickets = () =>
    ticketLedger(
      ticketsInPeriod(request.records.tickets, request.period, request.scope),
      figureContext(request),
    );
  const inspections = () =>
    inspectionLedger(
      finishedRuns(request),
      request.records.inspectionTemplates,
      request.records.tickets,
      request.profile,
    );
  switch (request.kind) {
    case 'tickets':
      return [tickets()];
    case 'inspections':
      return [inspections()];
    case 'monthly':
    case 'summary':
      return [tickets(), inspections()];
    case 'duty':
      return [dutyLedger(dutyFigures(request), request.profile)];
    case 'trainings':
      return [trainingLedger(trainingFigures(request), request.profile)];
    case 'visits':
      return [visitLedger(visitFigures(request), request.profile)];
  }
}

/** The line under a document's or ledger's title: scope and period. */
export function reportSubtitle(request: ReportRequest): string {
  return header(request, '').subtitle;
}

interface Facts {
  readonly context: TicketFigureContext;
  readonly tickets: Ticket[];
  readonly completion: ScheduleCompletion[];
  readonly runs: InspectionRun[];
  readonly failed: FailedItem[];
  readonly figures: ReportFigure[];
  readonly compliance: ClockCompliance[];
  readonly breaches: SlaBreach[];
  readonly duty: DutyFigures;
  readonly trainings: TrainingFigures;
  readonly visits: VisitFigures;
  readonly onSite: OnSiteRow[];
}

function figureContext({ profile, calendar, asOf }: ReportRequest): TicketFigureContext {
  return { profile, calendar, asOf };
}

/** The runs of the period in scope that had finished by `asOf`. */
function finishedRuns({ records, period, scope, asOf }: ReportRequest): InspectionRun[] {
  return runsInPeriod(records.inspectionRuns, period, scope).filter(
    (run) => (run.finishedAt as number) <= asOf,
  );
}

function gatherFacts(request: ReportRequest): Facts {
  const { period, scope, records, calendar, asOf } = request;
  const context = figureContext(request);
  const tickets = ticketsInPeriod(records.tickets, period, scope);
  const completion = inspectionCompletion(
    records.inspectionTemplates,
    records.inspectionRuns,
    period,
    scope,
    calendar,
    asOf,
  );
  const runs = finishedRuns(request);
  const failed = failedItems(runs, records.inspectionTemplates, records.tickets);
  const compliance = slaCompliance(tickets, context);
  const rate = resolutionRate(tickets, asOf);
  const mttr = meanTimeToResolve(tickets, asOf);
  const [response, resolution] = overallCompliance(compliance);
  const owed = completion.reduce((sum, row) => sum + row.owed, 0);
  const duty = dutyFigures(request);
  const trainings = trainingFigures(request);
  const visits = visitFigures(request);
  const done = completion.reduce((sum, row) => sum + row.onTime + row.late, 0);
  const figures: ReportFigure[] = [
    { key: 'tickets.received', label: '受理问题', value: rate.received, text: `${rate.received} 个` },
    { key: 'tickets.resolved', label: '已解决', value: rate.resolved, text: `${rate.resolved} 个` },
    { key: 'tickets.resolutionRate', label: '解决率', value: rate.rate, text: formatRate(rate.rate) },
    { key: 'tickets.mttr', label: '平均解决时长', value: mttr.meanMs, text: formatDuration(mttr.meanMs) },
    {
      key: 'sla.response',
      label: '响应及时率',
      value: response?.rate ?? null,
      text: formatRate(response?.rate ?? null),
    },
    {
      key: 'sla.resolution',
      label: '解决及时率',
      value: resolution?.rate ?? null,
      text: formatRate(resolution?.rate ?? null),
    },
    { key: 'inspections.owed', label: '应巡检', value: owed, text: `${owed} 次` },
    { key: 'inspections.done', label: '已巡检', value: done, text: `${done} 次` },
    {
      key: 'inspections.rate',
      label: '巡检完成率',
      value: owed === 0 ? null : done / owed,
      text: formatRate(owed === 0 ? null : done / owed),
    },
    { key: 'duty.days', label: '值班日', value: duty.days, text: `${duty.days} 天` },
    { key: 'duty.logs', label: '值班记录', value: duty.logs, text: `${duty.logs} 份` },
    { key: 'duty.signedOff', label: '交接已签收', value: duty.signedOff, text: `${duty.signedOff} 天` },
    { key: 'trainings.held', label: '培训', value: trainings.held, text: `${trainings.held} 次` },
    { key: 'trainings.met', label: '符合要求的培训', value: trainings.met, text: `${trainings.met} 次` },
    { key: 'visits.count', label: '回访', value: visits.visits.length, text: `${visits.visits.length} 次` },
    {
      key: 'visits.satisfaction',
      label: '回访满意率',
      value: visits.satisfactionRate,
      text: formatRate(visits.satisfactionRate),
    },
  ];
  return {
    context,
    tickets,
    completion,
    runs,
    failed,
    figures,
    compliance,
    breaches: slaBreaches(tickets, context),
    duty,
    trainings,
    visits,
    onSite: onSiteFigures(request),
  };
}

function figure(facts: Facts, key: string): ReportFigure {
  const found = facts.figures.find((candidate) => candidate.key === key);
  if (found === undefined) throw new RangeError(`报表指标 ${key} 未计算`);
  return found;
}

function scopeLabel(request: ReportRequest): string {
  const ids = request.scope.subsystemIds;
  if (ids.length === 0) return '全部运维子项';
  return [...ids]
    .sort((a, b) => a - b)
    .map((id) => subsystemName(request.profile, id))
    .join('、');
}

function header(
  request: ReportRequest,
  title: string,
): Pick<ReportDocument, 'kind' | 'title' | 'subtitle' | 'fileStem'> {
  const period = periodLabel(request.period);
  const scope = scopeLabel(request);
  return {
    kind: request.kind,
    title,
    subtitle: `${scope}\u3000${period}`,
    fileStem: `${title}-${period}-${request.scope.subsystemIds.length === 0 ? '全部子项' : scope}`,
  };
}

function asOfSentence(request: ReportRequest): string {
  const atEnd = request.asOf === periodEnd(request.period);
  return `统计截至 ${atEnd ? `${dayNumberToIsoDate(request.period.toDay)} 24:00` : formatDateTime(request.asOf)}。`;
}

// ---- tables shared by documents ----

function complianceTable(request: ReportRequest, rows: readonly ClockCompliance[]): ReportTable {
  return {
    kind: 'table',
    caption: '各运维子项服务时限达标情况',
    columns: [
      { header: '运维子项', width: 8 },
      { header: '时限', width: 4, align: 'center' },
      { header: '达标', width: 4, align: 'right' },
      { header: '超时', width: 4, align: 'right' },
      { header: '计时中', width: 4, align: 'right' },
      { header: '未约定', width: 4, align: 'right' },
      { header: '达标率', width: 5, align: 'right' },
    ],
    rows: rows.map((row) => [
      subsystemName(request.profile, row.subsystemId),
      CLOCK_KIND_LABELS[row.kind],
      String(row.met),
      String(row.breached),
      String(row.pending),
      String(row.notSet),
      formatRate(row.rate),
    ]),
    emptyText: `${periodNoun(request.period)}无工单，无时限统计。`,
  };
}

function countTable(
  caption: string,
  what: string,
  rows: readonly { label: string; count: number }[],
  noun: string,
): ReportTable {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return {
    kind: 'table',
    caption,
    columns: [
      { header: what, width: 8 },
      { header: '数量', width: 4, align: 'right' },
      { header: '占比', width: 5, align: 'right' },
    ],
    rows: total === 0 ? [] : rows.map((row) => [row.label, String(row.count), formatRate(row.count / total)]),
    emptyText: `${noun}无工单。`,
  };
}

function breachTable(request: ReportRequest, facts: Facts): ReportTable {
  return {
    kind: 'table',
    caption: '超时工单及原因',
    columns: [
      { header: '运维子项', width: 7 },
      { header: '问题标题', width: 14 },
      { header: '时限', width: 3, align: 'center' },
      { header: '超出时长', width: 6 },
      { header: '原因', width: 16 },
    ],
    rows: facts.breaches.map((breach) => [
      subsystemName(request.profile, breach.ticket.subsystemId),
      breach.ticket.title,
      CLOCK_KIND_LABELS[breach.kind],
      `${formatDuration(breach.overrunMs)}${breach.stopped ? '' : '（仍在计时）'}`,
      breach.reasons.length === 0 ? '未填写原因分析' : breach.reasons.join('；'),
    ]),
    emptyText: `${periodNoun(request.period)}无超时工单。`,
  };
}

function completionTable(request: ReportRequest, facts: Facts): ReportTable {
  return {
    kind: 'table',
    caption: '巡检计划完成情况',
    columns: [
      { header: '运维子项', width: 7 },
      { header: '巡检项目', width: 12 },
      { header: '应检', width: 3, align: 'right' },
      { header: '按时', width: 3, align: 'right' },
      { header: '逾期完成', width: 4, align: 'right' },
      { header: '漏检', width: 3, align: 'right' },
      { header: '待完成', width: 3, align: 'right' },
    ],
    rows: facts.completion.map((row) => [
      subsystemName(request.profile, row.template.subsystemId),
      row.template.name,
      String(row.owed),
      String(row.onTime),
      String(row.late),
      String(row.missed),
      String(row.open),
    ]),
    emptyText: '所选运维子项没有按计划执行的巡检项目。',
  };
}

function failedTable(request: ReportRequest, facts: Facts): ReportTable {
  return {
    kind: 'table',
    caption: '巡检发现的异常及处理',
    columns: [
      { header: '运维子项', width: 7 },
      { header: '巡检时间', width: 8 },
      { header: '巡检项目', width: 9 },
      { header: '异常项', width: 8 },
      { header: '说明', width: 10 },
      { header: '关联工单', width: 10 },
    ],
    rows: facts.failed.map((item) => [
      subsystemName(request.profile, item.run.subsystemId),
      formatDateTime(item.run.finishedAt),
      item.templateName,
      item.itemLabel,
      item.result.note,
      item.ticket === null
        ? '未开工单'
        : `${item.ticket.title}（${resolvedAt(item.ticket, request.asOf) === null ? '未解决' : '已解决'}）`,
    ]),
    emptyText: `${periodNoun(request.period)}巡检未发现异常。`,
  };
}

function ledgerTable(caption: string, ledger: Ledger, emptyText: string): ReportTable {
  return { kind: 'table', caption, columns: ledger.columns, rows: ledger.rows, emptyText };
}

/** The ledger columns a portrait document has room for; the .xlsx ledger has them all. */
const TICKET_DOCUMENT_COLUMNS = [
  '序号',
  '运维子项',
  '接报时间',
  '报告人',
  '问题标题',
  '响应时限',
  '解决时限',
  '处理状态',
];
const INSPECTION_DOCUMENT_COLUMNS = [
  '序号',
  '运维子项',
  '巡检项目',
  '应检时段',
  '完成时间',
  '巡检人',
  '异常项',
  '关联工单',
];

const DUTY_DOCUMENT_COLUMNS = [
  '日期',
  '值班范围',
  '值班人员',
  '接听电话',
  '处理事件',
  '交接',
  '签收',
  '状态',
];
const TRAINING_DOCUMENT_COLUMNS = [
  '序号',
  '运维子项',
  '培训时间',
  '培训主题',
  '讲师',
  '参训人数',
  '核对结果',
];
const VISIT_DOCUMENT_COLUMNS = ['序号', '回访日期', '回访人', '走访单位', '满意度', '服务提升建议'];

// ---- narrative ----

function ticketSentence(request: ReportRequest, facts: Facts): string {
  const noun = periodNoun(request.period);
  const received = figure(facts, 'tickets.received');
  if (received.value === 0) return `${noun}未受理问题。`;
  const resolved = figure(facts, 'tickets.resolved');
  const open = (received.value as number) - (resolved.value as number);
  return (
    `${noun}共受理问题 ${received.value} 个，已解决 ${resolved.value} 个，解决率 ${figure(facts, 'tickets.resolutionRate').text}` +
    `${open > 0 ? `，尚有 ${open} 个正在处理` : ''}；平均解决时长 ${figure(facts, 'tickets.mttr').text}；` +
    `响应及时率 ${figure(facts, 'sla.response').text}，解决及时率 ${figure(facts, 'sla.resolution').text}。`
  );
}

function inspectionSentence(request: ReportRequest, facts: Facts): string {
  const noun = periodNoun(request.period);
  const owed = figure(facts, 'inspections.owed').value as number;
  const late = facts.completion.reduce((sum, row) => sum + row.late, 0);
  const missed = facts.completion.reduce((sum, row) => sum + row.missed, 0);
  const planned =
    owed === 0
      ? `${noun}没有到期的计划巡检`
      : `${noun}计划巡检 ${owed} 次，已完成 ${figure(facts, 'inspections.done').value} 次（其中逾期完成 ${late} 次），漏检 ${missed} 次，完成率 ${figure(facts, 'inspections.rate').text}`;
  const withTicket = facts.failed.filter((item) => item.ticket !== null).length;
  const found =
    facts.failed.length === 0
      ? '巡检未发现异常'
      : `巡检发现异常 ${facts.failed.length} 项，已据此开具工单 ${withTicket} 个`;
  return `${planned}；共完成巡检 ${facts.runs.length} 次，${found}。`;
}

function categorySentence(request: ReportRequest, facts: Facts): string {
  const byCategory = ticketsByCategory(facts.tickets);
  const count = (key: string) => byCategory.find((row) => row.key === key)?.count ?? 0;
  return (
    `${periodNoun(request.period)}受理服务请求 ${count('requirement') + count('account') + count('data')} 个，` +
    `其中需求 ${count('requirement')} 个、账号权限 ${count('account')} 个、数据维护 ${count('data')} 个；` +
    `咨询 ${count('consultation')} 个。系统变更尚未作为单独的记录登记，本节不作统计。`
  );
}

function problemsBlocks(request: ReportRequest, facts: Facts): ReportBlock[] {
  const open = facts.tickets.filter((ticket) => resolvedAt(ticket, request.asOf) === null);
  const breaches = facts.breaches;
  const missed = facts.completion.filter((row) => row.missed > 0);
  const sentences: string[] = [];
  if (open.length > 0) {
    sentences.push(
      `尚有 ${open.length} 个问题未解决：${open.map((ticket) => `“${ticket.title}”`).join('、')}，将持续跟进直至解决。`,
    );
  }
  if (breaches.length > 0) {
    sentences.push(`${breaches.length} 项服务时限超时（见问题处理情况），须分析原因、改进响应与处理流程。`);
  }
  for (const row of missed) {
    sentences.push(
      `${subsystemName(request.profile, row.template.subsystemId)}“${row.template.name}”漏检 ${row.missed} 次（${row.missedKeys.join('、')}），须落实巡检责任。`,
    );
  }
  if (facts.duty.gaps.length > 0) {
    sentences.push(`值班有 ${facts.duty.gaps.length} 处缺口（见值班保障），须落实排班、值班记录和交接签收。`);
  }
  const trainingsOwed = facts.trainings.progress.reduce((sum, row) => sum + (row.remaining ?? 0), 0);
  if (trainingsOwed > 0) {
    sentences.push(`${facts.trainings.yearLabel}合同约定的培训尚欠 ${trainingsOwed} 次，须按计划开展。`);
  }
  const missedVisits = facts.visits.coverage?.gaps ?? [];
  if (missedVisits.length > 0) {
    sentences.push(`${missedVisits.length} 个单位·月未按要求回访，须补充回访。`);
  }
  for (const row of facts.onSite) {
    if (!row.year.met)
      sentences.push(`${subsystemName(request.profile, row.subsystemId)}${row.year.reason}。`);
  }
  if (sentences.length === 0) sentences.push(`${periodNoun(request.period)}记录中未发现需要说明的问题。`);
  return sentences.map(paragraph);
}

function planBlocks(request: ReportRequest, facts: Facts): ReportBlock[] {
  const next = nextPeriod(request.period);
  const lines = currentTemplates(request.records.inspectionTemplates, request.scope).flatMap((template) => {
    if (template.schedule === null) return [];
    const owed = dueSlots(template.schedule, next.fromDay, next.toDay, request.calendar).length;
    return [
      `${subsystemName(request.profile, template.subsystemId)}：按计划完成“${template.name}”${owed} 次。`,
    ];
  });
  const open = facts.tickets.filter((ticket) => resolvedAt(ticket, request.asOf) === null).length;
  if (open > 0) lines.push(`跟进${periodNoun(request.period)}未解决的 ${open} 个问题，直至解决并回访确认。`);
  lines.push('按合同约定的服务时限受理和处理问题，做好节假日及重要时期的值班保障。');
  return lines.map(paragraph);
}

/** The month after a month; for any other range, the same number of days right after it. */
function nextPeriod(period: ReportPeriod): ReportPeriod {
  if (period.kind === 'month') return monthPeriod(dayNumberToIsoDate(period.toDay + 1).slice(0, 7));
  const length = period.toDay - period.fromDay + 1;
  return { fromDay: period.toDay + 1, toDay: period.toDay + length, kind: 'range' };
}

/** A chart drawn in a document: the dashboard's option without its own title (the caption numbers it). */
function documentChart(caption: string, model: ChartModel, width: number, height: number): ReportChart {
  return { kind: 'chart', caption, option: { ...model.option, title: { show: false } }, width, height };
}

function slaChart(request: ReportRequest, facts: Facts): ReportBlock[] {
  if (facts.compliance.length === 0) return [];
  return [
    documentChart(
      '各运维子项服务时限达标率',
      slaComplianceChart(facts.compliance, facts.breaches, request.profile, ''),
      800,
      360,
    ),
  ];
}

function inspectionChart(request: ReportRequest): ReportBlock[] {
  const { records, period, scope, calendar, asOf } = request;
  const days = inspectionDaysInPeriod(
    records.inspectionTemplates,
    records.inspectionRuns,
    period,
    scope,
    calendar,
    asOf,
  );
  if (days.length === 0) return [];
  const range = { from: dayNumberToIsoDate(period.fromDay), to: dayNumberToIsoDate(period.toDay) };
  return [documentChart('每日巡检完成情况', inspectionHeatmapChart(days, range), 800, 200)];
}

// ---- documents ----

function overviewReport(request: ReportRequest, facts: Facts): ReportDocument {
  const noun = periodNoun(request.period);
  const monthly = request.kind === 'monthly';
  const title = REPORT_KIND_TITLES[request.kind];
  const scopeIds = [...new Set([...request.scope.subsystemIds])];
  const subsystems = request.profile.subsystems.filter((subsystem) => inScope(request.scope, subsystem.id));
  const runningRows = subsystems.map((subsystem) => {
    const own = facts.tickets.filter((ticket) => ticket.subsystemId === subsystem.id);
    const rate = resolutionRate(own, request.asOf);
    const faults = own.filter((ticket) => ticket.category === 'fault');
    return [
      subsystem.shortName,
      String(own.length),
      String(faults.length),
      String(faults.filter((ticket) => ticket.severity !== 'ordinary').length),
      String(rate.resolved),
      formatRate(rate.rate),
    ];
  });
  // Remarks are written on a month's report: a monthly report of a whole month carries them.
  const remarks = (section: ReportRemarkSection): ReportBlock[] =>
    monthly && request.period.kind === 'month'
      ? remarkBlocks(
          request.records.reportRemarks ?? [],
          dayNumberToIsoDate(request.period.fromDay).slice(0, 7),
          request.scope,
          section,
          request.profile,
        )
      : [];
  const sections = numberSections([
    {
      title: '运维工作概况',
      blocks: [
        paragraph(
          `${noun}（${periodLabel(request.period)}）运维服务范围为${scopeIds.length === 0 ? `合同全部 ${subsystems.length} 个运维子项` : subsystems.map((subsystem) => subsystem.shortName).join('、')}。${ticketSentence(request, facts)}${inspectionSentence(request, facts)}`,
        ),
        paragraph(asOfSentence(request)),
      ],
    },
    {
      title: '系统运行情况',
      blocks: [
        paragraph(
          `${noun}各运维子项的问题与故障情况见下表。系统可用性监测数据尚未纳入本系统记录，本节不作统计。`,
        ),
        {
          kind: 'table',
          caption: '各运维子项运行情况',
          columns: [
            { header: '运维子项', width: 8 },
            { header: '问题数', width: 4, align: 'right' },
            { header: '故障数', width: 4, align: 'right' },
            { header: '重大及紧急故障', width: 6, align: 'right' },
            { header: '已解决', width: 4, align: 'right' },
            { header: '解决率', width: 5, align: 'right' },
          ],
          rows: runningRows,
          emptyText: '所选范围内没有运维子项。',
        },
      ],
    },
    {
      title: '巡检情况',
      blocks: [
        paragraph(inspectionSentence(request, facts)),
        ...(monthly ? inspectionChart(request) : []),
        completionTable(request, facts),
        failedTable(request, facts),
      ],
    },
    {
      title: '问题处理情况',
      blocks: [paragraph(ticketSentence(request, facts))],
      subsections: [
        {
          title: '按来源渠道',
          blocks: [countTable('问题来源渠道分布', '来源渠道', ticketsByChannel(facts.tickets), noun)],
        },
        {
          title: '按类别和严重程度',
          blocks: [
            countTable('问题类别分布', '类别', ticketsByCategory(facts.tickets), noun),
            countTable('问题严重程度分布', '严重程度', ticketsBySeverity(facts.tickets), noun),
          ],
        },
        {
          title: '服务时限达标情况',
          blocks: [
            paragraph(
              '响应与解决时限按合同对各运维子项的约定计算；等待报告人答复期间暂停计时，节假日按工作日历计。',
            ),
            ...(monthly ? slaChart(request, facts) : []),
            complianceTable(request, facts.compliance),
          ],
        },
        { title: '超时情况及原因', blocks: [breachTable(request, facts)] },
      ],
    },
    { title: '服务请求与变更', blocks: [paragraph(categorySentence(request, facts))] },
    {
      title: monthly ? '值班保障' : '值班与重要时期保障',
      blocks: [],
      subsections: [
        {
          title: '值班情况',
          blocks: [
            paragraph(dutySentence(noun, facts.duty)),
            ...(monthly
              ? [
                  ledgerTable(
                    '值班情况',
                    pickColumns(dutyLedger(facts.duty, request.profile), DUTY_DOCUMENT_COLUMNS),
                    `${noun}没有值班日。`,
                  ),
                ]
              : []),
          ],
        },
        {
          title: '现场服务',
          blocks: [
            paragraph(onSiteSentence(noun, facts.onSite, request.profile)),
            onSiteTable(facts.onSite, request.profile, noun),
          ],
        },
      ],
    },
    {
      title: '培训与回访',
      blocks: [],
      subsections: [
        {
          title: '培训',
          blocks: [
            paragraph(trainingSentence(noun, facts.trainings)),
            trainingProgressTable(facts.trainings, request.profile),
          ],
        },
        {
          title: '回访',
          blocks: [paragraph(visitSentence(noun, facts.visits)), visitCoverageTable(facts.visits)],
        },
      ],
    },
    { title: '存在问题与建议', blocks: [...problemsBlocks(request, facts), ...remarks('problems')] },
    {
      title: monthly ? '下月工作计划' : '下阶段工作计划',
      blocks: [...planBlocks(request, facts), ...remarks('plan')],
    },
  ]);
  return {
    ...header(request, title),
    sections,
    figures: facts.figures,
    attachments: ['问题处理记录台账', '巡检记录台账'],
  };
}

function ticketsReport(request: ReportRequest, facts: Facts): ReportDocument {
  const noun = periodNoun(request.period);
  const sections = numberSections([
    {
      title: '处理概况',
      blocks: [paragraph(ticketSentence(request, facts)), paragraph(asOfSentence(request))],
    },
    {
      title: '问题处理明细',
      blocks: [
        ledgerTable(
          '问题处理记录',
          pickColumns(ticketLedger(facts.tickets, facts.context), TICKET_DOCUMENT_COLUMNS),
          `${noun}无工单。`,
        ),
      ],
    },
    { title: '超时情况及原因', blocks: [breachTable(request, facts)] },
  ]);
  return {
    ...header(request, REPORT_KIND_TITLES.tickets),
    sections,
    figures: facts.figures,
    attachments: [],
  };
}

function inspectionsReport(request: ReportRequest, facts: Facts): ReportDocument {
  const noun = periodNoun(request.period);
  const ledger = inspectionLedger(
    facts.runs,
    request.records.inspectionTemplates,
    request.records.tickets,
    request.profile,
  );
  const sections = numberSections([
    {
      title: '巡检概况',
      blocks: [
        paragraph(inspectionSentence(request, facts)),
        paragraph(asOfSentence(request)),
        completionTable(request, facts),
      ],
    },
    {
      title: '巡检明细',
      blocks: [
        ledgerTable('巡检记录', pickColumns(ledger, INSPECTION_DOCUMENT_COLUMNS), `${noun}无巡检记录。`),
      ],
    },
    { title: '异常及处理', blocks: [failedTable(request, facts)] },
  ]);
  return {
    ...header(request, REPORT_KIND_TITLES.inspections),
    sections,
    figures: facts.figures,
    attachments: [],
  };
}

function dutyReport(request: ReportRequest, facts: Facts): ReportDocument {
  const noun = periodNoun(request.period);
  const ledger = dutyLedger(facts.duty, request.profile);
  const sections = numberSections([
    {
      title: '值班概况',
      blocks: [paragraph(dutySentence(noun, facts.duty)), paragraph(asOfSentence(request))],
    },
    {
      title: '值班明细',
      blocks: [ledgerTable('值班记录', pickColumns(ledger, DUTY_DOCUMENT_COLUMNS), ledger.emptyText)],
    },
    {
      title: '交接事项',
      blocks: [
        {
          kind: 'table',
          caption: '值班交接事项',
          columns: pickColumns(ledger, ['日期', '值班范围', '交接事项']).columns,
          rows: pickColumns(ledger, ['日期', '值班范围', '交接事项']).rows.filter((row) => row[2] !== ''),
          emptyText: `${noun}没有交接事项。`,
        },
      ],
    },
  ]);
  return { ...header(request, REPORT_KIND_TITLES.duty), sections, figures: facts.figures, attachments: [] };
}

function trainingsReport(request: ReportRequest, facts: Facts): ReportDocument {
  const noun = periodNoun(request.period);
  const ledger = trainingLedger(facts.trainings, request.profile);
  const sections = numberSections([
    {
      title: '培训概况',
      blocks: [
        paragraph(trainingSentence(noun, facts.trainings)),
        paragraph(asOfSentence(request)),
        trainingProgressTable(facts.trainings, request.profile),
      ],
    },
    {
      title: '培训明细',
      blocks: [ledgerTable('培训记录', pickColumns(ledger, TRAINING_DOCUMENT_COLUMNS), ledger.emptyText)],
    },
    { title: '未达合同要求的培训', blocks: trainingGapsBlocks(facts.trainings, request.profile) },
  ]);
  return {
    ...header(request, REPORT_KIND_TITLES.trainings),
    sections,
    figures: facts.figures,
    attachments: [],
  };
}

function visitsReport(request: ReportRequest, facts: Facts): ReportDocument {
  const noun = periodNoun(request.period);
  const ledger = visitLedger(facts.visits, request.profile);
  const gaps = facts.visits.coverage?.gaps ?? [];
  const sections = numberSections([
    {
      title: '回访概况',
      blocks: [paragraph(visitSentence(noun, facts.visits)), paragraph(asOfSentence(request))],
    },
    {
      title: '单位覆盖情况',
      blocks: [
        visitCoverageTable(facts.visits),
        ...(gaps.length === 0 ? [] : [paragraph(`未回访：${gaps.join('；')}。`)]),
      ],
    },
    {
      title: '回访明细',
      blocks: [ledgerTable('回访记录', pickColumns(ledger, VISIT_DOCUMENT_COLUMNS), ledger.emptyText)],
    },
  ]);
  return { ...header(request, REPORT_KIND_TITLES.visits), sections, figures: facts.figures, attachments: [] };
}
