import {
  formatReading,
  TICKET_CATEGORY_LABELS,
  TICKET_CHANNEL_LABELS,
  TICKET_EVENT_LABELS,
  TICKET_SEVERITY_LABELS,
  TICKET_STATUS_LABELS,
  isItemListField,
  RECORD_KINDS,
  RECORD_TYPES,
  RECORD_TYPE_LABELS,
  type InspectionItem,
  type RecordType,
  type TicketEvent,
} from '@core/records';
import { formatInstant } from '@core/time/shanghai-time';

/** Readable Chinese names of the fields history rows name, per record type (core RECORD_KINDS). */
export const FIELD_LABELS: Readonly<Record<RecordType, Readonly<Record<string, string>>>> =
  Object.fromEntries(
    RECORD_TYPES.map((recordType) => [recordType, RECORD_KINDS[recordType].fieldLabels]),
  ) as Readonly<Record<RecordType, Readonly<Record<string, string>>>>;

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
  /** An inspection run's template: its name, and the items whose labels name the run's results. */
  readonly template?: { readonly name: string; readonly items: readonly InspectionItem[] };
  /** The inspection a ticket came from, in words; absent or null where this PC does not have it. */
  readonly inspectionOrigin?: { readonly templateName: string; readonly itemLabel: string } | null;
}

/** One value, old → new, under its own label. */
export interface ValueChange {
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

/** One change as the history view shows it. */
export type ChangeView =
  | ({ readonly kind: 'value' } & ValueChange)
  /** Lists (the timeline, attachments) change by items added or removed. */
  | {
      readonly kind: 'items';
      readonly label: string;
      readonly added: readonly string[];
      readonly removed: readonly string[];
    }
  /** An inspection run's results change item by item: each item that changed, old → new. */
  | { readonly kind: 'details'; readonly label: string; readonly changes: readonly ValueChange[] };

export const EMPTY_VALUE = '（空）';
// `at` is a duty swap's agreement; a duty log's hand-over and sign-off are instants too.
const TIME_FIELDS = new Set([
  'receivedAt',
  'createdAt',
  'updatedAt',
  'startedAt',
  'finishedAt',
  'at',
  'handedOverAt',
  'signedOffAt',
]);
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
  if (recordType === 'inspection_run' && field === 'results') {
    return { kind: 'details', label, changes: describeResultChanges(oldValue, newValue, context) };
  }
  if (recordType === 'ticket' && field === 'slaDeadlines') {
    const reason = isRecord(newValue) && typeof newValue.reason === 'string' ? newValue.reason : '';
    return {
      kind: 'details',
      label: reason === '' ? label : `${label}（${reason}）`,
      changes: describeDeadlineChanges(oldValue, newValue),
    };
  }
  return {
    kind: 'value',
    label,
    before: formatValue(recordType, field, oldValue, context),
    after: formatValue(recordType, field, newValue, context),
  };
}

/** True when a change, as shown, changes nothing ("5 网站群 → 5 网站群"): history leaves it out. */
export function isNoChange(view: ChangeView): boolean {
  switch (view.kind) {
    case 'value':
      return view.before === view.after;
    case 'items':
      return view.added.length === 0 && view.removed.length === 0;
    case 'details':
      return view.changes.length === 0;
  }
}

/** The changes of one save as shown, without those that change nothing. */
export function describeChanges(
  recordType: RecordType,
  changes: readonly { readonly field: string; readonly oldValue: unknown; readonly newValue: unknown }[],
  context: LabelContext,
): { readonly field: string; readonly view: ChangeView }[] {
  return changes
    .map(({ field, oldValue, newValue }) => ({
      field,
      view: describeChange(recordType, field, oldValue, newValue, context),
    }))
    .filter(({ view }) => !isNoChange(view));
}

const RECORD_NAMES = RECORD_TYPE_LABELS;
/** Fields every save writes, which say nothing about what the user changed. */
const BOOKKEEPING_FIELDS = new Set(['id', 'createdBy', 'createdAt', 'updatedAt']);

/**
 * What a change (e.g. one the server refused) did, in a line: "新建工单" for the change that created
 * the record, whose every field is new; otherwise "修改了：标题、运维子项".
 */
