import { newRecordId, refuse, safeParseInChinese, type Refusal } from '@core/records';
import {
  type DutyAssignment,
  type SensitivePeriod,
  dutyAssignmentSchema,
  sensitivePeriodSchema,
} from '@core/records/kinds';
import type { Instant } from '@core/time/shanghai-time';
import type { z } from 'zod';

/** What the sensitive-period form edits. */
export interface SensitivePeriodValues {
  readonly name: string;
  /** `YYYY-MM-DD`, or null while not chosen. */
  readonly from: string | null;
  readonly to: string | null;
  /** null: the whole contract. */
  readonly subsystemIds: readonly number[] | null;
  readonly note: string;
}

export function periodValuesOf(period: SensitivePeriod): SensitivePeriodValues {
  return {
    name: period.name,
    from: period.from,
    to: period.to,
    subsystemIds: period.subsystemIds === null ? null : [...period.subsystemIds],
    note: period.note,
  };
}

/**
 * The schemas word every message for the user (请填写时期名称, 结束日期不能早于开始日期); the path
 * would only show field names, so the messages are joined alone.
 */
function messagesOf(error: z.ZodError): string {
  return [...new Set(error.issues.map((issue) => issue.message))].join('；');
}

/** A new or edited sensitive period from the form; refused in the user's words. */
export function sensitivePeriodFromForm(
  before: SensitivePeriod | null,
  values: SensitivePeriodValues,
  actor: string,
  at: Instant,
): { readonly ok: true; readonly period: SensitivePeriod } | Refusal {
  if (values.from === null || values.to === null) return refuse('请选择重要时期的开始和结束日期');
  const fields = {
    name: values.name.trim(),
    from: values.from,
    to: values.to,
    subsystemIds: values.subsystemIds === null ? null : [...values.subsystemIds],
    note: values.note,
  };
  const record =
    before === null
      ? { id: newRecordId(), createdBy: actor, createdAt: at, updatedAt: at, deleted: false, ...fields }
      : { ...before, ...fields, updatedAt: at };
  const parsed = safeParseInChinese(sensitivePeriodSchema, record);
  return parsed.success ? { ok: true, period: parsed.data } : refuse(messagesOf(parsed.error));
}

/** One person on duty one day in one scope, as the lead assigns it. */
export function newAssignment(
  date: string,
  subsystemId: number | null,
  person: string,
  actor: string,
  at: Instant,
): { readonly ok: true; readonly assignment: DutyAssignment } | Refusal {
  const parsed = safeParseInChinese(dutyAssignmentSchema, {
    id: newRecordId(),
    createdBy: actor,
    createdAt: at,
    updatedAt: at,
    deleted: false,
    subsystemId,
    date,
    person: person.trim(),
  });
  return parsed.success
    ? { ok: true, assignment: parsed.data }
    : refuse(`${date} 的值班人员“${person.trim().slice(0, 20)}”：${messagesOf(parsed.error)}`);
}
