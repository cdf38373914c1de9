import { useQuery } from '@tanstack/react-query';
import { readStoredCalendar, useDatabase } from '../../store';
import { CALENDAR_QUERY_KEY } from './use-save-calendar-notice';

/**
 * The calendar clocks run on here (shipped years and the notices added), and the added notices. The
 * store swaps its rules when notices arrive; this query is what makes the page render again then.
 */
export function useWorkingCalendar() {
  const db = useDatabase();
  const stored = useQuery({ queryKey: CALENDAR_QUERY_KEY, queryFn: () => readStoredCalendar(db) });
  return { calendar: db.slaRules.calendar, added: stored.data?.notices ?? [], pending: stored.isPending };
}
