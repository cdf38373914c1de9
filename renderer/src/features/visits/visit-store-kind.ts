import type { Visit } from '@core/records/kinds';
import { plainStoreKind } from '../../store/kinds/plain-store-kind';

/** Visits, by the day of the visit; the `records` table indexes their units too. */
export const visitStoreKind = plainStoreKind<Visit>('visit', {
  dayOf: (visit) => visit.date,
  pathOf: (visitId) => `/visits/${visitId}`,
});
