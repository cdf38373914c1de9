import type { DutyAssignment, DutyLog, DutySwap, SensitivePeriod } from '@core/records/kinds';
import { dayNumberOf, dayNumberToIsoDate } from '@core/time/shanghai-time';
import { plainStoreKind } from '../../store/kinds/plain-store-kind';

/** Sensitive periods, by their first day. */
export const sensitivePeriodStoreKind = plainStoreKind<SensitivePeriod>(
  'sensitive_period',
  (period) => period.from,
);

/** The roster's assignments and duty logs, by their duty day. */
export const dutyAssignmentStoreKind = plainStoreKind<DutyAssignment>(
  'duty_assignment',
  (shift) => shift.date,
);
export const dutyLogStoreKind = plainStoreKind<DutyLog>('duty_log', (log) => log.date);

/** Swaps, by the day they were agreed (they apply in that order). */
export const dutySwapStoreKind = plainStoreKind<DutySwap>('duty_swap', (swap) =>
  dayNumberToIsoDate(dayNumberOf(swap.at)),
);
