import type { ReportRemark } from '@core/records/kinds';
import { plainStoreKind } from '../../store/kinds/plain-store-kind';

/** The engineers' remarks on monthly reports, by the first day of their month. */
export const reportRemarkStoreKind = plainStoreKind<ReportRemark>('report_remark', {
  dayOf: (remark) => `${remark.month}-01`,
  pathOf: () => '/reports',
});
