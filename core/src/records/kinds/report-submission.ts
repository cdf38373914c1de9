import { z } from 'zod';
import { instantSchema, subsystemIdSchema, userIdSchema } from '../record-envelope';
import { freeTextSchema, recordDateSchema, unscopedEnvelopeShape } from './common';
import { stableRecordId } from './stable-id';

/**
 * That a report of the contract was handed in (报告已提交): one record per occasion, named by the report
 * obligation's id (`report:<profile report id>:<due day>`, or `acceptance:<day>` for the documents of an
 * acceptance; core/src/obligations/reports.ts), so the obligation becomes met or, handed in after its
 * day, broken. Scoped by the report's subsystem; an acceptance's documents are contract-wide (null).
 */
export const reportSubmissionSchema = z.strictObject({
  ...unscopedEnvelopeShape,
  subsystemId: subsystemIdSchema.nullable(),
  obligationId: z
    .string({ error: '报告应为文字' })
    .regex(/^(report:[^:\s]{1,100}|acceptance):\d{4}-\d{2}-\d{2}$/, { error: '报告的编号无效' }),
  /** The occasion's due day, as the obligation gives it. */
  dueDate: recordDateSchema,
  submittedAt: instantSchema,
  submittedBy: userIdSchema,
  note: freeTextSchema('报送说明', 1_000),
});
export type ReportSubmission = z.infer<typeof reportSubmissionSchema>;

/** The submission's record id for an occasion, the same on every PC: one record per report and day. */
export function reportSubmissionId(obligationId: string): string {
  return stableRecordId(`report_submission\u0000${obligationId}`);
}
