import { newTicket } from '../ticket-create';
import { newTemplate } from '../inspection-template-versions';
import { recordResult, startRun } from '../inspection-run-actions';
import type { RecordType } from '../record-envelope';
import { RECORD_KINDS } from '../record-kinds';
import { parseRecord } from '../validation';

/*
 * One valid record of every registered type, for tests that must run over all of them (sync
 * convergence on the client and the server, scope): a loop over RECORD_TYPES, so a new type without a
 * sample fails those tests instead of being skipped by them.
 */

export interface SampleOptions {
  readonly id: string;
  readonly actor: string;
  readonly at: number;
  /** The subsystem of a subsystem-scoped record, or of duty; null for contract-wide duty. */
  readonly subsystemId?: number | null;
  /** The units of a visit. */
  readonly unitIds?: readonly number[];
  /** A blob (SHA-256) for each type that refers to blobs: attachments, photos, sign-in sheets. */
  readonly sha256?: string;
}

type Sample = Readonly<Record<string, unknown>>;

const ATTACHMENT_NAME = '附件.jpg';

function envelope(options: SampleOptions) {
  return {
    id: options.id,
    createdBy: options.actor,
    createdAt: options.at,
    updatedAt: options.at,
    deleted: false,
  };
}

function attachments(options: SampleOptions) {
  return options.sha256 === undefined
    ? []
    : [{ sha256: options.sha256, name: ATTACHMENT_NAME, mime: 'image/jpeg', size: 1024 }];
}

function day(at: number): string {
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
}

