import type { OnSiteDay } from '@core/records/kinds';
import { plainStoreKind } from '../../store/kinds/plain-store-kind';

/** On-site days, by their day. */
export const onSiteDayStoreKind = plainStoreKind<OnSiteDay>('onsite_day', {
  dayOf: (day) => day.date,
  pathOf: () => '/onsite',
});
