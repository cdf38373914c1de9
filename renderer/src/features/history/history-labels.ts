import {
  TICKET_CATEGORY_LABELS,
  TICKET_CHANNEL_LABELS,
  TICKET_EVENT_LABELS,
  TICKET_SEVERITY_LABELS,
  TICKET_STATUS_LABELS,
  isItemListField,
  type RecordType,
  type TicketEvent,
} from '@core/records';
import { formatInstant } from '@core/time/shanghai-time';

/** Readable Chinese names of the fields history rows name, per record type. */
export const FIELD_LABELS: Readonly<Record<RecordType, Readonly<Record<string, string>>>> = {
  ticket: {
    title: '标题',
    status: '状态',
    events: '处理记录',
    subsystemId: '运维子项',
    channel: '来源渠道',
    reporter: '报告人',
    category: '问题分类',
    severity: '紧急程度',
    assignee: '处理人',
    receivedAt: '接报时间',
    description: '问题描述',
    rootCause: '原因分析',
    resolution: '处理结果',
    chatEvidence: '聊天记录证据',
    attachments: '附件',
    inspectionLink: '关联巡检',
    deleted: '删除',
    id: '编号',
    createdBy: '登记人',
    createdAt: '登记时间',
    updatedAt: '更新时间',
  },
  inspection_run: {
    templateId: '巡检模板',
    templateVersion: '模板版本',
    scheduledFor: '巡检周期',
    startedAt: '开始时间',
    finishedAt: '完成时间',
    inspector: '巡检人',
    results: '检查结果',
    subsystemId: '运维子项',
    deleted: '删除',
    id: '编号',
    createdBy: '创建人',
    createdAt: '创建时间',
    updatedAt: '更新时间',
  },
  inspection_template: {
    templateId: '模板编号',
    version: '版本',
    name: '名称',
    schedule: '巡检计划',
    items: '检查项',
    subsystemId: '运维子项',
    deleted: '删除',
    id: '编号',
    createdBy: '创建人',
    createdAt: '创建时间',
    updatedAt: '更新时间',
  },
};

export function fieldLabel(recordType: RecordType, field: string): string {
  return FIELD_LABELS[recordType][field] ?? field;
}

/** The order fields are listed in within one save: the field table's order, unknown fields last. */
export function fieldRank(recordType: RecordType, field: string): number {
  const index = Object.keys(FIELD_LABELS[recordType]).indexOf(field);
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}

export interface LabelContext {
  readonly subsystems: readonly { readonly id: number; readonly shortName: string }[];
  /** The signed-in user, whose id reads as their name. */
  readonly currentUser: { readonly id: string; readonly displayName: string };
}

/** One change as the history view shows it. */
export type ChangeView =
  | { readonly kind: 'value'; readonly label: string; readonly before: string; readonly after: string }
  /** Lists (the timeline, attachments) change by items added or removed. */
  | {
      readonly kind: 'items';
      readonly label: string;
      readonly added: readonly string[];
      readonly removed: readonly string[];
    };

export const EMPTY_VALUE = '（空）';
const TIME_FIELDS = new Set(['receivedAt', 'createdAt', 'updatedAt', 'startedAt', 'finishedAt']);
const USER_FIELDS = new Set(['assignee', 'createdBy', 'inspector']);

export function describeChange(
  recordType: RecordType,
  field: string,
  oldValue: unknown,
  newValue: unknown,
  context: LabelContext,
): ChangeView {
  const label = fieldLabel(recordType, field);
  // History rows keep only the changed items of these lists (core historyValues); the difference
  // taken here gives the same added and removed items for those and for rows that kept whole lists.
  if (recordType === 'ticket' && isItemListField(recordType, field)) {
    const describe =
      field === 'events' ? (item: unknown) => describeEvent(item, context) : describeAttachment;
    const before = Array.isArray(oldValue) ? oldValue : [];
    const after = Array.isArray(newValue) ? newValue : [];
    const key = (item: unknown) => JSON.stringify(item);
    const beforeKeys = new Set(before.map(key));
    const afterKeys = new Set(after.map(key));
    return {
      kind: 'items',
      label,
      added: after.filter((item) => !beforeKeys.has(key(item))).map(describe),
      removed: before.filter((item) => !afterKeys.has(key(item))).map(describe),
    };
  }
  return {
    kind: 'value',
    label,
    before: formatValue(recordType, field, oldValue, context),
    after: formatValue(recordType, field, newValue, context),
  };
}

/** A field's value in words: labels for codes, Beijing time for instants, names for people. */
export function formatValue(
  recordType: RecordType,
  field: string,
  value: unknown,
  context: LabelContext,
): string {
  if (value === undefined || value === null || value === '') {
    if (field === 'assignee') return '未指派';
    return field === 'chatEvidence' || field === 'inspectionLink' ? '无' : EMPTY_VALUE;
  }
  if (field === 'deleted') return value === true ? '已删除' : '未删除';
  if (TIME_FIELDS.has(field) && typeof value === 'number') return minute(value);
  if (USER_FIELDS.has(field) && typeof value === 'string') return userName(value, context);
  if (field === 'subsystemId' && typeof value === 'number') {
    const subsystem = context.subsystems.find((candidate) => candidate.id === value);
    return subsystem === undefined ? `子项 ${value}` : `${value} ${subsystem.shortName}`;
  }
  if (recordType === 'ticket') {
    const coded = ticketCode(field, value);
    if (coded !== undefined) return coded;
    if (field === 'reporter' && isRecord(value)) {
      const parts = [value.unit, value.person, value.phone].filter(
        (part): part is string => typeof part === 'string' && part.trim() !== '',
      );
      return parts.length === 0 ? EMPTY_VALUE : parts.join('，');
    }
    if (field === 'chatEvidence' && isRecord(value)) {
      const group = typeof value.group === 'string' && value.group !== '' ? `（${value.group}）` : '';
      const sentAt = typeof value.sentAt === 'number' ? ` ${minute(value.sentAt)}` : '';
      return `${String(value.sender)}${group}${sentAt}：${String(value.text ?? '')}`;
    }
    if (field === 'inspectionLink' && isRecord(value)) return `巡检记录的检查项 ${String(value.itemId)}`;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `${value.length} 项`;
  return JSON.stringify(value);
}

function ticketCode(field: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const tables: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    status: TICKET_STATUS_LABELS,
    severity: TICKET_SEVERITY_LABELS,
    category: TICKET_CATEGORY_LABELS,
    channel: TICKET_CHANNEL_LABELS,
  };
  return tables[field]?.[value];
}

/** "响应（03-10 09:05，张三）：备注", "等待报告人（…）：原因". */
export function describeEvent(item: unknown, context: LabelContext): string {
  if (!isRecord(item) || typeof item.kind !== 'string') return JSON.stringify(item);
  const event = item as TicketEvent;
  const head = `${TICKET_EVENT_LABELS[event.kind]}（${minute(event.at)}，${userName(event.author, context)}）`;
  switch (event.kind) {
    case 'waiting':
    case 'reopened':
      return `${head}：${event.reason}`;
    case 'comment':
      return `${head}：${event.text}`;
    case 'created':
      return head;
    default:
      return event.note === undefined ? head : `${head}：${event.note}`;
  }
}

function describeAttachment(item: unknown): string {
  if (!isRecord(item)) return JSON.stringify(item);
  return String(item.name);
}

function userName(userId: string, context: LabelContext): string {
  return userId === context.currentUser.id ? context.currentUser.displayName : userId;
}

function minute(instant: number): string {
  return formatInstant(instant).slice(0, 16).replace('T', ' ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
