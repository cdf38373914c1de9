import { newRecordId, parseRecord, refuse, type Refusal } from '@core/records';
import { type DutyLog, dutyEventSchema, dutyLogSchema } from '@core/records/kinds';
import type { Instant } from '@core/time/shanghai-time';

/** One event handled on duty, as the form edits it. */
export interface DutyEventValues {
  readonly summary: string;
  readonly ticketIds: readonly string[];
}

/** What the duty log form edits; who, which day and the hand-over are set elsewhere. */
export interface DutyLogFormValues {
  /** null while the field is cleared. */
  readonly callsReceived: number | null;
  readonly events: readonly DutyEventValues[];
  readonly notes: string;
}

/** The day, scope and person a new log is for. */
export interface DutyLogSubject {
  readonly date: string;
  readonly subsystemId: number | null;
  readonly onDuty: string;
}

export const EMPTY_DUTY_LOG_VALUES: DutyLogFormValues = { callsReceived: 0, events: [], notes: '' };

export function formValuesOf(log: DutyLog): DutyLogFormValues {
  return {
    callsReceived: log.callsReceived,
    events: log.events.map((event) => ({ summary: event.summary, ticketIds: [...event.ticketIds] })),
    notes: log.notes,
  };
}

/**
 * The form's problems in the user's words, each saying where: 接听电话数, 第 2 条事件. Empty when the
 * form can be saved. An event row left wholly empty is dropped rather than refused.
 */
export function dutyLogFormProblems(values: DutyLogFormValues): string[] {
  const problems: string[] = [];
  if (values.callsReceived === null) problems.push('请填写接听电话数（没有来电填 0）');
  else if (!Number.isInteger(values.callsReceived) || values.callsReceived < 0)
    problems.push('接听电话数应为不小于 0 的整数');
  else if (values.callsReceived > 10_000) problems.push('接听电话数不能超过 10000');
  filledEvents(values.events).forEach((event, index) => {
    const parsed = dutyEventSchema.safeParse({ summary: event.summary, ticketIds: [...event.ticketIds] });
    if (!parsed.success) {
      problems.push(`第 ${index + 1} 条事件：${parsed.error.issues[0]?.message ?? '内容无效'}`);
    }
  });
  if (values.notes.length > 10_000) problems.push('值班备注不能超过 10000 个字符');
  return problems;
}

function filledEvents(events: readonly DutyEventValues[]): DutyEventValues[] {
  return events.filter((event) => event.summary.trim() !== '' || event.ticketIds.length > 0);
}

/**
 * The log the form describes: a new one for `subject`, or `before` with the form's fields changed
 * (its day, person and hand-over stay as they are). Refused with every problem in the user's words.
 */
export function dutyLogFromForm(
  before: DutyLog | null,
  subject: DutyLogSubject,
  values: DutyLogFormValues,
  actor: string,
  at: Instant,
): { readonly ok: true; readonly log: DutyLog } | Refusal {
  const problems = dutyLogFormProblems(values);
  if (problems.length > 0) return refuse(problems.join('；'));
  const fields = {
    callsReceived: values.callsReceived ?? 0,
    events: filledEvents(values.events).map((event) => ({
      summary: event.summary.trim(),
      ticketIds: [...event.ticketIds],
    })),
    notes: values.notes,
  };
  const record =
    before === null
      ? {
          id: newRecordId(),
          createdBy: actor,
          createdAt: at,
          updatedAt: at,
          deleted: false,
          subsystemId: subject.subsystemId,
          date: subject.date,
          onDuty: subject.onDuty,
          ...fields,
          handOverTo: null,
          handOverNote: '',
          handedOverAt: null,
          signedOffAt: null,
        }
      : { ...before, ...fields, updatedAt: at };
  const parsed = parseRecord(dutyLogSchema, record, '值班记录');
  return parsed.ok ? { ok: true, log: parsed.value } : parsed;
}

/**
 * When the receiver signs off: now, but never before the hand-over. Two PCs' clocks differ by a
 * few minutes; a receiver whose clock runs behind the giver's would otherwise be refused a sign-off
 * (签收时间不能早于交接时间) for a hand-over they can see.
 */
export function signOffTime(log: DutyLog, now: Instant): Instant {
  return Math.max(now, log.handedOverAt ?? now);
}