export function changedFieldsText(recordType: RecordType, fields: readonly string[]): string {
  if (fields.includes('id')) return `新建${RECORD_NAMES[recordType]}`;
  const labels = fields
    .filter((field) => !BOOKKEEPING_FIELDS.has(field))
    .map((field) => fieldLabel(recordType, field));
  return `修改了：${labels.join('、')}`;
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
    if (field === 'inspectionLink') {
      const origin = context.inspectionOrigin;
      return origin === undefined || origin === null
        ? '巡检发现的异常'
        : `${origin.templateName}：「${origin.itemLabel}」`;
    }
    if (field === 'attachments' && Array.isArray(value)) {
      return value.length === 0 ? EMPTY_VALUE : value.map(describeAttachment).join('、');
    }
  }
  if (recordType === 'inspection_run') {
    // A monthly slot is kept as "2026-02"; a reader expects the month in words.
    if (field === 'scheduledFor' && typeof value === 'string' && /^\d{4}-\d{2}$/.test(value)) {
      return `${value.slice(0, 4)}年${Number(value.slice(5))}月`;
    }
    if (field === 'templateId') return context.template?.name ?? '巡检模板（尚未同步到本机）';
    if (field === 'results' && Array.isArray(value)) {
      if (value.length === 0) return EMPTY_VALUE;
      return sortResults(value, context)
        .map(
          (result) =>
            `「${itemOf(result.itemId, context)?.label ?? UNKNOWN_ITEM}」${resultText(result, context)}`,
        )
        .join('；');
    }
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? EMPTY_VALUE : `${value.length} 项`;
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

const UNKNOWN_ITEM = '模板中已没有的检查项';

interface ResultShape {
  readonly itemId: string;
  readonly value: unknown;
  readonly note?: unknown;
  readonly photoSha256?: unknown;
  readonly ticketId?: unknown;
}

function isResult(value: unknown): value is ResultShape {
  return isRecord(value) && typeof value.itemId === 'string';
}

function itemOf(itemId: string, context: LabelContext): InspectionItem | undefined {
  return context.template?.items.find((item) => item.id === itemId);
}

/** Results in the order of the template's items (the order the engineer filled them in). */
function sortResults(value: readonly unknown[], context: LabelContext): ResultShape[] {
  const rank = (itemId: string) => {
    const index = context.template?.items.findIndex((item) => item.id === itemId) ?? -1;
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return value.filter(isResult).sort((a, b) => rank(a.itemId) - rank(b.itemId));
}

/**
 * Each part of a result that changed, named by its item: "CPU 使用率：45% → 95%", "CPU 使用率的备注：
 * （空） → 月末批处理", "CPU 使用率的工单：无 → 已生成".
 */
function describeResultChanges(oldValue: unknown, newValue: unknown, context: LabelContext): ValueChange[] {
  const before = new Map(
    (Array.isArray(oldValue) ? oldValue : []).filter(isResult).map((result) => [result.itemId, result]),
  );
  const after = new Map(
    (Array.isArray(newValue) ? newValue : []).filter(isResult).map((result) => [result.itemId, result]),
  );
  const itemIds = sortResults([...after.values(), ...before.values()], context)
    .map((result) => result.itemId)
    .filter((itemId, index, all) => all.indexOf(itemId) === index);
  return itemIds.flatMap((itemId) => {
    const label = itemOf(itemId, context)?.label ?? UNKNOWN_ITEM;
    const old = before.get(itemId);
    const next = after.get(itemId);
    return RESULT_PARTS.map((part) => ({
      label: `${label}${part.suffix}`,
      before: part.text(old, context),
      after: part.text(next, context),
    })).filter((change) => change.before !== change.after);
  });
}

/** The parts of a result history names apart: the value, the note, the photo and the ticket. */
const RESULT_PARTS: readonly {
  readonly suffix: string;
  readonly text: (result: ResultShape | undefined, context: LabelContext) => string;
}[] = [
  {
    suffix: '',
    text: (result, context) => (result === undefined ? EMPTY_VALUE : valueText(result, context)),
  },
  {
    suffix: '的备注',
    text: (result) => (typeof result?.note === 'string' && result.note !== '' ? result.note : EMPTY_VALUE),
  },
  { suffix: '的现场照片', text: (result) => (typeof result?.photoSha256 === 'string' ? '已拍照' : '无') },
  { suffix: '的工单', text: (result) => (typeof result?.ticketId === 'string' ? '已生成' : '无') },
];

/** A result's value as its item reads it: 正常/异常, "92%", the chosen option, the text. */
function valueText(result: ResultShape, context: LabelContext): string {
  const item = itemOf(result.itemId, context);
  const { value } = result;
  if (value === null || value === undefined || value === '') return '未填';
  if (typeof value === 'boolean') return value ? '正常' : '异常';
  if (typeof value === 'number')
    return item?.kind === 'number' ? formatReading(value, item.unit) : String(value);
  if (item?.kind === 'photo') return '已拍照';
  return String(value);
}

/** A whole result in words, for a run's first save: the value, then its note, photo and ticket. */
function resultText(result: ResultShape, context: LabelContext): string {
  const extras = [
    typeof result.note === 'string' && result.note !== '' ? `备注：${result.note}` : undefined,
    typeof result.photoSha256 === 'string' ? '附现场照片' : undefined,
    typeof result.ticketId === 'string' ? '已开工单' : undefined,
  ].filter((extra) => extra !== undefined);
  const text = valueText(result, context);
  return extras.length === 0 ? text : `${text}（${extras.join('，')}）`;
}

function describeAttachment(item: unknown): string {
  if (!isRecord(item)) return JSON.stringify(item);
  return String(item.name);
}

const DEADLINE_LABELS = { response: '响应时限', resolution: '解决时限' } as const;

/**
 * A recomputation of a ticket's clocks when a year's notice arrived (store/calendar): each clock whose
 * deadline or 暂定 mark changed, e.g. "解决时限：2027-03-12 00:00（暂定） → 2027-03-11 00:00".
 */
function describeDeadlineChanges(oldValue: unknown, newValue: unknown): ValueChange[] {
  const text = (clock: unknown): string => {
    if (!isRecord(clock)) return '不计时';
    const deadline = typeof clock.deadline === 'number' ? minute(clock.deadline) : '暂停计时';
    return clock.provisional === true ? `${deadline}（暂定）` : deadline;
  };
  return (['response', 'resolution'] as const).flatMap((kind) => {
    const before = text(isRecord(oldValue) ? oldValue[kind] : undefined);
    const after = text(isRecord(newValue) ? newValue[kind] : undefined);
    return before === after ? [] : [{ label: DEADLINE_LABELS[kind], before, after }];
  });
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
