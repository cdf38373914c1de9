import type { Obligation } from '@core/obligations';
import { type ReportSubmission, reportSubmissionId, reportSubmissionSchema } from '@core/records/kinds';
import { safeParseInChinese } from '@core/records/validation';
import { dayNumberOf, dayNumberToIsoDate } from '@core/time/shanghai-time';

/** Who may say a report was handed in: the lead; engineers for their subsystems' reports. */
export interface SubmissionRights {
  /** The subsystems whose reports the user writes (the same rule sync applies). */
  readonly subsystemIds: readonly number[];
  /** Whether the user writes contract-wide hand-ins (an acceptance's documents): the project lead. */
  readonly contractWide: boolean;
}

/**
 * Whether the 报表与验收 list offers 标记为已提交 for an occasion: a report or acceptance not handed in
 * yet (due, at risk, or its day passed with nothing handed in), that the user may write.
 */
export function canMarkSubmitted(obligation: Obligation, rights: SubmissionRights): boolean {
  if (obligation.kind !== 'report' && obligation.kind !== 'acceptance') return false;
  if (obligation.state === 'met' || obligation.recordIds.length > 0 || obligation.dueAt === null)
    return false;
  return obligation.subsystemId === null
    ? rights.contractWide
    : rights.subsystemIds.includes(obligation.subsystemId);
}

export type SubmissionFromObligation =
  { readonly ok: true; readonly record: ReportSubmission } | { readonly ok: false; readonly reason: string };

/**
 * The hand-in of an occasion, now, by the user: the one record of that occasion (its id is the
 * obligation's), so one undone earlier comes back rather than a second being made.
 */
export function submissionFor(
  obligation: Obligation,
  context: { readonly before: ReportSubmission | null; readonly actor: string; readonly at: number },
): SubmissionFromObligation {
  if (obligation.dueAt === null) return { ok: false, reason: `“${obligation.title}”没有应报送日期` };
  const { before } = context;
  const parsed = safeParseInChinese(reportSubmissionSchema, {
    id: reportSubmissionId(obligation.id),
    subsystemId: obligation.subsystemId,
    createdBy: before?.createdBy ?? context.actor,
    createdAt: before?.createdAt ?? context.at,
    updatedAt: context.at,
    deleted: false,
    obligationId: obligation.id,
    // dueAt is the end of the due day: the day is the one before it.
    dueDate: dayNumberToIsoDate(dayNumberOf(obligation.dueAt - 1)),
    submittedAt: context.at,
    submittedBy: context.actor,
    note: '',
  });
  if (!parsed.success) {
    return { ok: false, reason: parsed.error.issues.map((issue) => issue.message).join('；') };
  }
  return { ok: true, record: parsed.data };
}
