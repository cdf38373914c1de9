import type { ContractProfile } from '../profile';
import { TICKET_CATEGORY_LABELS, TICKET_SEVERITY_LABELS } from '../records/classification';
import type { InspectionRun } from '../records/inspection-run';
import type { InspectionTemplate } from '../records/inspection-template';
import { TICKET_CHANNEL_LABELS, type Ticket } from '../records/ticket';
import type { Instant } from '../time/shanghai-time';
import type { ReportColumn } from './document-model';
import { formatDateTime, formatDuration } from './format';
import { failedItemsByRun } from './inspection-figures';
import { type ClockOutcome, type TicketFigureContext, clockOutcome, resolvedAt } from './ticket-figures';

/** A ledger (台账): one row per record, the columns an auditor filters on. */
export interface Ledger {
  readonly title: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly string[])[];
  /** What the ledger says when it has no rows. */
  readonly emptyText: string;
}

/** The subsystem's short name as the contract profile gives it, e.g. 网站群. */
export function subsystemName(profile: ContractProfile, subsystemId: number): string {
  return (
    profile.subsystems.find((subsystem) => subsystem.id === subsystemId)?.shortName ?? `子项 ${subsystemId}`
  );
}

export const TICKET_LEDGER_COLUMNS: readonly ReportColumn[] = [
  { header: '序号', width: 4, align: 'center' },
  { header: '运维子项', width: 8 },
  { header: '接报时间', width: 10, align: 'center' },
  { header: '来源渠道', width: 5, align: 'center' },
  { header: '报告单位', width: 10 },
  { header: '报告人', width: 5 },
  { header: '类别', width: 5, align: 'center' },
  { header: '严重程度', width: 5, align: 'center' },
  { header: '问题标题', width: 18 },
  { header: '响应时间', width: 9, align: 'center' },
  { header: '响应时限', width: 9, align: 'center' },
  { header: '解决时间', width: 9, align: 'center' },
  { header: '解决时限', width: 9, align: 'center' },
  { header: '处理状态', width: 5, align: 'center' },
  { header: '原因分析', width: 16 },
  { header: '处理结果', width: 18 },
];

/**
 * 达标 / 超时（超出 …） / 计时中 / 未约定: how one clock of a ticket stands, with （暂定） when its
 * deadline depends on a year whose holiday notice is not yet published (it may move when it is).
 */
export function clockVerdict(outcome: ClockOutcome): string {
  if (!outcome.set) return '未约定';
  const { status } = outcome;
  const verdict = status.breached
    ? `超时 ${formatDuration(Math.max(0, -status.remainingMs))}`
    : status.state === 'met'
      ? '达标'
      : status.state === 'paused'
        ? '暂停计时'
        : '计时中';
  return outcome.provisional ? `${verdict}（暂定）` : verdict;
}

function firstResponse(ticket: Ticket, asOf: Instant): Instant | null {
  return ticket.events.find((event) => event.kind === 'responded' && event.at <= asOf)?.at ?? null;
}

export function ticketLedger(tickets: readonly Ticket[], context: TicketFigureContext): Ledger {
  const rows = tickets.map((ticket, index) => {
    const resolved = resolvedAt(ticket, context.asOf);
    return [
      String(index + 1),
      subsystemName(context.profile, ticket.subsystemId),
      formatDateTime(ticket.receivedAt),
      TICKET_CHANNEL_LABELS[ticket.channel],
      ticket.reporter.unit,
      ticket.reporter.person,
      TICKET_CATEGORY_LABELS[ticket.category],
      TICKET_SEVERITY_LABELS[ticket.severity],
      ticket.title,
      formatDateTime(firstResponse(ticket, context.asOf)),
      clockVerdict(clockOutcome(ticket, 'response', context)),
      formatDateTime(resolved),
      clockVerdict(clockOutcome(ticket, 'resolution', context)),
      resolved === null ? '未解决' : '已解决',
      ticket.rootCause,
      ticket.resolution,
    ];
  });
  return {
    title: '问题处理记录台账',
    columns: TICKET_LEDGER_COLUMNS,
    rows,
    emptyText: '所选期间和范围内没有工单。',
  };
}

export const INSPECTION_LEDGER_COLUMNS: readonly ReportColumn[] = [
  { header: '序号', width: 4, align: 'center' },
  { header: '运维子项', width: 8 },
  { header: '巡检项目', width: 16 },
  { header: '应检时段', width: 7, align: 'center' },
  { header: '开始时间', width: 9, align: 'center' },
  { header: '完成时间', width: 9, align: 'center' },
  { header: '巡检人', width: 6 },
  { header: '检查项数', width: 5, align: 'right' },
  { header: '异常项数', width: 5, align: 'right' },
  { header: '异常项', width: 20 },
  { header: '关联工单', width: 20 },
];

/** One row per finished run; `templates` are all versions, so each run is read against its own. */
export function inspectionLedger(
  runs: readonly InspectionRun[],
  templates: readonly InspectionTemplate[],
  tickets: readonly Ticket[],
  profile: ContractProfile,
): Ledger {
  const failedByRun = failedItemsByRun(runs, templates, tickets);
  const names = new Map<string, string>();
  for (const template of templates)
    if (!names.has(template.templateId)) names.set(template.templateId, template.name);
  const rows = runs.map((run, index) => {
    const failed = failedByRun[index] ?? [];
    const name = names.get(run.templateId) ?? run.templateId;
    return [
      String(index + 1),
      subsystemName(profile, run.subsystemId),
      name,
      run.scheduledFor ?? '不定期',
      formatDateTime(run.startedAt),
      formatDateTime(run.finishedAt),
      run.inspector,
      String(run.results.length),
      String(failed.length),
      failed.map((item) => item.itemLabel).join('；'),
      failed.flatMap((item) => (item.ticket === null ? [] : [item.ticket.title])).join('；'),
    ];
  });
  return {
    title: '巡检记录台账',
    columns: INSPECTION_LEDGER_COLUMNS,
    rows,
    emptyText: '所选期间和范围内没有巡检记录。',
  };
}

/**
 * The ledger cut to the named columns, for a portrait page: the .xlsx keeps every column, the
 * document shows what a reader needs to follow each record.
 */
export function pickColumns(ledger: Ledger, headers: readonly string[]): Ledger {
  const indexes = headers.map((header) => {
    const index = ledger.columns.findIndex((column) => column.header === header);
    if (index < 0) throw new RangeError(`台账“${ledger.title}”没有“${header}”一列`);
    return index;
  });
  return {
    ...ledger,
    columns: indexes.map((index) => ledger.columns[index] as ReportColumn),
    rows: ledger.rows.map((row) => indexes.map((index) => row[index] ?? '')),
  };
}
