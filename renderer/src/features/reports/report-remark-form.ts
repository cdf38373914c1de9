import { type ReportRemark, reportRemarkId, reportRemarkSchema } from '@core/records/kinds';
import { safeParseInChinese } from '@core/records/validation';
import type { ReportScope } from '@core/reports';

/** What the 本月说明 form holds: the words for each section of the monthly report. */
export interface ReportRemarkValues {
  readonly problems: string;
  readonly plan: string;
}

export const EMPTY_REMARK_VALUES: ReportRemarkValues = { problems: '', plan: '' };

/**
 * The subsystems whose remarks the user may write on this report: those they write (the same rule
 * sync applies) that the report covers, in the contract's order.
 */
export function remarkSubsystems(writable: readonly number[], scope: ReportScope): number[] {
  return writable.filter((id) => scope.subsystemIds.length === 0 || scope.subsystemIds.includes(id));
}

/** The stored remark of a subsystem's month, undeleted, or null. */
export function remarkOf(
  remarks: readonly ReportRemark[],
  subsystemId: number,
  month: string,
): ReportRemark | null {
  const id = reportRemarkId(subsystemId, month);
  return remarks.find((remark) => remark.id === id && !remark.deleted) ?? null;
}

export function remarkValues(remark: ReportRemark | null): ReportRemarkValues {
  return remark === null ? EMPTY_REMARK_VALUES : { problems: remark.problems, plan: remark.plan };
}

export type RemarkFromForm =
  { readonly ok: true; readonly record: ReportRemark } | { readonly ok: false; readonly reason: string };

/**
 * The remark the form describes for a subsystem's month: the one record of that month (its id is the
 * subsystem's and month's, so a deleted one comes back rather than a second being made), written by
 * whoever saves it; or what is wrong, in the user's words.
 */
export function reportRemarkFromForm(
  values: ReportRemarkValues,
  context: {
    readonly before: ReportRemark | null;
    readonly subsystemId: number;
    readonly month: string;
    readonly actor: string;
    readonly at: number;
  },
): RemarkFromForm {
  const { before } = context;
  const parsed = safeParseInChinese(reportRemarkSchema, {
    id: reportRemarkId(context.subsystemId, context.month),
    subsystemId: context.subsystemId,
    createdBy: before?.createdBy ?? context.actor,
    createdAt: before?.createdAt ?? context.at,
    updatedAt: context.at,
    deleted: false,
    month: context.month,
    problems: values.problems.trim(),
    plan: values.plan.trim(),
    author: context.actor,
  });
  if (!parsed.success) {
    return { ok: false, reason: parsed.error.issues.map((issue) => issue.message).join('；') };
  }
  return { ok: true, record: parsed.data };
}
