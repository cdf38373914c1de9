import type { z } from 'zod';
import type { Role } from '../auth/roles';
import type { JsonValue } from '../sync/json-value';
import { inspectionRunSchema } from './inspection-run';
import {
  dutyAssignmentSchema,
  dutyLogSchema,
  dutySwapSchema,
  onSiteDaySchema,
  reminderReceiptSchema,
  sensitivePeriodSchema,
  trainingSchema,
  visitSchema,
} from './kinds';
import { inspectionTemplateSchema } from './inspection-template';
import { RECORD_TYPES, type RecordType } from './record-envelope';
import { ticketSchema } from './ticket';
import type { TicketEvent } from './ticket-event';
import { statusFromEvents } from './ticket-status';

/*
 * One registration per record type: everything the server, the store, sync and the test doubles need
 * to know about a type that is not its schema's own business. Code that treats types differently reads
 * a descriptor here (or switches exhaustively over RecordType), so a new type that is not registered
 * does not compile, instead of silently failing to upload its photos or to be written by a pull.
 */

/**
 * Which records of the type a user reads and writes:
 * - `subsystem`: by the envelope's `subsystemId` (tickets, inspections, trainings, on-site days);
 * - `subsystem_or_contract`: by a `subsystemId` that may be null for the whole contract (duty);
 * - `unit`: by the document-system unit ids in `field` (visits);
 * - `contract`: everyone in the contract reads them (sensitive periods).
 */
export type RecordScopeRule =
  | { readonly by: 'subsystem' }
  | { readonly by: 'subsystem_or_contract' }
  | { readonly by: 'unit'; readonly field: string }
  | { readonly by: 'contract' };

/** A field whose value is computed from another field's value, never taken from a write. */
export interface DerivedField {
  readonly field: string;
  readonly from: string;
  /** The derived value, or undefined when the source value is malformed (the field is then left as it is). */
  readonly compute: (source: JsonValue) => JsonValue | undefined;
}

/**
 * A field naming the person a record belongs to (the one on duty, the stationed engineer): besides the
 * project lead, only that person writes the record, and `onlyFields` narrows what they may write (the
 * receiver of a hand-over signs it off and changes nothing else). Checked against the record before and
 * after the write, so a record cannot be taken over by renaming its person.
 */
export interface OwnerField {
  readonly field: string;
  /** The person, in messages: 值班人. */
  readonly who: string;
  readonly onlyFields?: readonly string[];
  /** What `onlyFields` lets them do, in messages: 签收. */
  readonly may?: string;
}

/** A field holding blob hashes (SHA-256): the candidate values of its value, or of each item of a list. */
export interface BlobField {
  readonly field: string;
  readonly hashesOf: (item: JsonValue) => readonly (JsonValue | undefined)[];
}

export interface RecordKind {
  readonly type: RecordType;
  /** The whole record, cross-field rules included. */
  readonly schema: z.ZodObject;
  /** For messages: 工单, 巡检模板, 巡检记录. */
  readonly label: string;
  /** What a message names one record by (a ticket's title, a template's name), or undefined. */
  readonly titleOf: (record: Readonly<Record<string, unknown>>) => string | undefined;
  /** Computed fields besides `updatedAt` (which every type derives from its latest write). */
  readonly derived: readonly DerivedField[];
  /** Fields merged as a timeline (union by event id) rather than by the last write. */
  readonly timelines: readonly string[];
  readonly blobs: readonly BlobField[];
  readonly scope: RecordScopeRule;
  /** The roles that may write records of the type (within their scope). */
  readonly writers: readonly Role[];
  /** Why a role outside `writers` may not, where the general sentence would mislead. */
  readonly refusals: Readonly<Partial<Record<Role, string>>>;
  /** The people a record belongs to; empty when any writer within scope may write it. */
  readonly owners: readonly OwnerField[];
}

