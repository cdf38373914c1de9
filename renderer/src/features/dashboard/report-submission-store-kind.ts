import type { ReportSubmission } from '@core/records/kinds';
import { plainStoreKind } from '../../store/kinds/plain-store-kind';

/** Reports handed in, by the day they were due. */
export const reportSubmissionStoreKind = plainStoreKind<ReportSubmission>('report_submission', {
  dayOf: (submission) => submission.dueDate,
  pathOf: () => '/dashboard',
});
