import type { Obligation } from '@core/obligations';
import { type ReportSubmission, reportSubmissionId, reportSubmissionSchema } from '@core/records/kinds';
import { safeParseInChinese } from '@core/records/validation';
import { type Instant, dayNumberOf, dayNumberToIsoDate } from '@core/time/shanghai-time';
import { parseMinute } from '../tickets/format-time';

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

/** What the 标记为已提交 dialog holds: when the report was handed in (Beijing time as typed) and a note. */
export interface SubmissionInput {
  readonly submittedAt: string;
  readonly note: string;
}

/** A hand-in as the user described it: when it happened and what they noted. */
export interface HandIn {
  readonly submittedAt: Instant;
  readonly note: string;
}

const YEAR_MS = 366 * 24 * 3_600_000;

/**
 * The dialog's values read: the time handed in may be earlier than now (marked the day after), never
 * later, and not a year before the report's due day (a mistyped year).
 */
export function handInOf(
  input: SubmissionInput,
  obligation: Obligation,
  now: Instant,
): { readonly ok: true; readonly handIn: HandIn } | { readonly ok: false; readonly reason: string } {
  const at = parseMinute(input.submittedAt);
  if (!at.ok) return { ok: false, reason: `提交时间：${at.reason}` };
  if (at.instant > now) return { ok: false, reason: '提交时间不能晚于现在' };
  if (obligation.dueAt !== null && at.instant < obligation.dueAt - YEAR_MS) {
    return { ok: false, reason: '提交时间比应报送日期早一年以上，请检查年份' };
  }
  return { ok: true, handIn: { submittedAt: at.instant, note: input.note.trim() } };
}

/**
 * The hand-in of an occasion by the user, saved `at`: the one record of that occasion (its id is the
 * obligation's), so one undone earlier comes back rather than a second being made. Handed in when
 * `handIn` says, or at `at` with no note.
 */
export function submissionFor(
  obligation: Obligation,
  context: {
    readonly before: ReportSubmission | null;
    readonly actor: string;
    readonly at: number;
    readonly handIn?: HandIn;
  },
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
    submittedAt: context.handIn?.submittedAt ?? context.at,
    submittedBy: context.actor,
    note: context.handIn?.note ?? '',
  });
  if (!parsed.success) {
    return { ok: false, reason: parsed.error.issues.map((issue) => issue.message).join('；') };
  }
  return { ok: true, record: parsed.data };
}