export const RECORD_KINDS: { readonly [T in RecordType]: RecordKind & { readonly type: T } } = {
  ticket: {
    type: 'ticket',
    schema: ticketSchema,
    label: '工单',
    titleOf: (record) => text(record.title),
    derived: [
      {
        field: 'status',
        from: 'events',
        compute: (events) =>
          Array.isArray(events) ? statusFromEvents(events as unknown as TicketEvent[]) : undefined,
      },
    ],
    timelines: ['events'],
    blobs: [{ field: 'attachments', hashesOf: (attachment) => [property(attachment, 'sha256')] }],
    scope: { by: 'subsystem' },
    writers: ['project_lead', 'engineer'],
    refusals: {},
    owners: [],
  },
  inspection_template: {
    type: 'inspection_template',
    schema: inspectionTemplateSchema,
    label: '巡检模板',
    titleOf: (record) => text(record.name),
    derived: [],
    timelines: [],
    blobs: [],
    scope: { by: 'subsystem' },
    // The checklists are the contract's, kept by the project lead (manual: 巡检模板); engineers fill them in.
    writers: ['project_lead'],
    refusals: { engineer: '巡检模板由项目负责人维护，驻场工程师不能修改' },
    owners: [],
  },
  inspection_run: {
    type: 'inspection_run',
    schema: inspectionRunSchema,
    label: '巡检记录',
    titleOf: () => undefined,
    derived: [],
    timelines: [],
    // A photo item's value is its photo's SHA-256; any other item's value never looks like one.
    blobs: [
      {
        field: 'results',
        hashesOf: (result) => [property(result, 'photoSha256'), property(result, 'value')],
      },
    ],
    scope: { by: 'subsystem' },
    writers: ['project_lead', 'engineer'],
    refusals: {},
    owners: [],
  },
  training: {
    type: 'training',
    schema: trainingSchema,
    label: '培训记录',
    titleOf: (record) => text(record.topic),
    derived: [],
    timelines: [],
    blobs: [
      { field: 'materials', hashesOf: (material) => [property(material, 'sha256')] },
      {
        field: 'attendance',
        hashesOf: (attendance) => [property(property(attendance, 'signInSheet') ?? null, 'sha256')],
      },
    ],
    scope: { by: 'subsystem' },
    writers: ['project_lead', 'engineer'],
    refusals: {},
    owners: [],
  },
  sensitive_period: {
    type: 'sensitive_period',
    schema: sensitivePeriodSchema,
    label: '重要时期',
    titleOf: (record) => text(record.name),
    derived: [],
    timelines: [],
    blobs: [],
    scope: { by: 'contract' },
    writers: ['project_lead'],
    refusals: { engineer: '重要时期由项目负责人设定，驻场工程师不能修改' },
    owners: [],
  },
  duty_assignment: {
    type: 'duty_assignment',
    schema: dutyAssignmentSchema,
    label: '值班安排',
    titleOf: (record) => joined(record.date, record.person),
    derived: [],
    timelines: [],
    blobs: [],
    scope: { by: 'subsystem_or_contract' },
    writers: ['project_lead'],
    refusals: { engineer: '排班由项目负责人安排；需要换班请在“值班”页登记调班' },
    owners: [],
  },
  duty_swap: {
    type: 'duty_swap',
    schema: dutySwapSchema,
    label: '调班记录',
    titleOf: (record) => joined(record.personA, record.personB),
    derived: [],
    timelines: [],
    blobs: [],
    scope: { by: 'subsystem_or_contract' },
    writers: ['project_lead', 'engineer'],
    refusals: {},
    // The person giving the shift records the swap.
    owners: [{ field: 'personA', who: '调出班次的值班人' }],
  },
  duty_log: {
    type: 'duty_log',
    schema: dutyLogSchema,
    label: '值班记录',
    titleOf: (record) => joined(record.date, record.onDuty),
    derived: [],
    timelines: [],
    blobs: [],
    scope: { by: 'subsystem_or_contract' },
    writers: ['project_lead', 'engineer'],
    refusals: {},
    owners: [
      { field: 'onDuty', who: '值班人' },
      { field: 'handOverTo', who: '交接接收人', onlyFields: ['signedOffAt'], may: '签收' },
    ],
  },
  visit: {
    type: 'visit',
    schema: visitSchema,
    label: '回访记录',
    titleOf: (record) => text(record.date),
    derived: [],
    timelines: [],
    blobs: [{ field: 'photos', hashesOf: (photo) => [property(photo, 'sha256')] }],
    scope: { by: 'unit', field: 'unitIds' },
    writers: ['project_lead', 'service_manager'],
    refusals: { engineer: '回访记录由服务经理登记，驻场工程师不能修改' },
    owners: [{ field: 'visitor', who: '回访人' }],
  },
  onsite_day: {
    type: 'onsite_day',
    schema: onSiteDaySchema,
    label: '驻场记录',
    titleOf: (record) => joined(record.date, record.engineer),
    derived: [],
    timelines: [],
    blobs: [],
    scope: { by: 'subsystem' },
    writers: ['project_lead', 'engineer'],
    refusals: {},
    owners: [{ field: 'engineer', who: '驻场工程师' }],
  },
  reminder_receipt: {
    type: 'reminder_receipt',
    schema: reminderReceiptSchema,
    label: '提醒记录',
    titleOf: () => undefined,
    derived: [],
    timelines: [],
    blobs: [],
    // Contract-wide so that each of the user's PCs receives it (some thousands a year, none secret).
    scope: { by: 'contract' },
    writers: ['project_lead', 'engineer', 'service_manager'],
    refusals: {},
    owners: [{ field: 'user', who: '提醒的接收人' }],
  },
};

export function recordKind(recordType: RecordType): RecordKind {
  return RECORD_KINDS[recordType];
}

/** Each type's label, for code that only needs the words. */
export const RECORD_TYPE_LABELS = Object.fromEntries(
  RECORD_TYPES.map((recordType) => [recordType, RECORD_KINDS[recordType].label]),
) as Readonly<Record<RecordType, string>>;

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** e.g. `2026-10-01 张三`, for a record named by its day and person. */
function joined(...values: readonly unknown[]): string | undefined {
  const texts = values.filter((value): value is string => typeof value === 'string');
  return texts.length === values.length ? texts.join(' ') : undefined;
}

function property(item: JsonValue, key: string): JsonValue | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  return item[key];
}
