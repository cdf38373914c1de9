import type { DutyAssignment, DutyLog, DutySwap, SensitivePeriod } from '@core/records/kinds';
import { dayNumberOf, dayNumberToIsoDate } from '@core/time/shanghai-time';
import { plainStoreKind } from '../../store/kinds/plain-store-kind';

const dutyPage = () => '/duty';

/** Sensitive periods, by their first day. */
export const sensitivePeriodStoreKind = plainStoreKind<SensitivePeriod>('sensitive_period', {
  dayOf: (period) => period.from,
  pathOf: dutyPage,
});

/** The roster's assignments and duty logs, by their duty day. */
export const dutyAssignmentStoreKind = plainStoreKind<DutyAssignment>('duty_assignment', {
  dayOf: (shift) => shift.date,
  pathOf: dutyPage,
});
export const dutyLogStoreKind = plainStoreKind<DutyLog>('duty_log', {
  dayOf: (log) => log.date,
  pathOf: (logId) => `/duty/log/${logId}`,
});

/** Swaps, by the day they were agreed (they apply in that order). */
export const dutySwapStoreKind = plainStoreKind<DutySwap>('duty_swap', {
  dayOf: (swap) => dayNumberToIsoDate(dayNumberOf(swap.at)),
  pathOf: dutyPage,
});
