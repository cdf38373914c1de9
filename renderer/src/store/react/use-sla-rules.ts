import { useQuery } from '@tanstack/react-query';
import { readStoredCalendar } from '../calendar/calendar-notices';
import type { SlaRules } from '../rows/sla-rules';
import { useDatabase } from './store-context';

/** Invalidated after every sync (invalidate-after-save.ts) and after the lead saves a notice. */
export const CALENDAR_NOTICES_QUERY_KEY = ['calendarNotices'] as const;

/** The calendar notices an admin added, as this PC keeps them. */
export function useStoredCalendar() {
  const db = useDatabase();
  return useQuery({ queryKey: CALENDAR_NOTICES_QUERY_KEY, queryFn: () => readStoredCalendar(db) });
}

/**
 * The rules clocks are computed with. The store swaps them when notices arrive; reading the stored
 * notices here is what renders a view again then, so a ticket open on screen loses its 暂定 mark at once.
 */
export function useSlaRules(): SlaRules {
  const db = useDatabase();
  useStoredCalendar();
  return db.slaRules;
}