const SAMPLES: { readonly [T in RecordType]: (options: SampleOptions) => Sample } = {
  ticket: (options) => {
    const result = newTicket(
      {
        subsystemId: options.subsystemId ?? 5,
        channel: 'phone',
        reporter: { unit: '省人社厅办公室', person: '王老师', phone: '0851-86812345' },
        category: 'fault',
        severity: 'major',
        title: '门户网站首页打不开',
        description: '上午九点起首页显示 502',
        receivedAt: options.at,
      },
      { actor: options.actor, at: options.at, id: options.id },
    );
    if (!result.ok) throw new Error(result.reason);
    return { ...result.ticket, attachments: attachments(options) };
  },
  inspection_template: (options) => {
    const result = newTemplate(
      {
        // One checklist per sample: two samples of the same version number would be one template twice.
        templateId: `sample-${options.id.slice(-12)}`,
        subsystemId: options.subsystemId ?? 5,
        name: '机房日检',
        schedule: null,
        items: [{ id: 'photo', label: '机柜照片', kind: 'photo', required: false }],
      },
      { actor: options.actor, at: options.at, id: options.id },
    );
    if (!result.ok) throw new Error(result.reason);
    return result.template;
  },
  inspection_run: (options) => {
    const template = SAMPLES.inspection_template({ ...options, id: `${options.id.slice(0, -4)}ffff` });
    const typedTemplate = parsed('inspection_template', template);
    const started = startRun(typedTemplate, {
      actor: options.actor,
      at: options.at,
      scheduledFor: null,
      id: options.id,
    });
    if (!started.ok) throw new Error(started.reason);
    if (options.sha256 === undefined) return started.run;
    const recorded = recordResult(started.run, typedTemplate, 'photo', options.sha256, {
      photoSha256: options.sha256,
    });
    if (!recorded.ok) throw new Error(recorded.reason);
    return recorded.run;
  },
  training: (options) => ({
    ...envelope(options),
    subsystemId: options.subsystemId ?? 8,
    requirementId: null,
    unitId: null,
    topic: '系统操作培训',
    audience: '业务经办人员',
    startAt: options.at,
    durationMinutes: 120,
    delivery: 'in_person',
    place: '信息中心会议室',
    trainers: [{ name: '王老师', title: '高级工程师', level: 'intermediate' }],
    attendance:
      options.sha256 === undefined
        ? { kind: 'list', attendees: [{ name: '李明', unit: '信息中心' }] }
        : {
            kind: 'count',
            count: 12,
            signInSheet: { sha256: options.sha256, name: '签到表.jpg', mime: 'image/jpeg', size: 2048 },
          },
    materials: attachments(options),
    satisfaction: null,
    notes: '',
  }),
  sensitive_period: (options) => ({
    ...envelope(options),
    name: '全国两会',
    from: day(options.at),
    to: day(options.at),
    subsystemIds: null,
    note: '',
  }),
  duty_assignment: (options) => ({
    ...envelope(options),
    subsystemId: options.subsystemId ?? null,
    date: day(options.at),
    person: options.actor,
  }),
  duty_swap: (options) => ({
    ...envelope(options),
    subsystemId: options.subsystemId ?? null,
    assignmentA: `${options.id.slice(0, -4)}aaaa`,
    personA: options.actor,
    assignmentB: null,
    personB: `${options.actor}-cover`,
    at: options.at,
    reason: '',
  }),
  duty_log: (options) => ({
    ...envelope(options),
    subsystemId: options.subsystemId ?? null,
    date: day(options.at),
    onDuty: options.actor,
    callsReceived: 0,
    events: [],
    notes: '',
    handOverTo: null,
    handOverNote: '',
    handedOverAt: null,
    signedOffAt: null,
  }),
  visit: (options) => ({
    ...envelope(options),
    date: day(options.at),
    visitor: options.actor,
    unitIds: [...(options.unitIds ?? [1])],
    peopleMet: [],
    ticketIds: [],
    suggestions: '',
    satisfaction: [],
    photos: attachments(options),
  }),
  onsite_day: (options) => ({
    ...envelope(options),
    subsystemId: options.subsystemId ?? 8,
    date: day(options.at),
    engineer: options.actor,
    presence: 'on_site',
    hours: 8,
    summary: '日常巡检',
  }),
  reminder_receipt: (options) => ({
    ...envelope(options),
    user: options.actor,
    cause: `sample:${options.id}`,
    firedAt: options.at,
    snoozedUntil: null,
    dismissedAt: null,
  }),
  report_remark: (options) => ({
    ...envelope(options),
    subsystemId: options.subsystemId ?? 8,
    month: day(options.at).slice(0, 7),
    problems: '部分单位网络时有中断，建议协调网络运营商排查。',
    plan: '完成年度等级保护测评的整改。',
    author: options.actor,
  }),
  report_submission: (options) => ({
    ...envelope(options),
    subsystemId: options.subsystemId === undefined ? 10 : options.subsystemId,
    obligationId: `report:s10-day10-analysis:${day(options.at).slice(0, 7)}-10`,
    dueDate: `${day(options.at).slice(0, 7)}-10`,
    submittedAt: options.at,
    submittedBy: options.actor,
    note: '',
  }),
};

function parsed<T extends RecordType>(recordType: T, record: Sample) {
  const result = parseRecord(RECORD_KINDS[recordType].schema, record, RECORD_KINDS[recordType].label);
  if (!result.ok) throw new Error(`${recordType}: ${result.reason}`);
  return result.value as never;
}

/** A valid record of the type, checked against its schema. */
export function sampleRecord(recordType: RecordType, options: SampleOptions): Sample {
  return parsed(recordType, SAMPLES[recordType](options));
}

/**
 * A free-text field of each type that any writer may change to any short text, for tests that edit
 * records concurrently.
 */
export const SAMPLE_TEXT_FIELDS: { readonly [T in RecordType]: string } = {
  ticket: 'description',
  inspection_template: 'name',
  inspection_run: 'inspector',
  training: 'notes',
  sensitive_period: 'note',
  duty_assignment: 'person',
  duty_swap: 'reason',
  duty_log: 'notes',
  visit: 'suggestions',
  onsite_day: 'summary',
  reminder_receipt: 'cause',
  report_remark: 'problems',
  report_submission: 'note',
};
