import { dayNumberOf, dayNumberToIsoDate } from '../../time/shanghai-time';
import type { DateRange } from './common';

/**
 * The contract year that holds `now`. The tender's term runs a year 自合同签订之日起, and the signing
 * date is in no document the profile is built from, so until a deployment records it the year is the
 * calendar year: the acceptance reviews and the department's own reporting count by it as well.
 */
export function contractYearOf(now: number): DateRange & { readonly label: string } {
  const year = dayNumberToIsoDate(dayNumberOf(now)).slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31`, label: `${year} 年度` };
}
