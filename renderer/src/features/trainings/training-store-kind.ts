import type { Training } from '@core/records/kinds';
import { dayNumberOf, dayNumberToIsoDate } from '@core/time/shanghai-time';
import { plainStoreKind } from '../../store/kinds/plain-store-kind';

/** Trainings, listed by the day they started. */
export const trainingStoreKind = plainStoreKind<Training>('training', {
  dayOf: (training) => dayNumberToIsoDate(dayNumberOf(training.startAt)),
  pathOf: (trainingId) => `/trainings/${trainingId}`,
});
